package io.enoskit.ota.mock;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.contract.ApimSignature;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.OpenApiContract;
import io.enoskit.ota.contract.Operation;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin routes behind the console and the API docs page: the request log ({@code /__admin/ota/exchanges}), the
 * organizations, the pages and their files, the spec documents with their guarding rules and curl lines, which are run
 * with the real curl against this mock.
 */
class ConsoleRoutesHttpTest {
    private static final String JOBS = "/connect-service/v2.1/ota-jobs";
    private static OtaMockServer mock;

    @BeforeAll
    static void start() {
        mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort());
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @BeforeEach
    void reset() {
        // WireMock hands an exchange to the log after answering it, so the last call of the test before may still
        // be on its way in: one call of our own, waited for, lets it arrive before the reset empties the log
        given().baseUri(mock.baseUrl()).get(JOBS + "?action=get&orgId=yourOrgId&jobId=settle");
        await().atMost(Duration.ofSeconds(5)).until(() -> admin().get("/exchanges").then().extract().asString()
                .contains("jobId=settle"));
        admin().post("/reset").then().statusCode(200);
    }

    private static RequestSpecification admin() {
        return given().baseUri(mock.baseUrl() + "/__admin/ota");
    }

    @Test
    void theRequestLogShowsEachExchangeWithTheFieldsA99400Names() {
        given().baseUri(mock.baseUrl()).contentType("application/json").body(Bodies.upgrade())
                .post(JOBS + "?action=create&orgId=yourOrgId").then().body("code", equalTo(99400));
        given().baseUri(mock.baseUrl()).contentType("application/json").body(Bodies.upgrade())
                .post(JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId").then().body("code", equalTo(0));

        JsonPath log = await().atMost(Duration.ofSeconds(5)).until(
                () -> admin().get("/exchanges").then().statusCode(200).extract().jsonPath(),
                answer -> answer.getList("exchanges").size() >= 2);

        assertThat(log.getInt("capacity")).isEqualTo(ExchangeLog.CAPACITY);
        assertThat(log.getList("exchanges.method")).containsExactly("POST", "POST");
        assertThat(log.getString("exchanges[0].url")).isEqualTo(JOBS + "?action=create&orgId=yourOrgId");
        assertThat(log.getInt("exchanges[0].status")).isEqualTo(200);
        assertThat(log.getInt("exchanges[0].code")).isEqualTo(99400);
        assertThat(log.getString("exchanges[0].msg")).startsWith("Invalid Argument firmwareId: ");
        assertThat(log.getList("exchanges[0].fields")).containsExactly("firmwareId");
        assertThat(log.getString("exchanges[0].requestBody")).isEqualTo(Bodies.upgrade());
        assertThat(log.getInt("exchanges[1].code")).isZero();
        assertThat(log.getList("exchanges[1].fields")).isEmpty();
        assertThat(log.getString("exchanges[1].responseBody")).contains("\"jobId\"");
        long first = log.getLong("exchanges[0].seq");
        assertThat(admin().get("/exchanges?after=" + first).then().extract().jsonPath().getList("exchanges.seq"))
                .containsExactly((int) first + 1);
    }

    @Test
    void theRequestLogShowsRequestsRefusedWhileTheirBodyIsRead() {
        // answered by the body filter before WireMock sees them: 415 for the encoding, 413 for the declared length
        given().baseUri(mock.baseUrl()).contentType("application/json").header("Content-Encoding", "br")
                .body(Bodies.upgrade()).post(JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId")
                .then().statusCode(415).body("code", equalTo(99400));
        given().baseUri(mock.baseUrl()).contentType("application/json")
                .body("x".repeat((int) MockOptions.DEFAULT_MAX_BODY_BYTES + 1))
                .post(JOBS + "?action=create&orgId=yourOrgId&firmwareId=big").then().statusCode(413);

        JsonPath log = await().atMost(Duration.ofSeconds(5)).until(
                () -> admin().get("/exchanges").then().statusCode(200).extract().jsonPath(),
                answer -> answer.getList("exchanges").size() >= 2);

        assertThat(log.getList("exchanges.status")).containsExactly(415, 413);
        assertThat(log.getString("exchanges[0].url"))
                .isEqualTo(JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId");
        assertThat(log.getString("exchanges[0].method")).isEqualTo("POST");
        assertThat(log.getInt("exchanges[0].code")).isEqualTo(99400);
        assertThat(log.getString("exchanges[0].msg")).contains("Content-Encoding: 'br' is not supported");
        assertThat(log.getString("exchanges[0].requestBody")).isEmpty();
        assertThat(log.getString("exchanges[1].msg")).contains("(--max-body-bytes)");
        assertThat(log.getString("exchanges[1].url")).endsWith("firmwareId=big");
    }

    @Test
    void theRequestLogMasksCredentialsAndKeepsNoHeaders() {
        long timestamp = System.currentTimeMillis();
        String appKey = "8c1a2b3d-4e5f-6789-abcd-ef0123456789";
        String encryption = ApimSignature.encryption(appKey, timestamp, "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901");
        String issued = given().baseUri(mock.baseUrl()).contentType("application/json")
                .body(Json.write(Map.of("appKey", appKey, "encryption", encryption, "timestamp", timestamp)))
                .post("/apim-token-service/v2.0/token/get").then().body("status", equalTo(0)).extract()
                .path("data.accessToken");
        given().baseUri(mock.baseUrl()).header("apim-accesstoken", issued)
                .get(JOBS + "?action=get&orgId=yourOrgId&jobId=nope").then().body("code", equalTo(24404));

        String log = admin().get("/exchanges").then().statusCode(200).extract().asString();

        assertThat(issued).isNotBlank();
        assertThat(log).doesNotContain(encryption).doesNotContain(issued).contains("characters, masked")
                .doesNotContain("apim-accesstoken");
    }

    @Test
    void theRequestLogKeepsTheLastExchangesOnlyAndAResetEmptiesIt() {
        for (int i = 0; i < ExchangeLog.CAPACITY + 5; i++) {
            given().baseUri(mock.baseUrl()).get(JOBS + "?action=get&orgId=yourOrgId&jobId=job" + i);
        }
        String last = "jobId=job" + (ExchangeLog.CAPACITY + 4);
        JsonPath log = await().atMost(Duration.ofSeconds(5)).until(
                () -> admin().get("/exchanges").then().extract().jsonPath(),
                answer -> String.valueOf(answer.getString("exchanges[-1].url")).endsWith(last));
        assertThat(log.getList("exchanges")).hasSize(ExchangeLog.CAPACITY);
        assertThat(log.getString("exchanges[0].url")).endsWith("jobId=job5");

        admin().post("/reset").then().statusCode(200);
        assertThat(admin().get("/exchanges").then().extract().jsonPath().getList("exchanges")).isEmpty();
        admin().get("/exchanges?after=x").then().statusCode(400)
                .body("error", startsWith("the query parameter after must be a whole number"));
    }

    @Test
    void aLongBodyIsCutInTheLog() {
        String longName = "n".repeat(ExchangeLog.MAX_BODY_CHARS * 2);
        given().baseUri(mock.baseUrl()).contentType("application/json")
                .body(Json.write(Map.of("name", Map.of("defaultValue", longName))))
                .post(JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId");
        String body = admin().get("/exchanges").then().extract().jsonPath().getString("exchanges[0].requestBody");
        assertThat(body).hasSizeLessThan(ExchangeLog.MAX_BODY_CHARS + 60).endsWith("more characters)");
    }

    @Test
    void theOrganizationsAreListed() {
        admin().get("/orgs").then().statusCode(200).body("orgs", equalTo(List.of("yourOrgId")));
    }

    @Test
    void theConsoleAndItsFilesAreServedFromTheJar() {
        admin().get("/ui").then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<title>EnOS OTA mock console</title>"));
        admin().get("/ui/console.js").then().statusCode(200).contentType(startsWith("text/javascript"));
        admin().get("/docs").then().statusCode(200).body(containsString("swagger-ui-bundle.js"));
        admin().get("/docs/swagger-ui/swagger-ui-bundle.js").then().statusCode(200)
                .contentType(startsWith("text/javascript"));
        admin().get("/ui/nope.js").then().statusCode(404).body("error", startsWith("no file nope.js"));
        admin().get("/ui/..%2Fmock%2FOtaMockServer.class").then().statusCode(404);
    }

    @Test
    void theConsoleNeedsTheAdminTokenWhenOneIsSet() {
        try (OtaMockServer guarded = OtaMockServer.start(MockOptions.mockOptions().dynamicPort()
                .adminToken("s3cret"))) {
            given().baseUri(guarded.baseUrl()).get("/__admin/ota/ui").then().statusCode(401);
            given().baseUri(guarded.baseUrl()).get("/__admin/ota/exchanges").then().statusCode(401);
            given().baseUri(guarded.baseUrl()).header("Authorization", "Token s3cret").get("/__admin/ota/ui").then()
                    .statusCode(200);
        }
    }

    @Test
    void eachOperationOfTheDocsListsItsGuardingRulesAndACurlLineForThisMock() {
        admin().get("/docs/specs").then().statusCode(200)
                .body("documents.name", hasItems("ota-jobs", "ota-job-actions", "ota-firmwares"))
                .body("documents.size()", equalTo(OpenApiContract.DOCUMENTS.size()));
        JsonNode jobs = tree(admin().get("/docs/specs/ota-jobs").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().asString());

        JsonNode create = jobs.at("/paths/~1connect-service~1v2.1~1ota-jobs/post");
        assertThat(jobs.at("/servers/0/url").asText()).isEqualTo(mock.baseUrl());
        assertThat(jobs.at("/servers/0/description").asText()).startsWith("this mock");
        assertThat(create.path("description").asText())
                .contains("**Guarded by**")
                .contains("\n- **`CREATE-24404`** A job on a firmware the organization does"
                        + " not have answers 24404 \"Firmware not found\".")
                .contains("curl -s -X POST '" + mock.baseUrl() + JOBS + "?action=create&orgId=yourOrgId");
        assertThat(create.path("x-codeSamples").get(0).path("source").asText()).startsWith("curl -s -X POST '"
                + mock.baseUrl());
        admin().get("/docs/specs/nope").then().statusCode(404).body("error", startsWith("no spec document nope"));
    }

    @Test
    void everyCurlLineOfTheDocsIsAnsweredByThisMockWithinTheContract() throws Exception {
        List<String> answered = new ArrayList<>();
        for (JsonNode document : documents()) {
            for (JsonNode item : document.path("paths")) {
                for (var entry : item.properties()) {
                    JsonNode operation = entry.getValue();
                    assertThat(operation.path("x-codeSamples")).as(operation.path("operationId").asText()).hasSize(1);
                    String curl = operation.path("x-codeSamples").get(0).path("source").asText();
                    JsonNode envelope = tree(run(curl));
                    Set<Integer> documented = documentedCodes(operation.path("operationId").asText());
                    assertThat(envelope.path("code").asInt()).as(curl)
                            .satisfiesAnyOf(code -> assertThat(code).isZero(),
                                    code -> assertThat(documented).contains(code));
                    assertThat(envelope.path("code").asInt()).as(curl).isNotIn(99400, 99404);
                    answered.add(operation.path("operationId").asText());
                }
            }
        }
        assertThat(answered).containsExactlyInAnyOrder("createOtaJob", "getOtaJob", "actOnOtaJob", "searchOtaJob",
                "searchOtaTask", "actOnOtaTasks", "getFirmwareFile", "searchFirmwareFile", "createFirmwareFile",
                "deleteFirmware", "searchDeviceUpgrade");
    }

    private static List<JsonNode> documents() {
        return admin().get("/docs/specs").then().extract().jsonPath().getList("documents.name", String.class)
                .stream().map(name -> tree(admin().get("/docs/specs/" + name).then().extract().asString()))
                .toList();
    }

    /** The codes the operation's spec documents (x-enos-error-codes), for every action it serves. */
    private static Set<Integer> documentedCodes(String operationId) {
        return Arrays.stream(Operation.values()).filter(operation -> operationId.equals(
                        OpenApiContract.load(operation.document()).operation(operation.path(), operation.method())
                                .map(io.swagger.v3.oas.models.Operation::getOperationId).orElse(null)))
                .flatMap(operation -> operation.errorCodes().stream()).map(code -> code.code())
                .collect(Collectors.toSet());
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException notJson) {
            throw new AssertionError("not JSON: " + json, notJson);
        }
    }

    /** The line as a shell runs it; its standard output. */
    private static String run(String curl) throws IOException, InterruptedException {
        Process shell = new ProcessBuilder("bash", "-c", curl).redirectErrorStream(false).start();
        String out = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shell.waitFor()).as("exit status of %s", curl).isZero();
        return out;
    }
}
