package io.enoskit.ota.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Map;

/**
 * Checks an incoming HTTP request against the spec, the first step of every operation of the mock.
 *
 * <p>Steps: read the JSON body (malformed JSON → violation on {@code body}); turn numeric strings into numbers
 * where the spec wants integers ({@link NumericStrings}); validate query, headers and body with
 * swagger-request-validator; read its report as field-level {@link Violation}s ({@link ReportReader}).
 * Built once at start-up and shared by all requests (thread-safe).
 */
public final class ContractCheck {
    /** The report key of an unknown body field; lenient mode maps it to IGNORE. */
    public static final String UNKNOWN_FIELD_KEY = "validation.request.body.schema.additionalProperties";
    private static final Set<String> KNOWN_METHODS = Arrays.stream(Request.Method.values())
            .map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private final OpenApiContract contract;
    private final OpenApiInteractionValidator validator;
    private final NumericStrings numericStrings;
    private final ReportReader reportReader;

    /**
     * @param contract the spec
     * @param lenient  when true, unknown body fields are let through (and skipped when decoding)
     */
    public ContractCheck(OpenApiContract contract, boolean lenient) {
        this.contract = contract;
        this.numericStrings = new NumericStrings(contract);
        this.reportReader = new ReportReader(contract.discriminatorValues());
        LevelResolver levels = lenient
                ? LevelResolver.create().withLevel(UNKNOWN_FIELD_KEY, ValidationReport.Level.IGNORE).build()
                : LevelResolver.defaultResolver();
        this.validator = contract.validator(levels);
    }

    /**
     * Checks one request.
     *
     * @param request method, path, query parameters (any order), headers and body as received
     * @return the request's query and normalised body
     * @throws ContractViolation listing every field that breaks the spec (99400), or, with
     *                           {@code operationMissing()}, saying no operation matches (99404)
     */
    public ValidRequest check(HttpRequest request) {
        if (!KNOWN_METHODS.contains(request.method())) {
            throw new ContractViolation(List.of(new Violation("method",
                    request.method() + " is not an HTTP method of this API")), true);
        }
        if (request.hasBody() && request.contentType() == null) {
            throw new ContractViolation(List.of(new Violation("Content-Type",
                    "is missing; send the body as application/json")), false);
        }
        JsonNode body = normalise(request, readBody(request));
        ValidationReport report = validator.validateRequest(toValidatorRequest(request, body));
        List<Violation> violations = reportReader.violations(report);
        if (!violations.isEmpty()) {
            throw new ContractViolation(violations, ReportReader.operationMissing(report));
        }
        return new ValidRequest(request.query(), body);
    }

    private JsonNode normalise(HttpRequest request, JsonNode body) {
        if (body == null) {
            return null;
        }
        return contract.jsonRequestSchema(request.path(), request.method())
                .map(schema -> numericStrings.convert(body, schema))
                .orElse(body);
    }

    private static JsonNode readBody(HttpRequest request) {
        if (!request.hasBody() || !request.isJson()) {
            return null;
        }
        try {
            return Json.mapper().readTree(request.body());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new ContractViolation(List.of(new Violation("body",
                    "is not well-formed JSON: " + e.getOriginalMessage() + where)), false);
        }
    }

    private static Request toValidatorRequest(HttpRequest request, JsonNode body) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.method(), request.path());
        for (Map.Entry<String, List<String>> parameter : request.query().entrySet()) {
            builder.withQueryParam(parameter.getKey(), parameter.getValue());
        }
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            builder.withHeader(header.getKey(), header.getValue());
        }
        if (body != null) {
            builder.withBody(Json.write(body));
        } else if (request.hasBody()) {
            builder.withBody(request.body());
        }
        return builder.build();
    }
}
