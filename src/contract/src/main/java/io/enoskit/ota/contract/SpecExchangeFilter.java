package io.enoskit.ota.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A rest-assured filter that checks each exchange (request and answer) against an OpenAPI document and fails the
 * call with the validator's report when anything breaks it. openapi-request-validator 3.x publishes no rest-assured
 * adapter (its 2.x line did), so this class carries the two conversions, {@link #request} and {@link #response},
 * also for callers that read the report themselves. rest-assured is an optional dependency of the contract: add it
 * to use this class.
 */
public final class SpecExchangeFilter implements Filter {
    private final OpenApiInteractionValidator validator;

    /** @param validator the document and levels to check against ({@link OpenApiContract#validator}) */
    public SpecExchangeFilter(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /** @throws AssertionError when the report has an ERROR, with the report as its message */
    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        ValidationReport report = validator.validate(request(request), response(response));
        if (report.hasErrors()) {
            throw new AssertionError(request.getMethod() + " " + request.getDerivedPath() + " breaks the spec:\n"
                    + SimpleValidationReportFormat.getInstance().apply(report));
        }
        return response;
    }

    /**
     * The request as the validator reads it: method, path without the base, query parameters (one value or a list
     * each), headers, and the body when it is text, bytes or a stream (rest-assured has already serialised any
     * object body to one of them by the time filters run).
     */
    public static SimpleRequest request(FilterableRequestSpecification request) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(request.getMethod(), request.getDerivedPath());
        Object body = request.getBody();
        if (body instanceof String text) {
            builder.withBody(text);
        } else if (body instanceof byte[] bytes) {
            builder.withBody(bytes);
        } else if (body instanceof InputStream stream) {
            builder.withBody(stream);
        } else if (!request.getMultiPartParams().isEmpty()) {
            // rest-assured writes a multipart body only as it sends it; the validator reads no multipart body, it
            // only needs to know there is one (Create Firmware File's parts are checked by the mock and the steps)
            builder.withBody(String.join(", ", request.getMultiPartParams().stream()
                    .map(part -> part.getControlName()).toList()));
        }
        request.getHeaders().forEach(header -> builder.withHeader(header.getName(), header.getValue()));
        if (request.getContentType() != null) {
            builder.withContentType(request.getContentType());
        }
        for (Map.Entry<String, ?> parameter : request.getQueryParams().entrySet()) {
            if (parameter.getValue() instanceof List<?> values) {
                builder.withQueryParam(parameter.getKey(), values.stream().map(String::valueOf).toList());
            } else if (parameter.getValue() != null) {
                builder.withQueryParam(parameter.getKey(), String.valueOf(parameter.getValue()));
            }
        }
        if ("GET".equalsIgnoreCase(request.getMethod())) {
            request.getRequestParams().forEach(builder::withQueryParam);
        }
        return builder.build();
    }

    /** The answer as the validator reads it: status, headers and the body's bytes. */
    public static SimpleResponse response(Response response) {
        SimpleResponse.Builder builder = new SimpleResponse.Builder(response.getStatusCode())
                .withBody(response.getBody().asByteArray());
        response.getHeaders().forEach(header -> builder.withHeader(header.getName(), header.getValue()));
        return builder.build();
    }
}
