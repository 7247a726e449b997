package io.enoskit.ota.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.contract.ApimSignature;
import io.enoskit.ota.contract.Json;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gateway authentication with the APIM token service, as a rest-assured filter: it gets an access token
 * ({@code POST /apim-token-service/v2.0/token/get} with {@code appKey}, {@code timestamp} and {@code encryption}),
 * keeps it until a minute before it expires, and signs every call with {@code apim-accesstoken},
 * {@code apim-timestamp} and {@code apim-signature} ({@link ApimSignature}). One per base URL, app key and secret,
 * shared by all scenarios. The secret is never logged; it only enters digests.
 */
final class TokenAuthFilter implements Filter {
    static final String TOKEN_PATH = "/apim-token-service/v2.0/token/get";
    private static final Map<String, TokenAuthFilter> SHARED = new ConcurrentHashMap<>();

    private final String baseUrl;
    private final String appKey;
    private final String appSecret;
    private String accessToken;
    private long renewAtMillis;

    private TokenAuthFilter(String baseUrl, String appKey, String appSecret) {
        this.baseUrl = baseUrl;
        this.appKey = appKey;
        this.appSecret = appSecret;
    }

    static TokenAuthFilter forTarget(String baseUrl, String appKey, String appSecret) {
        return SHARED.computeIfAbsent(baseUrl + " " + appKey + " " + ApimSignature.encryption(appKey, 0, appSecret),
                key -> new TokenAuthFilter(baseUrl, appKey, appSecret));
    }

    /** The current access token, fetched when there is none or it is about to expire. */
    synchronized String accessToken() {
        if (accessToken == null || System.currentTimeMillis() >= renewAtMillis) {
            long timestamp = System.currentTimeMillis();
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("appKey", appKey);
            request.put("encryption", ApimSignature.encryption(appKey, timestamp, appSecret));
            request.put("timestamp", timestamp);
            Response response = RestAssured.given().baseUri(baseUrl).contentType("application/json")
                    .body(Json.write(request)).post(TOKEN_PATH);
            JsonNode body = readJson(response);
            if (response.statusCode() != 200 || body.path("status").asInt(-1) != 0
                    || body.path("data").path("accessToken").asText("").isEmpty()) {
                throw new AuthenticationFailed("the token service at " + baseUrl + TOKEN_PATH + " refused app key "
                        + appKey + ": HTTP " + response.statusCode() + ", status " + body.path("status").asText("?")
                        + " " + body.path("msg").asText(""));
            }
            accessToken = body.path("data").path("accessToken").asText();
            long expire = body.path("data").path("expire").asLong(7200);
            renewAtMillis = timestamp + Math.max(0, expire - 60) * 1000;
        }
        return accessToken;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        String token = accessToken();
        long timestamp = System.currentTimeMillis();
        Object body = request.getBody();
        String signature = ApimSignature.signature(token, request.getQueryParams(),
                body == null ? null : body.toString(), timestamp, appSecret);
        request.header("apim-accesstoken", token)
                .header("apim-timestamp", String.valueOf(timestamp))
                .header("apim-signature", signature);
        return context.next(request, response);
    }

    private static JsonNode readJson(Response response) {
        try {
            return Json.mapper().readTree(response.asString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Json.mapper().createObjectNode();
        }
    }

    /** The gateway refused the credentials: nothing else can run. */
    static final class AuthenticationFailed extends RuntimeException {
        AuthenticationFailed(String message) {
            super(message);
        }
    }
}
