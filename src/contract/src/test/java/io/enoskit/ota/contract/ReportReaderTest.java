package io.enoskit.ota.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Message;
import com.atlassian.oai.validator.report.ValidationReport.MessageContext;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import org.junit.jupiter.api.Test;

/**
 * The report is read from its structured data: messages built with the validator's own builders, their wording
 * changed (or misleading) but their keys, parameters and pointers intact, still name the right field and rule.
 */
class ReportReaderTest {
    private static final String UPGRADE = """
            {"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,
             "upgradeScope":{"type":"partial","deviceKeys":["dk1"]}}""";
    private static final String REQUIRED = "validation.request.body.schema.required";
    private static final String UNKNOWN = "validation.request.body.schema.additionalProperties";
    private static final String DISCRIMINATOR = "validation.request.body.schema.discriminator";

    private final ReportReader reader = new ReportReader(OpenApiContract.load().openApi());

    @Test
    void missingFieldsAreNamedFromThePointersNotFromTheText() {
        JsonNode body = json("{\"type\":\"upgrade\",\"upgradeScope\":{\"type\":\"partial\"}}");
        Message message = schemaMessage(REQUIRED, "Pflichtfelder fehlen: [\"somethingElse\"]", "/",
                "/components/schemas/UpgradeJobRequest");

        assertThat(reader.violations(ValidationReport.singleton(message), body)).containsExactly(
                new Violation("enableUpgradeRequest", "is mandatory but missing"),
                new Violation("upgradePolicy", "is mandatory but missing"));
    }

    @Test
    void aMissingNestedFieldIsNamedWithItsPath() {
        JsonNode body = json(UPGRADE.replace("\"type\":\"partial\",", ""));
        Message message = schemaMessage(REQUIRED, "a field is missing", "/upgradeScope",
                "/components/schemas/UpgradeScope");

        assertThat(reader.violations(ValidationReport.singleton(message), body))
                .containsExactly(new Violation("upgradeScope.type", "is mandatory but missing"));
    }

    @Test
    void unknownFieldsAreNamedFromThePointersNotFromTheText() {
        JsonNode body = json(UPGRADE.replace("\"deviceKeys\":[\"dk1\"]",
                "\"assetTrees\":[{\"treeId\":\"t\"},{\"treeId\":\"u\",\"x\":1,\"a\\\"b\":2}]"));
        Message message = schemaMessage(UNKNOWN, "Unbekannte Felder: [\"y\"]", "/upgradeScope/assetTrees/1",
                "/components/schemas/AssetTreeSelector");

        assertThat(reader.violations(ValidationReport.singleton(message), body)).extracting(Violation::field)
                .containsExactly("upgradeScope.assetTrees[1].a\"b", "upgradeScope.assetTrees[1].x");
    }

    @Test
    void theFieldOfAnyOtherBodyRuleIsItsInstancePointerUnescaped() {
        JsonNode body = json(UPGRADE.replace("\"deviceKeys\":[\"dk1\"]", "\"attributes\":{\"a/b~c\":5}"));
        Message prefixed = schemaMessage("validation.request.body.schema.type",
                "[Path '/upgradeScope/attributes/a~1b~0c'] reworded: not an array", "/upgradeScope/attributes/a~1b~0c",
                "/components/schemas/UpgradeScope/properties/attributes/additionalProperties");
        Message bare = schemaMessage("validation.request.body.schema.maximum", "too big, in other words",
                "/upgradeTimeout", "/components/schemas/UpgradeTimeout");

        assertThat(reader.violations(ValidationReport.from(prefixed, bare), body)).containsExactly(
                new Violation("upgradeScope.attributes.a/b~c", "reworded: not an array"),
                new Violation("upgradeTimeout", "too big, in other words"));
    }

    @Test
    void anUnmappedDiscriminatorValueIsNamedFromTheSchemaAndTheBody() {
        JsonNode body = json(UPGRADE.replace("\"upgrade\"", "\"upgrad\""));
        Message unmapped = schemaMessage(DISCRIMINATOR, "Feld 'somethingElse' hat einen ungültigen Wert", "/",
                "/components/schemas/CreateOtaJobRequest");
        Message second = schemaMessage(DISCRIMINATOR, "no schema for that value", "/", "/components/schemas/upgrad");

        assertThat(reader.violations(ValidationReport.from(unmapped, second), body)).containsExactly(
                new Violation("type", "value 'upgrad' is not one of [upgrade, verify]"));
    }

    @Test
    void aMissingOrNonTextDiscriminatorIsNamedFromTheSchemaAndTheBody() {
        Message message = schemaMessage(DISCRIMINATOR, "reworded", "/", "/components/schemas/CreateOtaJobRequest");

        assertThat(reader.violations(ValidationReport.singleton(message), json("{}")))
                .containsExactly(new Violation("type", "is mandatory but missing"));
        assertThat(reader.violations(ValidationReport.singleton(message), json("{\"type\":5}")))
                .containsExactly(new Violation("type", "must be a String value"));
    }

    @Test
    void aMissingParameterIsNamedFromTheContext() {
        Message message = Message.create("validation.request.parameter.query.missing", "reworded")
                .withContext(MessageContext.create().withParameter(new QueryParameter().name("orgId")).build())
                .build();

        assertThat(reader.violations(ValidationReport.singleton(message), null))
                .containsExactly(new Violation("orgId", "is mandatory but missing or blank"));
    }

    @Test
    void pointersThatLeadNowhereGiveTheTextOnTheObjectRatherThanNamesReadFromIt() {
        Message message = schemaMessage(REQUIRED, "Object has missing required properties ([\"upgradePolicy\"])",
                "/", "/components/schemas/NoSuchSchema");

        assertThat(reader.violations(ValidationReport.singleton(message), json(UPGRADE))).containsExactly(
                new Violation("body", "Object has missing required properties ([\"upgradePolicy\"])"));
    }

    private static Message schemaMessage(String key, String text, String instance, String schema) {
        return Message.create(key, text)
                .withContext(MessageContext.create().withPointers(instance, schema).build())
                .build();
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
