package io.enoskit.ota.mock;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the official clients send works on the default profile, one request shape per sample:
 * <ul>
 *   <li>the Python samples (EnvisionIot/sample-code-python, {@code connection/FirmwareOTAUpgradeManagement/*.py} and
 *       {@code connection/FirmwareManagement/getFirmwareFile.py, searchFirmwareFile.py}): Poseidon's
 *       {@code urlopen(ak, sk, url, body)} POSTs the body as JSON, and with no body sends a GET; so Get OTA Job,
 *       Start, Stop and Delete go as POST with {@code {}};</li>
 *   <li>the Java client's captured requests (reference notes enos-client-poseidon.md section 4: A raw create, B typed
 *       create with the query in HashMap order, H a typed POST whose null firmwareId is left out, I a typed GET with a
 *       value holding a literal {@code &}).</li>
 * </ul>
 * "Works" means the operation ran: code 0, or the business code the state gives (a stopped job's tasks cannot be
 * cancelled, 24617); a request the client itself breaks (H, I) gets 99400 naming the field.
 */
class OfficialSamplesHttpTest {
    private static final String ORG = "yourOrgId";
    private static final String PYTHON_JSON = "application/json";
    private static final String POSEIDON_JSON = "application/json; charset=utf-8";
    private static final String I18N_NAME = "{\"defaultValue\": \"Python_OTA_Job\", \"i18nValue\": {\"zh_CN\":"
            + " \"OTA_验证工作\", \"en_US\": \"OTA_Verify_Job\", \"ja_JP\": \"OTA_仕事を確認する\", \"es_ES\":"
            + " \"OTA_Verificar_Trabajo\"}}";
    private static final String UPGRADE_TAIL = ", \"upgradePolicy\": \"snapshot\", \"enableUpgradeRequest\": true,"
            + " \"upgradeTimeout\": \"600\", \"retryPolicy\": {\"enableRetry\": true, \"retryInterval\": \"10\","
            + " \"retryCount\": 5}, \"schedulePolicy\": {\"isRepeatDaily\": true, \"startTimestamp\": 1764900000000,"
            + " \"endTimestamp\": 1764910800000, \"timezoneOffsetInMinutes\": 60}, \"maximumConcurrency\": \"10\"}";

    private String jobId;

    @BeforeEach
    void aStoppedJob() {
        RunningMock.reset();
        jobId = RunningMock.offSpec().contentType(ContentType.JSON).body(Bodies.upgrade())
                .post(RunningMock.JOBS + "?action=create&orgId=" + ORG + "&firmwareId=yourFirmwareId")
                .then().body("code", equalTo(0)).extract().path("data.jobId");
    }

    static Stream<Arguments> pythonSamples() {
        String jobs = "/connect-service/v2.1/ota-jobs?orgId=" + ORG + "&action=";
        String firmwares = "/connect-service/v2.1/ota-firmwares?orgId=" + ORG + "&action=";
        String create = jobs + "create&firmwareId=yourFirmwareId";
        String scope = "\"upgradeScope\": {\"type\": \"partial\", \"versionNumbers\": [\"1.0\"], ";
        return Stream.of(
                Arguments.of("getOTAJob.py", "POST", jobs + "get&jobId={jobId}", "{}", 0),
                Arguments.of("startOTAJob.py", "POST", jobs + "start&jobId={jobId}", "{}", 0),
                Arguments.of("stopOTAJob.py", "POST", jobs + "stop&jobId={jobId}", "{}", 0),
                Arguments.of("deleteOTAJob.py", "POST", jobs + "delete&jobId={jobId}", "{}", 0),
                Arguments.of("cancelOTATask.py", "POST", jobs + "cancelTask&jobId={jobId}",
                        "{\"deviceKeys\": [\"deviceKey1\"]}", 24617),
                Arguments.of("retryOTATask.py", "POST", jobs + "retryTask&jobId={jobId}",
                        "{\"deviceKeys\": [\"deviceKey1\"]}", 24617),
                Arguments.of("searchOTAJob.py searchOTAJob", "POST", jobs + "search",
                        "{\"pagination\": {\"pageNo\": 1, \"pageSize\": 5}}", 0),
                Arguments.of("searchOTAJob.py searchOTAJob_Expression", "POST", jobs + "search",
                        "{\"expression\": \"type = 'upgrade'\"}", 0),
                Arguments.of("searchOTATask.py searchOTATask", "POST", jobs + "searchTask",
                        "{\"pagination\": {\"pageNo\": 1, \"pageSize\": 5}}", 0),
                Arguments.of("searchOTATask.py searchOTATask_Expression", "POST", jobs + "searchTask",
                        "{\"expression\": \"jobId = '{jobId}'\"}", 0),
                Arguments.of("createOTAJob.py createOTAJob_verify", "POST", create, "{\"name\": " + I18N_NAME
                        + ", \"type\": \"verify\", " + scope + "\"deviceKeys\": [\"deviceKey1\", \"deviceKey2\"]},"
                        + " \"upgradeTimeout\": \"6000\"}", 0),
                Arguments.of("createOTAJob.py createOTAJob_upgrade", "POST", create, "{\"name\": " + I18N_NAME
                        + ", \"type\": \"upgrade\", " + scope + "\"deviceKeys\": [\"deviceKey1\"]}" + UPGRADE_TAIL, 0),
                Arguments.of("createOTAJob.py createOTAJob_verify_attributes", "POST", create, "{\"name\": "
                        + I18N_NAME + ", \"type\": \"verify\", " + scope + "\"attributes\": {\"color\": [\"red\"]}},"
                        + " \"upgradeTimeout\": \"6000\"}", 0),
                Arguments.of("createOTAJob.py createOTAJob_upgrade_attributes", "POST", create, "{\"name\": "
                        + I18N_NAME + ", \"type\": \"upgrade\", " + scope + "\"attributes\": {\"color\": [\"red\"]}}"
                        + UPGRADE_TAIL, 0),
                Arguments.of("createOTAJob.py createOTAJob_verify_tags", "POST", create, "{\"name\": " + I18N_NAME
                        + ", \"type\": \"verify\", " + scope + "\"tags\": {\"site\": [\"north\"]}},"
                        + " \"upgradeTimeout\": \"6000\"}", 0),
                Arguments.of("createOTAJob.py createOTAJob_upgrade_tags", "POST", create, "{\"name\": " + I18N_NAME
                        + ", \"type\": \"upgrade\", " + scope + "\"tags\": {\"site\": [\"north\"]}}" + UPGRADE_TAIL, 0),
                Arguments.of("createOTAJob.py createOTAJob_verify_assetTrees", "POST", create, "{\"name\": "
                        + I18N_NAME + ", \"type\": \"verify\", " + scope + "\"assetTrees\": [{\"treeId\": \"t1\","
                        + " \"includedNotes\": [\"n1\"]}]}, \"upgradeTimeout\": \"6000\"}", 0),
                Arguments.of("createOTAJob.py createOTAJob_upgrade_assetTrees", "POST", create, "{\"name\": "
                        + I18N_NAME + ", \"type\": \"upgrade\", " + scope + "\"assetTrees\": [{\"treeId\": \"t1\","
                        + " \"includedNotes\": null}]}" + UPGRADE_TAIL, 0),
                Arguments.of("getFirmwareFile.py", "GET", firmwares + "get&firmwareId=yourFirmwareId", null, 0),
                Arguments.of("searchFirmwareFile.py searchFirmwareFile", "POST", firmwares + "search",
                        "{\"pagination\": {\"pageNo\": 1, \"pageSize\": 5}}", 0),
                Arguments.of("searchFirmwareFile.py searchFirmwareFile_Expression", "POST", firmwares + "search",
                        "{\"expression\": \"productKey = 'yourProductKey'\"}", 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pythonSamples")
    void aPythonSampleRunsItsOperation(String sample, String method, String url, String body, int code) {
        if (sample.startsWith("stopOTAJob")) {
            // the sample stops a running job
            send("POST", "/connect-service/v2.1/ota-jobs?orgId=" + ORG + "&action=start&jobId=" + jobId, "{}",
                    PYTHON_JSON).body("code", equalTo(0));
        }
        send(method, url.replace("{jobId}", jobId), body == null ? null : body.replace("{jobId}", jobId), PYTHON_JSON)
                .statusCode(200).body("code", equalTo(code));
    }

    @ParameterizedTest(name = "Poseidon capture {0}")
    @MethodSource("poseidonCaptures")
    void aPoseidonCaptureIsAnsweredAsItsOperation(String capture, String method, String url, String body, int code,
                                                  String msgStart) {
        ValidatableResponse answer = send(method, url, body, body == null ? null : POSEIDON_JSON).statusCode(200)
                .body("code", equalTo(code));
        if (msgStart != null) {
            answer.body("msg", startsWith(msgStart));
        }
    }

    static Stream<Arguments> poseidonCaptures() {
        String jobs = "/connect-service/v2.1/ota-jobs";
        return Stream.of(
                Arguments.of("A raw create", "POST", jobs + "?action=create&orgId=" + ORG + "&firmwareId=yourFirmwareId",
                        "{\"name\":{\"defaultValue\":\"job1\"},\"type\":\"upgrade\",\"upgradeScope\":{\"type\":"
                                + "\"partial\",\"deviceKeys\":[\"dk1\"],\"versionNumbers\":[\"1.0\"]},\"upgradePolicy\":"
                                + "\"snapshot\",\"enableUpgradeRequest\":true}", 0, null),
                Arguments.of("B typed create", "POST", jobs + "?firmwareId=yourFirmwareId&action=create&orgId=" + ORG,
                        "{\"name\":{\"defaultValue\":\"YourUpgradeJobNameHere\",\"i18nValue\":{}},\"upgradePolicy\":"
                                + "\"snapshot\",\"enableUpgradeRequest\":true,\"type\":\"upgrade\",\"upgradeScope\":"
                                + "{\"type\":\"partial\",\"deviceKeys\":[\"dk1\",\"dk2\"],\"versionNumbers\":"
                                + "[\"1.0\",\"1.1\"]}}", 0, null),
                Arguments.of("H typed POST with a null firmwareId", "POST", jobs + "?action=create&orgId=" + ORG, "{}",
                        99400, "Invalid Argument firmwareId"),
                Arguments.of("I typed GET with a literal &", "GET", jobs + "?firmwareId=fw%203&action=get&orgId=o%20x&y",
                        null, 99400, "Invalid Argument "));
    }

    private static ValidatableResponse send(String method, String url, String body, String contentType) {
        RequestSpecification request = RestAssured.given().baseUri(RunningMock.get().baseUrl()).urlEncodingEnabled(false);
        if (body != null) {
            request = request.contentType(contentType).body(body);
        }
        return request.request(method, url).then();
    }
}
