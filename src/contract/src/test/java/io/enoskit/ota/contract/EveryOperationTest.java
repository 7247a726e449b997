package io.enoskit.ota.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every operation the kit knows ({@link Operation}) against its spec document: the document parses with its
 * references to the other documents resolved, names the operation's {@code action}, catalogues only error codes the
 * mock knows with their messages, and its examples fit it (responses) or pass the mock's contract check (requests).
 */
class EveryOperationTest {

    private static io.swagger.v3.oas.models.Operation operation(Operation op) {
        return OpenApiContract.load(op.document()).operation(op.path(), op.method()).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void theDocumentNamesTheAction(Operation op) {
        Parameter action = operation(op).getParameters().stream().filter(p -> p.getName().equals("action"))
                .findFirst().orElseThrow();

        assertThat(action.getRequired()).isTrue();
        assertThat(action.getSchema().getEnum()).extracting(String::valueOf).contains(op.action());
    }

    @Test
    void theNewOperationsCatalogueTheirDocumentedCodes() {
        assertThat(codes(Operation.CANCEL_TASKS)).containsExactly(24404, 24617, 24620, 24621, 99403, 99400);
        assertThat(codes(Operation.GET_FIRMWARE)).containsExactly(24404, 99403, 99400);
        assertThat(codes(Operation.SEARCH_JOBS)).containsExactly(99403, 99400);
        assertThat(codes(Operation.SEARCH_TASKS)).containsExactly(99403, 99400);
        assertThat(codes(Operation.SEARCH_FIRMWARE)).containsExactly(99403, 99400);
    }

    private static List<Integer> codes(Operation op) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> codes = (List<Map<String, Object>>) operation(op).getExtensions()
                .get("x-enos-error-codes");
        return codes.stream().map(c -> ((Number) c.get("code")).intValue()).toList();
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void everyResponseExampleFitsItsSchema(Operation op) {
        OpenApiInteractionValidator validator = OpenApiContract.load(op.document())
                .validator(LevelResolver.create().build());
        MediaType json = operation(op).getResponses().get("200").getContent().get("application/json");
        Map<String, Example> examples = json.getExamples() == null ? Map.of() : json.getExamples();

        examples.forEach((name, example) -> {
            ValidationReport report = validator.validateResponse(op.path(), Request.Method.valueOf(op.method()),
                    SimpleResponse.Builder.ok().withContentType("application/json")
                            .withBody(Json.write(example.getValue())).build());
            assertThat(report.getMessages()).as(op + " example " + name).isEmpty();
        });
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void everyRequestExamplePassesTheContractCheck(Operation op) {
        ContractCheck check = new ContractCheck(OpenApiContract.load(op.document()), false);
        io.swagger.v3.oas.models.Operation operation = operation(op);
        if (operation.getRequestBody() == null) {
            return;
        }
        MediaType multipart = operation.getRequestBody().getContent().get("multipart/form-data");
        if (multipart != null) {
            // the validator reads no multipart body: the JSON part is checked on its own
            assertThat(multipart.getExamples()).as(op + " has request examples").isNotEmpty();
            multipart.getExamples().forEach((name, example) -> assertThat(check.checkJsonPart("metadata",
                    "FirmwareMetadata", Json.write(Json.mapper().valueToTree(example.getValue()).get("metadata"))))
                    .as(op + " " + name).isNotNull());
            return;
        }
        Map<String, Example> examples = operation.getRequestBody().getContent().get("application/json").getExamples();
        assertThat(examples).as(op + " has request examples").isNotEmpty();
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("action", List.of(op.action()));
        query.put("orgId", List.of("o"));
        operation.getParameters().stream().filter(p -> "query".equals(p.getIn()) && Boolean.TRUE.equals(p.getRequired()))
                .forEach(p -> query.putIfAbsent(p.getName(), List.of("x")));
        examples.forEach((name, example) -> assertThat(check.check(new HttpRequest(op.method(), op.path(), query,
                HttpRequests.json(), Json.write(example.getValue())))).as(op + " " + name).isNotNull());
    }
}
