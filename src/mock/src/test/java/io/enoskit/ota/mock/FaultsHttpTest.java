package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.SocketException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults and delays on demand: by the admin API, by the Java API, for every call, a share, or the next N. */
class FaultsHttpTest {
    private static final String CREATE = RunningMock.JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId";
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
        mock.reset();
    }

    private static Response create() {
        return RestAssured.given().baseUri(mock.baseUrl()).contentType("application/json").body(Bodies.upgrade())
                .post(CREATE);
    }

    @Test
    void theNextTwoCreatesFailWith503AndCreateNothingThenTheThirdSucceeds() {
        mock.faults().add(FaultRule.on("create-job").fail(FaultRule.Fault.HTTP_503).nextCalls(2));

        Response first = create();
        Response second = create();
        Response third = create();

        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.jsonPath().getInt("status")).isEqualTo(503);
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(third.jsonPath().getInt("code")).isZero();
        assertThat(mock.jobs("yourOrgId")).hasSize(1);
        assertThat(mock.faults().rules()).isEmpty();
    }

    @Test
    void a500IsTheEnvelopeWith99500AndA429IsTheGatewaysThrottle() {
        mock.faults().add(FaultRule.on("create-job").fail(FaultRule.Fault.HTTP_500).nextCalls(1))
                .add(FaultRule.on("create-job").fail(FaultRule.Fault.HTTP_429).nextCalls(1));

        create().then().statusCode(500).body("code", equalTo(99500));
        create().then().statusCode(429).body("status", equalTo(429));
    }

    @Test
    void aDelayHoldsTheAnswerAndTheOperationStillRuns() {
        mock.faults().add(FaultRule.on("get-job").delay(Duration.ofMillis(400)));
        long started = System.nanoTime();

        RestAssured.given().baseUri(mock.baseUrl()).get(RunningMock.JOBS + "?action=get&orgId=yourOrgId&jobId=nope")
                .then().body("code", equalTo(24404));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        create().then().body("code", equalTo(0));
    }

    @Test
    void aShareOfTheCallsFails() {
        mock.faults().add(FaultRule.on("*").fail(FaultRule.Fault.HTTP_502).share(0.5));
        int failed = 0;
        for (int i = 0; i < 200; i++) {
            failed += create().statusCode() == 502 ? 1 : 0;
        }

        assertThat(failed).isBetween(60, 140);
    }

    @Test
    void aResetConnectionGivesTheClientNoAnswer() {
        mock.faults().add(FaultRule.on("create-job").fail(FaultRule.Fault.CONNECTION_RESET).nextCalls(1));

        assertThatThrownBy(FaultsHttpTest::create).isInstanceOf(SocketException.class);
        create().then().body("code", equalTo(0));
    }

    @Test
    void theAdminApiAddsListsAndClearsRulesAndNamesWhatIsWrong() {
        RestAssured.given().baseUri(mock.baseUrl() + "/__admin/ota").contentType("application/json")
                .body("{\"operation\":\"create-job\",\"fault\":\"503\",\"calls\":2}").post("/faults").then()
                .statusCode(200).body("faults", hasSize(1)).body("faults[0].calls", equalTo(2));
        create().then().statusCode(503);
        RestAssured.given().baseUri(mock.baseUrl() + "/__admin/ota").get("/faults").then()
                .body("faults[0].calls", equalTo(1));
        RestAssured.given().baseUri(mock.baseUrl() + "/__admin/ota").contentType("application/json")
                .body("{\"operation\":\"make-coffee\",\"fault\":\"503\"}").post("/faults").then()
                .statusCode(400).body("error", containsString("operation 'make-coffee' is not one of"));
        RestAssured.given().baseUri(mock.baseUrl() + "/__admin/ota").contentType("application/json")
                .body("{\"fault\":\"503\"}").post("/faults").then()
                .statusCode(400).body("error", containsString("operation is missing; it must be one of"));
        RestAssured.given().baseUri(mock.baseUrl() + "/__admin/ota").contentType("application/json")
                .body("{\"operation\":\"*\",\"fault\":\"418\"}").post("/faults").then()
                .statusCode(400).body("error", containsString("fault '418' is not one of"));

        RestAssured.given().baseUri(mock.baseUrl() + "/__admin/ota").delete("/faults").then().body("faults", hasSize(0));
        create().then().statusCode(200);
    }

    @Test
    void aResetClearsTheRules() {
        mock.faults().add(FaultRule.on("*").fail(FaultRule.Fault.HTTP_503));

        RestAssured.given().baseUri(mock.baseUrl()).post("/__admin/ota/reset").then().statusCode(200);

        create().then().statusCode(200);
    }
}
