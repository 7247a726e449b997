package io.enoskit.ota.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.enoskit.ota.contract.ApimSignature;
import io.enoskit.ota.contract.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Serves the APIM token service: {@code POST /apim-token-service/v2.0/token/get} with
 * {@code {"appKey": String, "encryption": String, "timestamp": Long ms}}, and {@code .../token/refresh} with the
 * same plus {@code "accessToken"}. Answers (documented shape, HTTP 200): {@code {"status": 0, "msg": "SUCCESS",
 * "business": "apim-token-service", "data": {"accessToken": String, "expire": seconds}}}; on failure {@code status}
 * is 1202 (a field empty), 1002 (appKey unknown), 1003 (encryption wrong), 1004 (timestamp not a number or stale),
 * 1203 (refresh of a token that is not live) and {@code data} is null.
 * Stub mappings name it as {@value #NAME}. Built by {@link MockWiring}.
 */
public final class ApimTokenTransformer implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "enos-apim-token";
    /** Where the token service lives; the API's filters leave it alone. */
    static final String PATH_PREFIX = "/apim-token-service/";
    private final GatewayTokens tokens;

    ApimTokenTransformer(GatewayTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        boolean refresh = serveEvent.getRequest().getUrl().contains("/token/refresh");
        JsonNode body;
        try {
            body = Json.mapper().readTree(Optional.ofNullable(serveEvent.getRequest().getBodyAsString()).orElse(""));
        } catch (JsonProcessingException e) {
            return answer(1004, "invalid parameter: the body is not JSON", null);
        }
        String appKey = text(body, "appKey");
        String encryption = text(body, "encryption");
        String timestamp = text(body, "timestamp");
        if (appKey == null || encryption == null || timestamp == null || (refresh && text(body, "accessToken") == null)) {
            return answer(1202, "parameter empty: appKey, encryption and timestamp"
                    + (refresh ? " and accessToken" : "") + " are required", null);
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return answer(1004, "invalid parameter: timestamp must be milliseconds since the epoch", null);
        }
        Optional<String> secret = tokens.secretOf(appKey);
        if (secret.isEmpty()) {
            return answer(1002, "appKey does not exist", null);
        }
        if (!ApimSignature.encryption(appKey, millis, secret.get()).equals(encryption)) {
            return answer(1003, "encryption invalid", null);
        }
        if (!tokens.fresh(millis)) {
            return answer(1004, "invalid parameter: timestamp is more than 5 minutes from the gateway's clock", null);
        }
        if (refresh && tokens.live(text(body, "accessToken")).filter(t -> t.appKey().equals(appKey)).isEmpty()) {
            return answer(1203, "access token expired", null);
        }
        GatewayTokens.Token token = tokens.issue(appKey, refresh);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accessToken", token.accessToken());
        data.put("expire", tokens.secondsLeft(token));
        return answer(0, "SUCCESS", data);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static ResponseDefinition answer(int status, String msg, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("msg", msg);
        body.put("business", "apim-token-service");
        body.put("data", data);
        return EnvelopeResponses.json(200, body);
    }
}
