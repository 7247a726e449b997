package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.enoskit.ota.contract.ApimSignature;
import io.enoskit.ota.domain.GatewayApp;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the EnOS API gateway does before an API call reaches the OTA service: authentication, when the mock runs
 * with it ({@link GatewayAuth}), and, always, keeping credentials out of the request journal (they are masked in
 * what WireMock records; the mock's log masks them too, {@link MaskingNotifier}).
 *
 * <p>With {@link GatewayAuth#REQUIRED} a call passes with an {@code apim-accesstoken} the mock's token service issued
 * and still live, an {@code apim-timestamp} (ms) within 5 minutes of the mock's clock and an {@code apim-signature}
 * matching the call ({@link ApimSignature}, over the body's bytes as sent). With {@link GatewayAuth#ENOS_CLIENT},
 * an {@code apim-accesstoken} of the shape the official EnOS Java client (Poseidon) sends (base64 of 256 bytes, or 64
 * lowercase hex) and no signature passes too: the mock cannot verify it (that needs the gateway's private key), so a
 * forged token of that shape passes as well.
 *
 * <p>Anything else is answered HTTP 401 with {@code {"status": code, "msg": String}} (the gateway's error body is not
 * documented; the codes are the APIM token codes): 1202 header missing, 1203 token unknown or expired, 1004 timestamp
 * missing or stale, 1003 signature wrong. A caller authenticated as an app that may not act in the call's
 * {@code orgId} (the state file's {@code apps[].orgs}) gets the EnOS common code 99403 "Denied resource" in the
 * envelope, with the HTTP status of other API errors ({@code errors.httpStatus}, 200 by default, inferred). The token service itself is open. Built by
 * {@link MockWiring}.
 */
public final class GatewayFilter implements StubRequestFilterV2 {
    public static final String NAME = "enos-gateway";
    /** Headers that carry credentials; never recorded as sent. */
    static final List<String> CREDENTIAL_HEADERS = List.of("apim-accesstoken", "apim-signature", "Authorization");
    private static boolean isMultipart(Request request) {
        String contentType = request.getHeader("Content-Type");
        return contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    private static final Pattern POSEIDON_SHORT_TOKEN = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern POSEIDON_LONG_TOKEN = Pattern.compile("[A-Za-z0-9+/]{342}==");
    private final GatewayTokens tokens;
    private final GatewayAuth mode;
    private final boolean journalled;
    private final EnvelopeResponses responses;

    /**
     * @param journalled whether WireMock keeps requests in its journal: only then are credentials masked here (the
     *                   console log masks them itself, {@link MaskingNotifier}); otherwise every request carrying a token
     *                   would be wrapped for a record nobody keeps
     */
    GatewayFilter(GatewayTokens tokens, GatewayAuth mode, boolean journalled, EnvelopeResponses responses) {
        this.tokens = tokens;
        this.mode = mode;
        this.journalled = journalled;
        this.responses = responses;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
        if (mode != GatewayAuth.OFF && !request.getUrl().startsWith(ApimTokenTransformer.PATH_PREFIX)) {
            Optional<RequestFilterAction> refused = authenticate(request);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        return RequestFilterAction.continueWith(journalled ? masked(request) : request);
    }

    /** The refusal of a call that does not authenticate, or empty when it passes. */
    private Optional<RequestFilterAction> authenticate(Request request) {
        String accessToken = header(request, "apim-accesstoken");
        String signature = request.getHeader("apim-signature");
        if (accessToken == null) {
            return refuse(1202, "parameter empty: the header apim-accesstoken is required");
        }
        String orgId = query(request).get("orgId");
        if (signature == null) {
            if (poseidonShaped(accessToken) && header(request, "apim-timestamp") == null) {
                if (mode != GatewayAuth.ENOS_CLIENT) {
                    return refuse(1203, "access token unknown: a token of the EnOS Java client cannot be verified by"
                            + " a mock; start the mock with --auth enos-client to let that client through");
                }
                return orgId == null || tokens.someAppMayUse(orgId) ? Optional.empty() : denied(orgId);
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
        GatewayApp app = tokens.app(token.get().appKey()).orElseThrow();
        // the page signs "the raw JSON body"; an upload's multipart body is signed over its query alone (inferred:
        // clients build the multipart body, boundary included, only as they send it)
        byte[] body = isMultipart(request) ? null : request.getBody();
        String expected = ApimSignature.signature(accessToken, query(request),
                body == null || body.length == 0 ? null : body, timestamp, app.appSecret());
        if (!expected.equals(signature.trim())) {
            return refuse(1003, "signature invalid");
        }
        return orgId == null || app.mayUse(orgId) ? Optional.empty() : denied(orgId);
    }

    private static Map<String, String> query(Request request) {
        Map<String, String> query = new LinkedHashMap<>();
        Urls.splitQueryFromUrl(request.getUrl()).forEach((name, value) -> query.put(name, value.firstValue()));
        return query;
    }

    /** The request with its credentials masked: what WireMock records in its journal from here on. */
    static Request masked(Request request) {
        RequestWrapper.Builder masked = RequestWrapper.create();
        boolean any = false;
        for (String name : CREDENTIAL_HEADERS) {
            if (request.containsHeader(name)) {
                masked.transformHeader(name, values -> values.stream().map(GatewayFilter::mask).toList());
                any = true;
            }
        }
        return any ? masked.wrap(request) : request;
    }

    /** A credential shown by its length and last four characters only. */
    static String mask(String value) {
        if (value == null) {
            return null;
        }
        String tail = value.length() > 8 ? value.substring(value.length() - 4) : "";
        return "****" + tail + " (" + value.length() + " characters, masked)";
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
            return Base64.getDecoder().decode(accessToken).length == 256;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static String header(Request request, String name) {
        String value = request.getHeader(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Optional<RequestFilterAction> refuse(int status, String msg) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("msg", msg);
        return Optional.of(RequestFilterAction.stopWith(EnvelopeResponses.json(401, body)));
    }

    private Optional<RequestFilterAction> denied(String orgId) {
        return Optional.of(RequestFilterAction.stopWith(responses.denied(orgId)));
    }
}
