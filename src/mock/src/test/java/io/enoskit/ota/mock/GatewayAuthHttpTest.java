package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.envision.apim.poseidon.config.PConfig;
import com.envision.apim.poseidon.core.Poseidon;
import io.enoskit.ota.contract.ApimSignature;
import io.enoskit.ota.contract.Json;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The mock started with gateway authentication required: its APIM token service and the checks on API calls. */
class GatewayAuthHttpTest {
    /** The application of the default state file. */
    private static final String APP_KEY = "8c1a2b3d-4e5f-6789-abcd-ef0123456789";
    private static final String APP_SECRET = "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901";
    private static final String CREATE = "/connect-service/v2.1/ota-jobs";
    private static OtaMockServer mock;

    @BeforeAll
    static void start() {
        mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().gatewayAuth(GatewayAuth.REQUIRED)
                .journalEntries(100));
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    private static ValidatableResponse token(String path, String appKey, String secret, long timestamp,
                                             String accessToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("appKey", appKey);
        body.put("encryption", ApimSignature.encryption(appKey, timestamp, secret));
        body.put("timestamp", timestamp);
        if (accessToken != null) {
            body.put("accessToken", accessToken);
        }
        return RestAssured.given().baseUri(mock.baseUrl()).contentType("application/json").body(Json.write(body))
                .post("/apim-token-service/v2.0/token/" + path).then().statusCode(200);
    }

    private static String accessToken() {
        return token("get", APP_KEY, APP_SECRET, System.currentTimeMillis(), null).body("status", equalTo(0))
                .extract().path("data.accessToken");
    }

    private static ValidatableResponse create(String accessToken, long timestamp, String signatureSecret) {
        return create(accessToken, timestamp, signatureSecret, "yourOrgId");
    }

    private static ValidatableResponse create(String accessToken, long timestamp, String signatureSecret,
                                              String orgId) {
        Map<String, String> query = Map.of("action", "create", "orgId", orgId, "firmwareId", "yourFirmwareId");
        String body = Bodies.upgrade();
        return RestAssured.given().baseUri(mock.baseUrl()).contentType("application/json").queryParams(query)
                .header("apim-accesstoken", accessToken)
                .header("apim-timestamp", String.valueOf(timestamp))
                .header("apim-signature", ApimSignature.signature(accessToken, query, body, timestamp, signatureSecret))
                .body(body).post(CREATE).then();
    }

    @Test
    void aTokenIsIssuedAndTheSameOneReturnedUntilItExpires() {
        token("get", APP_KEY, APP_SECRET, System.currentTimeMillis(), null)
                .body("status", equalTo(0)).body("msg", equalTo("SUCCESS"))
                .body("business", equalTo("apim-token-service"))
                .body("data.accessToken", notNullValue())
                .body("data.expire", Matchers.lessThanOrEqualTo(7200));

        assertThat(accessToken()).isEqualTo(accessToken());
    }

    @Test
    void refreshIssuesANewToken() {
        String first = accessToken();

        String renewed = token("refresh", APP_KEY, APP_SECRET, System.currentTimeMillis(), first)
                .body("status", equalTo(0)).extract().path("data.accessToken");

        assertThat(renewed).isNotEqualTo(first);
        token("refresh", APP_KEY, APP_SECRET, System.currentTimeMillis(), "not-a-token").body("status", equalTo(1203));
    }

    @Test
    void tokenRequestsAreCheckedWithTheDocumentedCodes() {
        long now = System.currentTimeMillis();
        token("get", "00000000-0000-0000-0000-000000000000", APP_SECRET, now, null)
                .body("status", equalTo(1002)).body("data", Matchers.nullValue());
        token("get", APP_KEY, "wrong-secret", now, null).body("status", equalTo(1003));
        token("get", APP_KEY, APP_SECRET, now - 10 * 60 * 1000, null).body("status", equalTo(1004));
        RestAssured.given().baseUri(mock.baseUrl()).contentType("application/json").body("{\"appKey\":\"k\"}")
                .post("/apim-token-service/v2.0/token/get").then().body("status", equalTo(1202));
    }

    @Test
    void aSignedCallPasses() {
        create(accessToken(), System.currentTimeMillis(), APP_SECRET).statusCode(200).body("code", equalTo(0));
    }

    @Test
    void callsWithoutValidCredentialsAre401WithTheReason() {
        RestAssured.given().baseUri(mock.baseUrl()).contentType("application/json").body(Bodies.upgrade())
                .post(CREATE + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId").then()
                .statusCode(401).body("status", equalTo(1202));
        create(accessToken(), System.currentTimeMillis(), "wrong-secret").statusCode(401).body("status", equalTo(1003));
        create(accessToken(), System.currentTimeMillis() - 10 * 60 * 1000, APP_SECRET).statusCode(401)
                .body("status", equalTo(1004));
        create("0123456789abcdef0123456789abcdef", System.currentTimeMillis(), APP_SECRET).statusCode(401)
                .body("status", equalTo(1203));
    }

    @Test
    void theSignatureCoversTheBodyBytesAsSent() {
        String token = accessToken();
        long timestamp = System.currentTimeMillis();
        Map<String, String> query = Map.of("action", "create", "orgId", "yourOrgId", "firmwareId", "yourFirmwareId");
        byte[] signed = "{\"type\":\"verify\",\"upgradeScope\":{\"type\":\"partial\"},\"name\":{\"defaultValue\":\"a\u00e9\"}}"
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] sent = signed.clone();
        sent[sent.length - 4] = (byte) 0xe8;

        RestAssured.given().baseUri(mock.baseUrl()).contentType("application/json; charset=ISO-8859-1")
                .queryParams(query).header("apim-accesstoken", token)
                .header("apim-timestamp", String.valueOf(timestamp))
                .header("apim-signature", ApimSignature.signature(token, query, signed, timestamp, APP_SECRET))
                .body(sent).post(CREATE).then().statusCode(401).body("status", equalTo(1003));
    }

    @Test
    void aTokenOfTheClientsShapeMustComeAsTheClientSendsIt() {
        RestAssured.given().baseUri(mock.baseUrl()).contentType("application/json").body(Bodies.upgrade())
                .header("apim-accesstoken", "a".repeat(64)).header("apim-timestamp", "1")
                .post(CREATE + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId").then()
                .statusCode(401).body("status", equalTo(1202));
        RestAssured.given().baseUri(mock.baseUrl()).contentType("application/json").body(Bodies.upgrade())
                .header("apim-accesstoken", "+".repeat(344))
                .post(CREATE + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId").then()
                .statusCode(401);
        RestAssured.given().baseUri(mock.baseUrl()).contentType("application/json").body(Bodies.upgrade())
                .header("apim-accesstoken", "a".repeat(64)).header("apim-signature", "")
                .post(CREATE + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId").then()
                .statusCode(401);
    }

    @Test
    void theRealEnosClientsUnverifiableTokenIsRefusedWithTheModeThatAcceptsIt() {
        assertThatThrownBy(() -> Poseidon.config(PConfig.init().appKey(APP_KEY).appSecret(APP_SECRET))
                .url(mock.baseUrl() + CREATE + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId")
                .method("POST").requestBody(Bodies.vendorSample()).sync())
                .hasMessageContaining("1203").hasMessageContaining("--auth enos-client");
    }

    @Test
    void theRealEnosClientIsAcceptedByTheShapeOfItsTokenInTheEnosClientMode() throws Exception {
        try (OtaMockServer clientMock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort()
                .gatewayAuth(GatewayAuth.ENOS_CLIENT))) {
            String answer = Poseidon.config(PConfig.init().appKey(APP_KEY).appSecret(APP_SECRET))
                    .url(clientMock.baseUrl() + CREATE + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId")
                    .method("POST").requestBody(Bodies.vendorSample()).sync();

            assertThat(Json.mapper().readTree(answer).path("code").asInt(-1)).isEqualTo(0);
        }
    }

    @Test
    void anAppMayActOnlyInItsOrganizations() {
        create(accessToken(), System.currentTimeMillis(), APP_SECRET, "someoneElsesOrg").statusCode(200)
                .body("code", equalTo(99403)).body("msg", equalTo("Denied resource: orgId someoneElsesOrg"));
    }

    @Test
    void credentialsAreMaskedInTheRequestJournal() {
        mock.wireMock().resetRequests();
        String token = accessToken();
        create(token, System.currentTimeMillis(), APP_SECRET).body("code", equalTo(0));

        List<Map<String, Object>> calls = RestAssured.given().baseUri(mock.baseUrl()).get("/__admin/requests")
                .jsonPath().getList("requests.request.findAll { it.url.startsWith('/connect-service/') }");
        assertThat(calls).hasSize(1);
        assertThat(Json.write(calls)).doesNotContain(token).contains("characters, masked");
    }

    @Test
    void credentialsAreMaskedInTheVerboseLog() {
        String logged = MaskingNotifier.mask("Request received:\nHost: x\napim-accesstoken: 0123456789abcdef0123\n"
                + "apim-signature: ffffffffffffffff\nContent-Type: application/json\n\nResponse:\n"
                + "{\"status\":0,\"data\":{\"accessToken\":\"abcdefabcdef1234\",\"expire\":7199}}");

        assertThat(logged).doesNotContain("0123456789abcdef0123").doesNotContain("ffffffffffffffff")
                .doesNotContain("abcdefabcdef1234")
                .contains("apim-accesstoken: ****0123 (20 characters, masked)").contains("Host: x");
    }

    @Test
    void aShiftedParameterBoundaryIsNotServed() {
        String token = accessToken();
        long timestamp = System.currentTimeMillis();
        Map<String, String> signed = Map.of("action", "create", "orgId", "yourOrgId", "firmwareId", "yourFirmwareId");
        String body = Bodies.upgrade();
        String signature = ApimSignature.signature(token, signed, body, timestamp, APP_SECRET);

        RestAssured.given().baseUri(mock.baseUrl()).contentType("application/json")
                .queryParams(Map.of("action", "create", "orgId", "yourOrgId", "firmwareI", "dyourFirmwareId"))
                .header("apim-accesstoken", token).header("apim-timestamp", String.valueOf(timestamp))
                .header("apim-signature", signature).body(body).post(CREATE).then()
                .body("code", equalTo(99400)).body("msg", Matchers.containsString("firmwareI"));
    }
}
