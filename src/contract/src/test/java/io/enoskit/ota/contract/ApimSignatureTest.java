package io.enoskit.ota.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Known answers (computed apart, with Python's hashlib) for the two APIM digests: lowercase hex SHA-256 of UTF-8. */
class ApimSignatureTest {
    private static final long TIMESTAMP = 1_700_000_000_000L;

    @Test
    void theEncryptionIsTheDigestOfKeyTimestampAndSecret() {
        assertThat(ApimSignature.encryption("appKey", TIMESTAMP, "secret"))
                .isEqualTo("eef2b051451c569295d74780ed10272d77d9b66cda664e84aa269318e4fe7210");
    }

    @Test
    void theSignatureTakesTheQueryInNameOrderThenTheBodyThenTimestampAndSecret() {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("orgId", "o1");
        query.put("action", "create");
        String body = "{\"a\":\"Grüße\"}";
        String expected = "d4a63529f830b0c842cbc99826e64c51dc6fda4e9ef8c6ba4e64a208d3060bf3";

        assertThat(ApimSignature.signature("token", query, body, TIMESTAMP, "secret")).isEqualTo(expected);
        assertThat(ApimSignature.signature("token", query, body.getBytes(StandardCharsets.UTF_8), TIMESTAMP,
                "secret")).isEqualTo(expected);
    }

    @Test
    void withoutQueryAndBodyOnlyTokenTimestampAndSecretAreSigned() {
        assertThat(ApimSignature.signature("token", Map.of(), (String) null, TIMESTAMP, "secret"))
                .isEqualTo("cd657633a2ddbcefd93c888d458a03f5403a1a1266fbaa1a25def333dc214b33");
    }
}
