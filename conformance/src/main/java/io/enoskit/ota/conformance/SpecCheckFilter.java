package io.enoskit.ota.conformance;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.JsonValidationReportFormat;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Level;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.enoskit.ota.contract.OpenApiContract;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Checks every exchange of a scenario against the spec with swagger-request-validator: an ERROR fails the step
 * with the validator's report; a WARN becomes an observation.
 *
 * <p>Levels (configuration, not branches): what the vendor page leaves open is a WARN, namely an HTTP status the
 * spec does not list (the status of error answers is not documented) and response fields the spec does not
 * list. For a request sent wrong on purpose, the named rule {@link #deliberatelyInvalid} ignores the request
 * side; its response is checked all the same.
 */
final class SpecCheckFilter implements Filter {
    private static final OpenApiContract SPEC = OpenApiContract.load();
    private static final OpenApiInteractionValidator CHECKED = validator(false);
    private static final OpenApiInteractionValidator RESPONSE_ONLY = validator(true);

    private final OpenApiInteractionValidator validator;
    private final Consumer<String> observations;

    private SpecCheckFilter(OpenApiInteractionValidator validator, Consumer<String> observations) {
        this.validator = validator;
        this.observations = observations;
    }

    /** Request and response are both checked. */
    static SpecCheckFilter checked(Consumer<String> observations) {
        return new SpecCheckFilter(CHECKED, observations);
    }

    /** Named rule "deliberately invalid request": only the response is checked. */
    static SpecCheckFilter deliberatelyInvalid(Consumer<String> observations) {
        return new SpecCheckFilter(RESPONSE_ONLY, observations);
    }

    private static OpenApiInteractionValidator validator(boolean ignoreRequest) {
        LevelResolver.Builder levels = LevelResolver.create()
                .withLevel("validation.response.status.unknown", Level.WARN)
                .withLevel("validation.response.body.schema.additionalProperties", Level.WARN);
        if (ignoreRequest) {
            levels.withLevel("validation.request", Level.IGNORE);
        }
        return SPEC.validator(levels.build());
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        ValidationReport report = validator.validate(RestAssuredRequest.of(request), RestAssuredResponse.of(response));
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() == Level.WARN) {
                observations.accept("spec: " + message.getMessage() + " (" + request.getMethod() + " "
                        + request.getURI().replaceAll("\\?.*", "") + ")");
            }
        }
        if (report.hasErrors()) {
            String errors = report.getMessages().stream()
                    .filter(message -> message.getLevel() == Level.ERROR)
                    .map(ValidationReport.Message::getMessage)
                    .collect(Collectors.joining("; "));
            throw new AssertionError("the exchange breaks the spec: " + errors + "\n"
                    + JsonValidationReportFormat.getInstance().apply(report));
        }
        return response;
    }
}
