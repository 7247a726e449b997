package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.enoskit.ota.mock.ExchangeLog.LoggedExchange;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The console's exchange log parses a request body only when it may carry a credential, so the masking must still
 * catch every spelling of a credential field JSON allows.
 */
class ExchangeLogTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void aCredentialFieldIsMaskedAlsoWhenItsNameIsSpeltWithEscapes() {
        ExchangeLog log = new ExchangeLog();
        // "\u0065ncryption" is "encryption" to any JSON reader, the token service's included
        log.add(1, "POST", "/apim-token-service/v2.0/token/get", "{\"appKey\":\"k\",\"\\u0065ncryption\":\"" + SECRET
                + "\"}", 200, "{\"code\":0,\"msg\":\"OK\"}", null);
        log.add(2, "POST", "/apim-token-service/v2.0/token/get", "{\"appKey\":\"k\",\"encryption\":\"" + SECRET
                + "\"}", 200, "{\"code\":0,\"msg\":\"OK\"}", null);

        List<LoggedExchange> kept = log.after(0);
        assertThat(kept).hasSize(2);
        assertThat(kept).allSatisfy(exchange -> assertThat(exchange.requestBody()).doesNotContain(SECRET)
                .contains("characters, masked"));
    }

    @Test
    void aBodyWithoutCredentialsIsKeptAsSentAndTheAnswersEnvelopeIsRead() {
        ExchangeLog log = new ExchangeLog();
        String body = "{ \"type\": \"verify\" }";
        log.add(1, "POST", "/connect-service/v2.1/ota-jobs?action=create", body, 200,
                "{\"code\":99400,\"msg\":\"Invalid Argument upgradeScope: is mandatory but missing\"}", null);

        LoggedExchange exchange = log.after(0).get(0);
        assertThat(exchange.requestBody()).isEqualTo(body);
        assertThat(exchange.code()).isEqualTo(99400);
        assertThat(exchange.fields()).containsExactly("upgradeScope");
        assertThat(ExchangeLog.mayHoldCredential(body)).isFalse();
        assertThat(ExchangeLog.mayHoldCredential("{\"appSecret\":\"x\"}")).isTrue();
    }
}
