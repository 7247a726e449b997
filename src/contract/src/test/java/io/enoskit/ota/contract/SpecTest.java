package io.enoskit.ota.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The spec is valid OpenAPI, its samples are the vendor's, and its examples pass the contract check. */
class SpecTest {
    private static final String PATH = "/connect-service/v2.1/ota-jobs";
    private final OpenApiContract contract = OpenApiContract.load();

    @Test
    void theSpecParsesWithoutAnyMessage() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(contract.text(), null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.0");
    }

    @Test
    void theVerificationSchemaAllowsTotalSoThat24611IsABusinessError() {
        Schema<?> scopeType = contract.resolve(schema("UpgradeScope")).getProperties().get("type");

        assertThat(scopeType.getEnum()).extracting(String::valueOf).containsExactly("partial", "total");
        assertThat(schema("VerificationJobRequest").getRequired()).containsExactly("type", "upgradeScope");
    }

    @Test
    void upgradeTimeoutsBoundsAreTheVendorPages300To172800() {
        assertThat(contract.withinBounds("UpgradeTimeout", 299)).isFalse();
        assertThat(contract.withinBounds("UpgradeTimeout", 300)).isTrue();
        assertThat(contract.withinBounds("UpgradeTimeout", 172800)).isTrue();
        assertThat(contract.withinBounds("UpgradeTimeout", 172801)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> contract.withinBounds("NoSuchSchema", 1))
                .withMessageContaining("NoSuchSchema");
    }

    @Test
    void theSpecsRequestSampleIsTheVendorPagesSample() throws Exception {
        JsonNode vendor;
        try (InputStream in = getClass().getResourceAsStream("/io/enoskit/ota/spec/examples/vendor-request-sample.json")) {
            vendor = Json.mapper().readTree(in);
        }
        Example example = operation("POST").getRequestBody().getContent().get("application/json")
                .getExamples().get("vendorSample");

        assertThat(Json.mapper().valueToTree(example.getValue()).equals(vendor)).isTrue();
    }

    @Test
    void everyResponseExampleFitsItsSchema() {
        OpenApiInteractionValidator validator =
                OpenApiInteractionValidator.createForInlineApiSpecification(contract.text()).build();
        for (String method : List.of("POST", "GET")) {
            Map<String, Example> examples = operation(method).getResponses().get("200").getContent()
                    .get("application/json").getExamples();
            assertThat(examples).isNotEmpty();
            examples.forEach((name, example) -> {
                ValidationReport report = validator.validateResponse(PATH, Request.Method.valueOf(method),
                        SimpleResponse.Builder.ok().withContentType("application/json")
                                .withBody(Json.write(example.getValue())).build());
                assertThat(report.getMessages()).as(method + " example " + name).isEmpty();
            });
        }
    }

    @Test
    void everyRequestExamplePassesTheContractCheck() {
        ContractCheck check = new ContractCheck(contract, false);
        Map<String, Example> examples = operation("POST").getRequestBody().getContent().get("application/json")
                .getExamples();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(2);
        examples.forEach((name, example) -> {
            HttpRequest request = HttpRequests.create("o", "f", Json.write(example.getValue()));
            assertThat(check.check(request)).as(name).isNotNull();
        });
    }

    private Operation operation(String method) {
        return contract.operation(PATH, method).orElseThrow();
    }

    private Schema<?> schema(String name) {
        return contract.openApi().getComponents().getSchemas().get(name);
    }
}
