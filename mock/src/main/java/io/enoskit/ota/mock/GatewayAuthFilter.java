package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.enoskit.ota.contract.ApimSignature;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Gateway authentication of API calls, when the mock runs with {@code --auth required} (the token service itself is
 * open). A call passes with either
 * <ul>
 *   <li>{@code apim-accesstoken} (a live token of the mock's token service), {@code apim-timestamp} (ms, within
 *       5 minutes) and {@code apim-signature} ({@link ApimSignature#signature}), all checked; or</li>
 *   <li>only with {@link GatewayAuth#ENOS_CLIENT}: an {@code apim-accesstoken} of the shape the official EnOS Java
 *       client (Poseidon) sends and no signature: base64 of 256 bytes (344 characters), or 64 lowercase hex; the
 *       mock cannot verify it (that needs the gateway's private key), so it checks the shape only: a forged token of
 *       that shape passes too.</li>
 * </ul>
 * Anything else is answered HTTP 401 with {@code {"status": code, "msg": String}} (the gateway's error body is not
 * documented; the codes are the APIM token codes): 1202 header missing, 1203 token not live, 1004 timestamp
 * missing or stale, 1003 signature wrong. Built by {@link OtaMockExtensions}.
 */
public final class GatewayAuthFilter implements StubRequestFilterV2 {
    public static final String NAME = "enos-gateway-auth";
    private static final Pattern POSEIDON_SHORT_TOKEN = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern POSEIDON_LONG_TOKEN = Pattern.compile("[A-Za-z0-9+/]{342}==");
    private final GatewayTokens tokens;
    private final boolean acceptClientTokens;

    /** @param acceptClientTokens let the EnOS Java client's unverifiable tokens through ({@link GatewayAuth#ENOS_CLIENT}) */
    GatewayAuthFilter(GatewayTokens tokens, boolean acceptClientTokens) {
        this.tokens = tokens;
        this.acceptClientTokens = acceptClientTokens;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        if (request.getUrl().startsWith(ApimTokenTransformer.PATH_PREFIX)) {
            return RequestFilterAction.continueWith(request);
        }
        String accessToken = header(request, "apim-accesstoken");
        String signature = request.getHeader("apim-signature");
        if (accessToken == null) {
            return refuse(1202, "parameter empty: the header apim-accesstoken is required");
        }
        if (signature == null) {
            if (poseidonShaped(accessToken) && header(request, "apim-timestamp") == null) {
                return acceptClientTokens ? RequestFilterAction.continueWith(request)
                        : refuse(1203, "access token unknown: a token of the EnOS Java client cannot be verified by"
                                + " a mock; start the mock with --auth enos-client to let that client through");
            }
            return refuse(1202, "parameter empty: the header apim-signature is required");
        }
        Optional<GatewayTokens.Token> token = tokens.live(accessToken);
        if (token.isEmpty()) {
            return refuse(1203, "access token expired or unknown");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(String.valueOf(header(request, "apim-timestamp")));
        } catch (NumberFormatException e) {
            return refuse(1004, "invalid parameter: the header apim-timestamp must be milliseconds since the epoch");
        }
        if (!tokens.fresh(timestamp)) {
            return refuse(1004, "invalid parameter: apim-timestamp is more than 5 minutes from the gateway's clock");
        }
        Map<String, String> query = new LinkedHashMap<>();
        Urls.splitQueryFromUrl(request.getUrl()).forEach((name, value) -> query.put(name, value.firstValue()));
        byte[] body = request.getBody();
        String secret = tokens.secretOf(token.get().appKey()).orElse("");
        String expected = ApimSignature.signature(accessToken, query, body == null || body.length == 0 ? null : body,
                timestamp, secret);
        return expected.equals(signature.trim())
                ? RequestFilterAction.continueWith(request)
                : refuse(1003, "signature invalid");
    }

    /** 64 lowercase hex, or base64 of 256 bytes (an RSA-2048 ciphertext): the two forms the EnOS client sends. */
    private static boolean poseidonShaped(String accessToken) {
        if (POSEIDON_SHORT_TOKEN.matcher(accessToken).matches()) {
            return true;
        }
        if (!POSEIDON_LONG_TOKEN.matcher(accessToken).matches()) {
            return false;
        }
        try {
            return java.util.Base64.getDecoder().decode(accessToken).length == 256;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static String header(Request request, String name) {
        String value = request.getHeader(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static RequestFilterAction refuse(int status, String msg) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("msg", msg);
        return RequestFilterAction.stopWith(EnvelopeResponses.json(401, body));
    }
}
