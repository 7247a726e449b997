package io.enoskit.ota.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.enoskit.ota.contract.Json;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;

/**
 * Attaches every exchange of a scenario to the report as text a reader can open: the request (method, path with
 * query, body) and the answer (HTTP status, body), JSON pretty-printed. Credentials are added after this filter, so
 * they never reach the report.
 */
final class Exchanges implements Filter {
    private static final int MAX_BODY_CHARS = 8000;
    private final ConformanceWorld world;

    Exchanges(ConformanceWorld world) {
        this.world = world;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        StringBuilder text = new StringBuilder();
        text.append(request.getMethod()).append(' ').append(target).append('\n');
        Object body = request.getBody();
        if (body != null) {
            text.append(request.getContentType() == null ? "" : "Content-Type: " + request.getContentType() + "\n")
                    .append('\n').append(pretty(body.toString())).append('\n');
        }
        String answer = response.asString();
        text.append("\nHTTP ").append(response.statusCode()).append('\n').append(pretty(answer)).append('\n');
        String code = TokenAuthFilter.readJson(answer).path("code").asText("");
        Object action = request.getQueryParams().get("action");
        world.attach(request.getMethod() + " " + uri.getRawPath() + (action == null ? "" : " (" + action + ")")
                + " → HTTP " + response.statusCode() + (code.isEmpty() ? "" : ", code " + code), text.toString());
        return response;
    }

    /** JSON pretty-printed; anything else as it came, cut at a readable length. */
    static String pretty(String text) {
        if (text == null || text.isEmpty()) {
            return "(empty)";
        }
        String shown;
        try {
            shown = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(Json.mapper().readTree(text));
        } catch (JsonProcessingException | RuntimeException notJson) {
            shown = text;
        }
        return shown.length() <= MAX_BODY_CHARS ? shown : shown.substring(0, MAX_BODY_CHARS) + "\n… ("
                + shown.length() + " characters in all)";
    }
}
