package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.envision.apim.poseidon.config.PConfig;
import com.envision.apim.poseidon.core.Poseidon;
import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.contract.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real EnOS Java client (apim-poseidon 0.1.8, its documented raw mode) sends the vendor page's request sample
 * to the mock and reads the envelope. Poseidon adds its own {@code apim-accesstoken} header, sends
 * {@code application/json; charset=utf-8} and expects HTTP 2xx with the envelope in the body.
 */
class PoseidonClientTest {
    /** Fake keys in the UUID-like form the client requires. */
    private static final String APP_KEY = "8c1a2b3d-4e5f-6789-abcd-ef0123456789";
    private static final String APP_SECRET = "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901";

    @BeforeEach
    void resetState() {
        RunningMock.reset();
    }

    @Test
    void theRealClientCreatesAJobFromTheVendorSample() throws Exception {
        String url = RunningMock.get().baseUrl()
                + "/connect-service/v2.1/ota-jobs?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId";

        String answer = Poseidon.config(PConfig.init().appKey(APP_KEY).appSecret(APP_SECRET))
                .url(url).method("POST").requestBody(Bodies.vendorSample()).sync();

        JsonNode envelope = Json.mapper().readTree(answer);
        assertThat(envelope.path("code").asInt(-1)).isEqualTo(0);
        assertThat(envelope.path("msg").asText()).isEqualTo("OK");
        assertThat(envelope.path("data").path("jobId").asText()).matches("[0-9a-f]{24}");
    }

    @Test
    void theRealClientGetsBusinessErrorsInTheEnvelope() throws Exception {
        String url = RunningMock.get().baseUrl()
                + "/connect-service/v2.1/ota-jobs?action=create&orgId=yourOrgId&firmwareId=unverifiedFirmwareId";

        String answer = Poseidon.config(PConfig.init().appKey(APP_KEY).appSecret(APP_SECRET))
                .url(url).method("POST").requestBody(Bodies.vendorSample()).sync();

        assertThat(Json.mapper().readTree(answer).path("code").asInt(-1)).isEqualTo(24610);
    }
}
