package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.junit5.OtaMockExtension;
import io.enoskit.ota.model.TaskInfo;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lifecycle operations over HTTP on the default state, every exchange checked against its spec document: the
 * console walk and the verification walk of the README, the searches with their pagination and expressions, Cancel
 * and Retry OTA Task with each documented code, the firmware operations, and the admin clock. The clock is moved,
 * never waited for.
 */
class LifecycleHttpTest {
    private static final String ORG = "yourOrgId";
    private static final int PACE = 5;

    @RegisterExtension
    static final OtaMockExtension MOCK = OtaMockExtension.newInstance().build();

    private static ValidatableResponse call(Operation op, Map<String, String> query, Object body) {
        Filter spec = FailOnSpecBreach.strict(op);
        var request = RestAssured.given().baseUri(MOCK.baseUrl()).filter(spec).queryParam("action", op.action())
                .queryParam("orgId", ORG);
        query.forEach(request::queryParam);
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        } else if (op.method().equals("POST")) {
            request.contentType(ContentType.JSON);
        }
        return (op.method().equals("GET") ? request.get(op.path()) : request.post(op.path())).then().statusCode(200);
    }

    private static String create(String firmwareId, Map<String, Object> body) {
        return call(Operation.CREATE_JOB, Map.of("firmwareId", firmwareId), body).body("code", equalTo(0))
                .extract().path("data.jobId");
    }

    private static Map<String, Object> upgrade(String... deviceKeys) {
        return Map.of("type", "upgrade", "upgradePolicy", "snapshot", "enableUpgradeRequest", true,
                "upgradeScope", Map.of("type", "partial", "versionNumbers", List.of("1.0"),
                        "deviceKeys", List.of(deviceKeys)));
    }

    private static ValidatableResponse tasksOf(String jobId) {
        return call(Operation.SEARCH_TASKS, Map.of(), Map.of("expression", "jobId = '" + jobId + "'"))
                .body("code", equalTo(0));
    }

    private static void advance(int seconds) {
        RestAssured.given().baseUri(MOCK.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("advanceSeconds", seconds)).post("/__admin/ota/clock").then().statusCode(200);
    }

    @Test
    void theConsoleWalkCreateStartWatchFailRetrySucceed() {
        String jobId = create("yourFirmwareId", upgrade("deviceKey1", "deviceKey2", "deviceKey3"));
        call(Operation.START_JOB, Map.of("jobId", jobId), null).body("code", equalTo(0));
        tasksOf(jobId).body("data.status", everyItem(Matchers.in(List.of("init", "published"))))
                .body("data.progress", everyItem(equalTo(0))).body("pagination.totalSize", equalTo(3));

        advance(3 * PACE);
        tasksOf(jobId).body("data.find { it.deviceKey == 'deviceKey1' }.progress", equalTo(50))
                .body("data.find { it.deviceKey == 'deviceKey3' }.status", equalTo("failed"))
                .body("data.find { it.deviceKey == 'deviceKey3' }.desc", equalTo("download failure"));

        call(Operation.RETRY_TASKS, Map.of("jobId", jobId), Map.of("deviceKeys", List.of("deviceKey3")))
                .body("code", equalTo(0)).body("data", nullValue());
        advance(6 * PACE);

        tasksOf(jobId).body("data.status", everyItem(equalTo("succeeded"))).body("data.progress", everyItem(equalTo(100)))
                .body("data.toVersion", everyItem(equalTo("1.1"))).body("data.fromVersion", everyItem(equalTo("1.0")));
    }

    @Test
    void theVerificationWalkVerifiesTheFirmwareAndThenAnUpgradeJobIsCreated() {
        call(Operation.CREATE_JOB, Map.of("firmwareId", "unverifiedFirmwareId"), upgrade("deviceKey1"))
                .body("code", equalTo(24610));
        String verify = create("unverifiedFirmwareId", Map.of("type", "verify",
                "upgradeScope", Map.of("type", "partial", "deviceKeys", List.of("deviceKey1"))));
        call(Operation.START_JOB, Map.of("jobId", verify), null).body("code", equalTo(0));

        advance(6 * PACE);

        call(Operation.GET_FIRMWARE, Map.of("firmwareId", "unverifiedFirmwareId"), null).body("code", equalTo(0))
                .body("data.isVerified", equalTo(true)).body("data.version", equalTo("2.0"));
        create("unverifiedFirmwareId", upgrade("deviceKey1"));
    }

    @Test
    void cancelAndRetryAnswerTheirDocumentedCodes() {
        String jobId = create("yourFirmwareId", upgrade("deviceKey1", "deviceKey2"));
        Map<String, Object> both = Map.of("deviceKeys", List.of("deviceKey1", "deviceKey2"));
        call(Operation.CANCEL_TASKS, Map.of("jobId", jobId), both).body("code", equalTo(24617))
                .body("msg", equalTo("Job not running"));
        call(Operation.RETRY_TASKS, Map.of("jobId", "nope"), both).body("code", equalTo(24404))
                .body("msg", equalTo("Job not found"));
        call(Operation.START_JOB, Map.of("jobId", jobId), null);
        call(Operation.RETRY_TASKS, Map.of("jobId", jobId), both).body("code", equalTo(24621))
                .body("msg", equalTo("Only failed tasks can be retried"));

        call(Operation.CANCEL_TASKS, Map.of("jobId", jobId), both).body("code", equalTo(0));

        tasksOf(jobId).body("data.status", everyItem(equalTo("failed")))
                .body("data.desc", everyItem(equalTo("Cancelled by user")));
        call(Operation.CANCEL_TASKS, Map.of("jobId", jobId), both).body("code", equalTo(24620))
                .body("msg", equalTo("Only init or published tasks can be canceled"));
        call(Operation.SEARCH_TASKS, Map.of(), Map.of("expression", "desc = 'Cancelled by user'"))
                .body("data", hasSize(2));
    }

    @Test
    void taskActionsNeedTheirDeviceKeys() {
        String jobId = create("yourFirmwareId", upgrade("deviceKey1"));
        RestAssured.given().baseUri(MOCK.baseUrl()).filter(FailOnSpecBreach.responseOnly(Operation.CANCEL_TASKS))
                .contentType(ContentType.JSON).body(Map.of("deviceKeys", List.of()))
                .post(Operation.JOBS + "?action=cancelTask&orgId=" + ORG + "&jobId=" + jobId).then()
                .body("code", equalTo(99400)).body("msg", containsString("deviceKeys"));
    }

    @Test
    void searchOtaJobPagesNewestFirstWithThePaginationBesideData() {
        String first = create("yourFirmwareId", upgrade("deviceKey1"));
        advance(1);
        String second = create("yourFirmwareId", upgrade("deviceKey2"));
        advance(1);
        create("unverifiedFirmwareId", Map.of("type", "verify",
                "upgradeScope", Map.of("type", "partial", "deviceKeys", List.of("deviceKey1"))));

        call(Operation.SEARCH_JOBS, Map.of(), Map.of("expression", "type = 'upgrade'",
                "pagination", Map.of("pageNo", 1, "pageSize", 1)))
                .body("data.jobId", equalTo(List.of(second))).body("pagination.pageNo", equalTo(1))
                .body("pagination.pageSize", equalTo(1)).body("pagination.totalSize", equalTo(2));
        call(Operation.SEARCH_JOBS, Map.of(), Map.of("expression", "type = 'upgrade'",
                "pagination", Map.of("pageNo", 2, "pageSize", 1))).body("data.jobId", equalTo(List.of(first)));
        call(Operation.SEARCH_JOBS, Map.of(), null).body("pagination.pageSize", equalTo(10))
                .body("pagination.totalSize", equalTo(3));
    }

    @Test
    void theOfficialSamplesSearchesAreAnswered() {
        create("yourFirmwareId", upgrade("deviceKey1"));
        for (String expression : List.of("productKey ='yourProductKey'", "productKey in ('yourProductKey')",
                "firmwareId ='yourFirmwareId'", "firmwareVersion in ('1.1','1.2')", "type  = 'upgrade'",
                "status = 'stopped'", "firmwareName.default like 'Sample'", "firmwareName like 'no verification'")) {
            call(Operation.SEARCH_JOBS, Map.of(), Map.of("expression", expression)).body("code", equalTo(0))
                    .body("pagination.totalSize", equalTo(1));
        }
        call(Operation.SEARCH_JOBS, Map.of(), Map.of("pagination", Map.of("pageNo", 1, "pageSize", 5)))
                .body("code", equalTo(0));
        call(Operation.SEARCH_FIRMWARE, Map.of(), Map.of("expression", "isVerified = True"))
                .body("code", equalTo(0)).body("data", hasSize(0));
        call(Operation.SEARCH_FIRMWARE, Map.of(), Map.of("expression", "name.default like 'verified first'"))
                .body("data.firmwareId", equalTo(List.of("unverifiedFirmwareId")));
    }

    @Test
    void anExpressionThatCannotBeReadIs99400NamingWhereAndAPageSizeOver200Too() {
        RestAssured.given().baseUri(MOCK.baseUrl()).filter(FailOnSpecBreach.strict(Operation.SEARCH_JOBS))
                .contentType(ContentType.JSON).body(Map.of("expression", "stauts = 'started'"))
                .post(Operation.JOBS + "?action=search&orgId=" + ORG).then()
                .body("code", equalTo(99400))
                .body("msg", equalTo("Invalid Argument expression: unknown field 'stauts' at position 1 (fields:"
                        + " firmwareId, productKey, firmwareVersion, type, status, name, firmwareName)"));
        RestAssured.given().baseUri(MOCK.baseUrl()).filter(FailOnSpecBreach.responseOnly(Operation.SEARCH_TASKS))
                .contentType(ContentType.JSON).body(Map.of("pagination", Map.of("pageNo", 1, "pageSize", 201)))
                .post(Operation.JOBS + "?action=searchTask&orgId=" + ORG).then()
                .body("code", equalTo(99400)).body("msg", containsString("pagination.pageSize"));
    }

    @Test
    void getFirmwareFileAnswersTheFirmwareOr24404() {
        call(Operation.GET_FIRMWARE, Map.of("firmwareId", "yourFirmwareId"), null)
                .body("data.firmwareId", equalTo("yourFirmwareId")).body("data.productKey", equalTo("yourProductKey"))
                .body("data.name.defaultValue", equalTo("Sample firmware, no verification needed"))
                .body("data.enableVerification", equalTo(false)).body("data.maxAllowedForVerification", equalTo(5));
        call(Operation.GET_FIRMWARE, Map.of("firmwareId", "nope"), null).body("code", equalTo(24404))
                .body("msg", equalTo("Firmware not found")).body("data", nullValue());
    }

    @Test
    void anUnknownActionNamesEveryActionOfThePathAndMethod() {
        RestAssured.given().baseUri(MOCK.baseUrl()).post(Operation.JOBS + "?action=serch&orgId=" + ORG).then()
                .body("code", equalTo(99400)).body("msg", equalTo("Invalid Argument action: value 'serch' is not one"
                        + " of the actions of POST /connect-service/v2.1/ota-jobs: [\"create\", \"get\", \"start\", \"stop\","
                        + " \"delete\", \"search\", \"searchTask\", \"cancelTask\", \"retryTask\"]"));
    }

    @Test
    void theAdminClockAndTasksRoutesShowTheSimulation() {
        String jobId = create("yourFirmwareId", upgrade("deviceKey1"));
        MOCK.server().startJob(ORG, jobId);
        long before = RestAssured.given().baseUri(MOCK.baseUrl()).get("/__admin/ota/clock").then().statusCode(200)
                .extract().<Long>path("now");

        long after = MOCK.advanceClock(Duration.ofSeconds(PACE));

        assertThat(after - before).isBetween(PACE * 1000L, PACE * 1000L + 5_000);
        assertThat(MOCK.tasks(ORG, jobId)).extracting(TaskInfo::getStatus).containsExactly(TaskInfo.StatusEnum.UPGRADING);
        RestAssured.given().baseUri(MOCK.baseUrl()).get("/__admin/ota/orgs/" + ORG + "/jobs/" + jobId + "/tasks")
                .then().statusCode(200).body("counts.upgrading", equalTo(1)).body("tasks[0].deviceKey", equalTo("deviceKey1"));
        RestAssured.given().baseUri(MOCK.baseUrl()).contentType(ContentType.JSON).body(Map.of("advanceSeconds", -1))
                .post("/__admin/ota/clock").then().statusCode(400).body("error", containsString("advanceSeconds"));
    }
}
