package io.enoskit.ota.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.domain.DefaultState;
import io.enoskit.ota.domain.JobDefaults;
import io.enoskit.ota.domain.OtaError;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The spec is valid OpenAPI, and the Java code agrees with what it says. */
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
    void theCreateErrorCodesOfTheSpecAreTheCatalogues() {
        assertThat(errorCodes("POST")).containsExactly(
                entry(OtaError.FIRMWARE_NOT_FOUND),
                entry(OtaError.FIRMWARE_NOT_VERIFIED),
                entry(OtaError.TOTAL_SCOPE_FOR_VERIFICATION),
                entry(OtaError.TOO_MANY_VERIFICATION_DEVICE_KEYS),
                entry(OtaError.DENIED_RESOURCE),
                "99400 Invalid Argument <field>: <rule>");
    }

    @Test
    void theGetErrorCodesOfTheSpecAreTheCatalogues() {
        assertThat(errorCodes("GET")).containsExactly(entry(OtaError.JOB_NOT_FOUND), entry(OtaError.DENIED_RESOURCE),
                "99400 Invalid Argument <field>: <rule>");
    }

    @Test
    void theActionsSpecParsesAndItsErrorCodesAreTheCatalogues() {
        OpenApiContract actions = OpenApiContract.load(OpenApiContract.ACTIONS_RESOURCE);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> codes = (List<Map<String, Object>>) actions.operation(PATH, "POST").orElseThrow()
                .getExtensions().get("x-enos-error-codes");

        assertThat(codes.stream().map(c -> c.get("code") + " " + c.get("msg")).toList()).containsExactly(
                entry(OtaError.JOB_NOT_FOUND), entry(OtaError.JOB_HAS_STARTED), entry(OtaError.JOB_HAS_STOPPED),
                entry(OtaError.DELETE_RUNNING_JOB), entry(OtaError.DENIED_RESOURCE),
                "99400 Invalid Argument <field>: <rule>");
    }

    @Test
    void theSpecDefaultsAreTheOnesTheStoreApplies() {
        Map<String, Schema> upgrade = schema("UpgradeJobRequest").getProperties();

        assertThat(((Number) contract.resolve(upgrade.get("upgradeTimeout")).getDefault()).longValue())
                .isEqualTo(JobDefaults.UPGRADE_TIMEOUT_SECONDS);
        assertThat(((Number) upgrade.get("maximumConcurrency").getDefault()).intValue())
                .isEqualTo(JobDefaults.MAXIMUM_CONCURRENCY);
        assertThat(contract.resolve(upgrade.get("startSchedule")).getMinimum().intValue())
                .isEqualTo(JobDefaults.DAILY_WINDOW_START);
        assertThat(contract.resolve(upgrade.get("endSchedule")).getMaximum().intValue())
                .isEqualTo(JobDefaults.DAILY_WINDOW_END);
        assertThat(DefaultState.CONSOLE_MAX_VERIFICATION_DEVICES).isEqualTo(5);
    }

    @Test
    void theVerificationSchemaAllowsTotalSoThat24611IsABusinessError() {
        Schema<?> scopeType = contract.resolve(schema("UpgradeScope")).getProperties().get("type");

        assertThat(scopeType.getEnum()).extracting(String::valueOf).containsExactly("partial", "total");
        assertThat(schema("VerificationJobRequest").getRequired()).containsExactly("type", "upgradeScope");
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

    private List<String> errorCodes(String method) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> codes =
                (List<Map<String, Object>>) operation(method).getExtensions().get("x-enos-error-codes");
        return codes.stream().map(c -> c.get("code") + " " + c.get("msg")).collect(Collectors.toList());
    }

    private static String entry(OtaError error) {
        return error.code() + " " + error.template();
    }

    private Operation operation(String method) {
        return contract.operation(PATH, method).orElseThrow();
    }

    private Schema<?> schema(String name) {
        return contract.openApi().getComponents().getSchemas().get(name);
    }
}
