package io.enoskit.ota.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The two digests of EnOS API gateway authentication (APIM token service, "Get Access Token" and "Invoking API
 * with Access Token"), in one place for the client and the mock. Both are lowercase hex SHA-256 of UTF-8 text.
 */
public final class ApimSignature {
    private ApimSignature() {
    }

    /**
     * The {@code encryption} a token request carries: SHA-256 of {@code appKey + timestamp + appSecret}.
     *
     * @param timestamp milliseconds since the epoch, as sent in the request's {@code timestamp}
     */
    public static String encryption(String appKey, long timestamp, String appSecret) {
        return DigestUtils.sha256Hex(appKey + timestamp + appSecret);
    }

    /**
     * The {@code apim-signature} header of an API call: SHA-256 of {@code accessToken + paramsData + timestamp +
     * appSecret}, where {@code paramsData} is every query parameter as name then value, names in ASCII order, no
     * separators, followed by the raw body (empty when there is none).
     *
     * @param query     query parameters, decoded, first value of each
     * @param body      the body exactly as sent, or null
     * @param timestamp milliseconds since the epoch, as sent in {@code apim-timestamp}
     */
    public static String signature(String accessToken, Map<String, String> query, String body, long timestamp,
                                   String appSecret) {
        return signature(accessToken, query, body == null ? null : body.getBytes(StandardCharsets.UTF_8), timestamp,
                appSecret);
    }

    /** The same, over the body's bytes exactly as sent (what the gateway sees). */
    public static String signature(String accessToken, Map<String, String> query, byte[] body, long timestamp,
                                   String appSecret) {
        StringBuilder params = new StringBuilder(accessToken);
        new TreeMap<>(query).forEach((name, value) -> params.append(name).append(value));
        MessageDigest digest = DigestUtils.getSha256Digest();
        DigestUtils.updateDigest(digest, params.toString());
        if (body != null) {
            DigestUtils.updateDigest(digest, body);
        }
        DigestUtils.updateDigest(digest, timestamp + appSecret);
        return Hex.encodeHexString(digest.digest());
    }
}
