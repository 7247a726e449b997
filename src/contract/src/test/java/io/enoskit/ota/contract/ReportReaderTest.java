package io.enoskit.ota.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Message;
import com.atlassian.oai.validator.report.ValidationReport.MessageContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private static final String ONE_OF = "validation.request.body.schema.oneOf";

    private final ReportReader reader = new ReportReader(OpenApiContract.load().openApi());

    @Test
    void missingFieldsAreNamedFromThePointersNotFromTheText() {
        JsonNode body = json("{\"type\":\"upgrade\",\"upgradeScope\":{\"type\":\"partial\"}}");
        Message message = schemaMessage(REQUIRED, "Pflichtfelder fehlen: [\"somethingElse\"]", "",
                "#/components/schemas/UpgradeJobRequest/required");

        assertThat(reader.violations(ValidationReport.singleton(message), body(body))).containsExactly(
                new Violation("enableUpgradeRequest", "is mandatory but missing"),
                new Violation("upgradePolicy", "is mandatory but missing"));
    }

    @Test
    void aMissingNestedFieldIsNamedWithItsPath() {
        JsonNode body = json(UPGRADE.replace("\"type\":\"partial\",", ""));
        Message message = schemaMessage(REQUIRED, "a field is missing", "/upgradeScope",
                "#/components/schemas/UpgradeScope/required");

        assertThat(reader.violations(ValidationReport.singleton(message), body(body)))
                .containsExactly(new Violation("upgradeScope.type", "is mandatory but missing"));
    }

    @Test
    void unknownFieldsAreNamedFromThePointersNotFromTheText() {
        JsonNode body = json(UPGRADE.replace("\"deviceKeys\":[\"dk1\"]",
                "\"assetTrees\":[{\"treeId\":\"t\"},{\"treeId\":\"u\",\"x\":1,\"a\\\"b\":2}]"));
        Message message = schemaMessage(UNKNOWN, "Unbekannte Felder: [\"y\"]", "/upgradeScope/assetTrees/1",
                "#/components/schemas/AssetTreeSelector/additionalProperties");

        assertThat(reader.violations(ValidationReport.singleton(message), body(body))).extracting(Violation::field)
                .containsExactly("upgradeScope.assetTrees[1].a\"b", "upgradeScope.assetTrees[1].x");
    }

    @Test
    void anyOtherBodyRuleIsWordedFromTheKeywordTheSchemaAndTheValueFound() {
        JsonNode body = json(UPGRADE.replace("\"deviceKeys\":[\"dk1\"]}", "\"attributes\":{\"a/b~c\":5}},"
                + "\"upgradeTimeout\":172801").replace("\"snapshot\"", "\"full\""));
        Message type = schemaMessage("validation.request.body.schema.type", "reworded: not an array",
                "/upgradeScope/attributes/a~1b~0c",
                "#/components/schemas/UpgradeScope/properties/attributes/additionalProperties/type");
        Message maximum = schemaMessage("validation.request.body.schema.maximum", "too big, in other words",
                "/upgradeTimeout", "#/components/schemas/UpgradeTimeout/maximum");
        Message enumeration = schemaMessage("validation.request.body.schema.enum", "nicht erlaubt",
                "/upgradePolicy", "#/components/schemas/UpgradeJobRequest/properties/upgradePolicy/enum");

        assertThat(reader.violations(ValidationReport.from(type, maximum, enumeration), body(body))).containsExactly(
                new Violation("upgradeScope.attributes.a/b~c", "must be an array, not an integer"),
                new Violation("upgradeTimeout", "is above the maximum: 172800 (found: 172801)"),
                new Violation("upgradePolicy", "value 'full' is not one of [snapshot, incremental]"));
    }

    @Test
    void aOneOfSummaryGivesWayToTheBranchesBreaches() {
        JsonNode body = json(UPGRADE.replace("\"snapshot\"", "\"full\""));
        Message summary = schemaMessage(ONE_OF, "0 are valid", "", "#/components/schemas/CreateOtaJobRequest/oneOf");
        Message enumeration = schemaMessage("validation.request.body.schema.enum", "nicht erlaubt",
                "/upgradePolicy", "#/components/schemas/UpgradeJobRequest/properties/upgradePolicy/enum");

        assertThat(reader.violations(ValidationReport.from(summary, enumeration), body(body))).containsExactly(
                new Violation("upgradePolicy", "value 'full' is not one of [snapshot, incremental]"));
        assertThat(reader.violations(ValidationReport.singleton(summary), body(body))).containsExactly(
                new Violation("body", "must match exactly one of the schemas this field allows (oneOf)"));
    }

    @Test
    void aMissingParameterIsNamedFromTheContext() {
        Message message = Message.create("validation.request.parameter.query.missing", "reworded")
                .withContext(MessageContext.create().withParameter(new QueryParameter().name("orgId")).build())
                .build();

        assertThat(reader.violations(ValidationReport.singleton(message), body(null)))
                .containsExactly(new Violation("orgId", "is mandatory but missing or blank"));
    }

    @Test
    void aParameterOutsideItsEnumIsNamedWithTheValueSentAndTheValuesAllowed() {
        Parameter action = new QueryParameter().name("action").schema(new StringSchema()._enum(List.of("create")));
        Message message = Message.create("validation.request.parameter.schema.enum", "reworded")
                .withContext(MessageContext.create().withParameter(action).withPointers("", "#/enum").build())
                .build();

        assertThat(reader.violations(ValidationReport.singleton(message), new ReportReader.Checked(null, null,
                Map.of("action", List.of("crate")), Set.of())))
                .containsExactly(new Violation("action", "value 'crate' is not one of [create]"));
    }

    @Test
    void pointersThatLeadNowhereNameTheKeyOnTheObjectRatherThanNamesReadFromIt() {
        Message message = schemaMessage(REQUIRED, "Object has missing required properties ([\"upgradePolicy\"])",
                "", "#/components/schemas/NoSuchSchema/required");

        assertThat(reader.violations(ValidationReport.singleton(message), body(json(UPGRADE)))).containsExactly(
                new Violation("body", "breaks the spec's rule validation.request.body.schema.required"));
    }

    private static ReportReader.Checked body(JsonNode body) {
        return new ReportReader.Checked(body, null, Map.of(), Set.of("application/json"));
    }

    private static Message schemaMessage(String key, String text, String instance, String schema) {
        return Message.create(key, text)
                .withContext(MessageContext.create().withPointers(instance, schema).build())
                .build();
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
