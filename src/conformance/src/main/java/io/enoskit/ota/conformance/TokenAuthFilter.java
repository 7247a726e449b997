package io.enoskit.ota.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.contract.ApimSignature;
import io.enoskit.ota.contract.Json;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gateway authentication with the APIM token service, as a rest-assured filter: it gets an access token
 * ({@code POST /apim-token-service/v2.0/token/get} with {@code appKey}, {@code timestamp} in ms and
 * {@code encryption}), keeps it until a minute before it expires, and signs every call with
 * {@code apim-accesstoken}, {@code apim-timestamp} and {@code apim-signature} ({@link ApimSignature}). One per run.
 * The secret is never logged; it only enters digests.
 */
final class TokenAuthFilter implements Filter {
    static final String TOKEN_PATH = "/apim-token-service/v2.0/token/get";

    private final ConformanceRun run;
    private final String appKey;
    private final String appSecret;
    private String accessToken;
    private long renewAtMillis;

    TokenAuthFilter(ConformanceRun run, String appKey, String appSecret) {
        this.run = run;
        this.appKey = appKey;
        this.appSecret = appSecret;
    }

    /**
     * The current access token, fetched when there is none or it is about to expire.
     *
     * @throws TokenRefused when the token service answers without a token
     */
    synchronized String accessToken() {
        if (accessToken == null || System.currentTimeMillis() >= renewAtMillis) {
            long timestamp = System.currentTimeMillis();
            Response response = requestToken(appKey, ApimSignature.encryption(appKey, timestamp, appSecret), timestamp);
            JsonNode body = readJson(response.asString());
            String token = body.path("data").path("accessToken").asText("");
            if (token.isEmpty()) {
                throw TokenRefused.of(run.baseUrl() + TOKEN_PATH, appKey, response.statusCode(), body,
                        response.asString());
            }
            accessToken = token;
            long expire = body.path("data").path("expire").asLong(7200);
            renewAtMillis = timestamp + Math.max(0, expire - 60) * 1000;
        }
        return accessToken;
    }

    /** One token request as given (for the rules on the token service itself); nothing is kept. */
    Response requestToken(String key, String encryption, long timestamp) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("appKey", key);
        request.put("encryption", encryption);
        request.put("timestamp", timestamp);
        return run.given().filter(new TransportGuard(run)).body(Json.write(request)).post(TOKEN_PATH);
    }

    /** The {@code apim-signature} of a call with this token, over its query parameters and body. */
    String sign(String token, Map<String, String> query, Object body, long timestamp) {
        return ApimSignature.signature(token, query, body == null ? null : body.toString(), timestamp, appSecret);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        String token = accessToken();
        long timestamp = System.currentTimeMillis();
        request.header("apim-accesstoken", token)
                .header("apim-timestamp", String.valueOf(timestamp))
                .header("apim-signature", sign(token, request.getQueryParams(), request.getBody(), timestamp));
        return context.next(request, response);
    }

    static JsonNode readJson(String text) {
        try {
            JsonNode node = Json.mapper().readTree(text == null ? "" : text);
            return node == null ? Json.mapper().createObjectNode() : node;
        } catch (JsonProcessingException e) {
            return Json.mapper().createObjectNode();
        }
    }

    /** The token service gave no token: it refused the credentials, or answered in a shape the docs do not give. */
    static final class TokenRefused extends RuntimeException {
        /** True when the answer is the documented refusal ({@code status} other than 0). */
        private final boolean refusal;
        private final int httpStatus;
        private final JsonNode body;

        private TokenRefused(String message, boolean refusal, int httpStatus, JsonNode body) {
            super(message);
            this.refusal = refusal;
            this.httpStatus = httpStatus;
            this.body = body;
        }

        static TokenRefused of(String url, String appKey, int httpStatus, JsonNode body, String raw) {
            if (body.has("status")) {
                return new TokenRefused("the token service at " + url + " refused app key " + appKey + ": HTTP "
                        + httpStatus + ", status " + body.path("status").asText() + " " + body.path("msg").asText(""),
                        true, httpStatus, body);
            }
            String shown = raw == null ? "" : raw.strip();
            return new TokenRefused("the token service at " + url + " answered HTTP " + httpStatus + " without a "
                    + "token and without the documented \"status\" field: "
                    + (shown.length() > 200 ? shown.substring(0, 200) + "…" : shown), false, httpStatus, body);
        }

        boolean refusal() {
            return refusal;
        }

        /** The token service's HTTP status. */
        int httpStatus() {
            return httpStatus;
        }

        /** The token service's answer, read as JSON (an empty object when it is not JSON). */
        JsonNode body() {
            return body;
        }
    }
}
