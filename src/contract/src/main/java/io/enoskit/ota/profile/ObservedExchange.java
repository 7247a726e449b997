package io.enoskit.ota.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.enoskit.ota.contract.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One request and its answer, as an {@link ExchangeObserver} reads it: no HTTP library's types, so the conformance
 * run and the validating proxy can both hand exchanges over.
 *
 * @param method      the HTTP method, upper case ({@code GET}, {@code POST})
 * @param path        the path without query ({@code /connect-service/v2.1/ota-jobs})
 * @param query       the query parameters, decoded, first value of each
 * @param requestBody the request body as sent, or null
 * @param status      the answer's HTTP status
 * @param answerBody  the answer body as received, or null
 */
public record ObservedExchange(String method, String path, Map<String, String> query, String requestBody,
                               int status, String answerBody) {
    /** Names of query parameters and body fields whose values are credentials, tokens or signatures. */
    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(token|sign|secret|password|encryption|authorization|accesskey|appkey|credential).*");
    private static final String MASK = "***";
    /** Longest body shown in {@link #describe()}, in characters: enough for an envelope, not for a page of jobs. */
    private static final int MAX_BODY = 300;

    public ObservedExchange {
        method = method.toUpperCase(Locale.ROOT);
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /**
     * An exchange whose request target is a path with an optional raw query ({@code /x?action=get&orgId=o}).
     */
    public static ObservedExchange of(String method, String pathAndQuery, String requestBody, int status,
                                      String answerBody) {
        int start = pathAndQuery.indexOf('?');
        Map<String, String> query = new LinkedHashMap<>();
        if (start >= 0) {
            for (String pair : pathAndQuery.substring(start + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                query.putIfAbsent(name, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return new ObservedExchange(method, start < 0 ? pathAndQuery : pathAndQuery.substring(0, start), query,
                requestBody, status, answerBody);
    }

    /** The {@code action} query parameter, or "" without one. */
    public String action() {
        return query.getOrDefault("action", "");
    }

    /** The answer as JSON: an object, or a missing node when it is not a JSON object. */
    public JsonNode answer() {
        return json(answerBody);
    }

    /** The request body as JSON: an object, or a missing node when there is none or it is not a JSON object. */
    public JsonNode request() {
        return json(requestBody);
    }

    /**
     * The exchange in one line, credentials, tokens and signatures masked (query parameters and body fields whose
     * names say so), bodies cut at {@value #MAX_BODY} characters:
     * {@code POST /connect-service/v2.1/ota-jobs?action=create&orgId=o {} -> HTTP 400 {"code":99400,...}}.
     */
    public String describe() {
        StringBuilder line = new StringBuilder(method).append(' ').append(path);
        String separator = "?";
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            line.append(separator).append(parameter.getKey()).append('=')
                    .append(SECRET.matcher(parameter.getKey()).matches() ? MASK : parameter.getValue());
            separator = "&";
        }
        if (requestBody != null && !requestBody.isBlank()) {
            line.append(' ').append(masked(requestBody));
        }
        line.append(" -> HTTP ").append(status);
        if (answerBody != null && !answerBody.isBlank()) {
            line.append(' ').append(masked(answerBody));
        }
        return line.toString();
    }

    private static String masked(String body) {
        JsonNode tree = json(body);
        String shown = tree.isMissingNode() ? body.strip() : Json.write(mask(tree.deepCopy()));
        return shown.length() <= MAX_BODY ? shown : shown.substring(0, MAX_BODY) + "…";
    }

    private static JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                if (SECRET.matcher(field.getKey()).matches() && field.getValue().isValueNode()) {
                    object.put(field.getKey(), MASK);
                } else {
                    mask(field.getValue());
                }
            });
        } else if (node.isArray()) {
            node.forEach(ObservedExchange::mask);
        }
        return node;
    }

    private static JsonNode json(String text) {
        if (text == null || text.isBlank()) {
            return Json.mapper().missingNode();
        }
        try {
            JsonNode tree = Json.mapper().readTree(text);
            return tree != null && tree.isObject() ? tree : Json.mapper().missingNode();
        } catch (JsonProcessingException notJson) {
            return Json.mapper().missingNode();
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }
}
