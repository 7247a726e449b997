package io.enoskit.ota.mock;

import static io.enoskit.ota.mock.RunningMock.JOBS;
import static io.enoskit.ota.mock.RunningMock.api;
import static io.enoskit.ota.mock.RunningMock.offSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import io.enoskit.ota.contract.Json;
import io.enoskit.ota.model.UpgradeScope;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Create OTA Job over HTTP, against the mock on its embedded default state (vendor page, V2.1 Create OTA Job). */
class CreateOtaJobHttpTest {
    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String JOB_ID = "[0-9a-f]{24}";

    @BeforeEach
    void resetState() {
        RunningMock.reset();
    }

    static ValidatableResponse create(String firmwareId, String body) {
        return api().queryParam("action", "create").queryParam("orgId", "yourOrgId")
                .queryParam("firmwareId", firmwareId).body(body)
                .post(JOBS).then().statusCode(200).contentType(ContentType.JSON);
    }

    static String createdJobId(String firmwareId, String body) {
        return create(firmwareId, body).body("code", equalTo(0)).extract().path("data.jobId");
    }

    /** A blank device key names no device: refused at create (it used to be stored, and its start answered 500). */
    @ParameterizedTest
    @CsvSource(value = {"upgrade|''", "upgrade|'  '", "verify|''"}, delimiter = '|')
    void aBlankDeviceKeyIsAnInvalidArgument(String type, String key) {
        boolean verify = type.equals("verify");
        String body = "{\"type\":\"" + type + "\","
                + (verify ? "" : "\"upgradePolicy\":\"snapshot\",\"enableUpgradeRequest\":true,")
                + "\"upgradeScope\":{\"type\":\"partial\",\"deviceKeys\":[\"" + key + "\"]}}";
        offSpec().contentType(ContentType.JSON).body(body)
                .post(JOBS + "?action=create&orgId=yourOrgId&firmwareId="
                        + (verify ? "unverifiedFirmwareId" : "yourFirmwareId"))
                .then().statusCode(200)
                .body("code", equalTo(99400))
                .body("msg", containsString("deviceKeys[0]"));
    }

    @Test
    void theVendorPagesRequestSampleCreatesAJob() {
        create("yourFirmwareId", Bodies.vendorSample())
                .body("code", equalTo(0))
                .body("msg", equalTo("OK"))
                .body("requestId", matchesPattern(UUID))
                .body("data.jobId", matchesPattern(JOB_ID));
    }

    @Test
    void aCreatedJobReadsBackWithTheDocumentedDefaults() {
        String jobId = createdJobId("yourFirmwareId", Bodies.vendorSample());

        api().queryParam("action", "get").queryParam("orgId", "yourOrgId").queryParam("jobId", jobId)
                .get(JOBS).then().statusCode(200)
                .body("code", equalTo(0))
                .body("data.jobId", equalTo(jobId))
                .body("data.orgId", equalTo("yourOrgId"))
                .body("data.firmwareId", equalTo("yourFirmwareId"))
                .body("data.type", equalTo("upgrade"))
                .body("data.name.defaultValue", equalTo("ota-job-test"))
                .body("data.upgradePolicy", equalTo("snapshot"))
                .body("data.enableUpgradeRequest", equalTo(true))
                .body("data.upgradeScope.deviceKeys[1]", equalTo("deviceKey2"))
                .body("data.upgradeTimeout", equalTo(7200))
                .body("data.maximumConcurrency", equalTo(300))
                .body("data.retryPolicy.enableRetry", equalTo(false))
                .body("data.schedulePolicy.isRepeatDaily", equalTo(true))
                .body("data.startSchedule", equalTo(0))
                .body("data.endSchedule", equalTo(86399));
    }

    @Test
    void everyResponseHasItsOwnRequestIdAndEveryJobItsOwnId() {
        String first = create("yourFirmwareId", Bodies.upgrade()).extract().path("requestId");
        String second = create("yourFirmwareId", Bodies.upgrade()).extract().path("requestId");
        String thirdJob = createdJobId("yourFirmwareId", Bodies.upgrade());
        String fourthJob = createdJobId("yourFirmwareId", Bodies.upgrade());

        assertThat(first).isNotEqualTo(second);
        assertThat(thirdJob).isNotEqualTo(fourthJob);
    }

    @Test
    void aVerificationJobIsCreated() {
        create("yourFirmwareId", Bodies.verification(2)).body("code", equalTo(0))
                .body("data.jobId", matchesPattern(JOB_ID));
    }

    @Test
    void unknownFirmwareIs24404() {
        create("noSuchFirmware", Bodies.upgrade())
                .body("code", equalTo(24404)).body("msg", equalTo("Firmware not found"))
                .body("data", nullValue()).body("requestId", matchesPattern(UUID));
    }

    @Test
    void upgradeOnAnUnverifiedFirmwareIs24610() {
        create("unverifiedFirmwareId", Bodies.upgrade())
                .body("code", equalTo(24610))
                .body("msg", equalTo("Not allowed to create job as firmware is not verified while enable"
                        + " verification is switched on"))
                .body("data", nullValue());
    }

    @Test
    void verificationWithTotalScopeIs24611() {
        String body = Json.write(Bodies.verificationModel(1).upgradeScope(
                new UpgradeScope().type(UpgradeScope.TypeEnum.TOTAL)));

        create("yourFirmwareId", body)
                .body("code", equalTo(24611))
                .body("msg", equalTo("upgradeScope type total is not allowed for verification task"));
    }

    @Test
    void verificationOverTheLimitIs24612WithTheLimit() {
        create("yourFirmwareId", Bodies.verification(6))
                .body("code", equalTo(24612))
                .body("msg", equalTo("Exceeded max verification deviceKeys, max[5]"));
    }

    @Test
    void verificationAtTheLimitIsCreated() {
        create("yourFirmwareId", Bodies.verification(5)).body("code", equalTo(0));
    }

    private static ValidatableResponse start(String jobId) {
        return RestAssured.given().baseUri(RunningMock.get().baseUrl()).filter(FailOnSpecBreach.ACTIONS)
                .queryParam("action", "start").queryParam("orgId", "yourOrgId").queryParam("jobId", jobId)
                .post(JOBS).then().statusCode(200);
    }

    /** Puts devices deviceKey{from}..deviceKey{to} on the default product and version 1.0 through the admin API. */
    private static void addDevices(int from, int to) {
        for (int i = from; i <= to; i++) {
            RunningMock.admin().contentType(ContentType.JSON)
                    .body("{\"productKey\":\"yourProductKey\",\"firmwareVersion\":\"1.0\"}")
                    .put("/orgs/yourOrgId/devices/deviceKey" + i).then().statusCode(200);
        }
    }

    /** A verification job that names no device selects the product's devices; the limit counts them (inferred). */
    @Test
    void aVerificationJobNamingNoDeviceIs24612WhenItsScopeSelectsMoreThanTheLimit() {
        addDevices(5, 12);

        create("yourFirmwareId", "{\"type\":\"verify\",\"upgradeScope\":{\"type\":\"partial\"}}")
                .body("code", equalTo(24612))
                .body("msg", equalTo("Exceeded max verification deviceKeys, max[5]"));
        create("yourFirmwareId", "{\"type\":\"verify\",\"upgradeScope\":{\"type\":\"partial\","
                + "\"versionNumbers\":[\"1.0\"]}}")
                .body("code", equalTo(24612));
    }

    /** Devices that joined after the create count at the first start: 24612 there, and the job stays stopped. */
    @Test
    void aVerificationJobWhoseScopeGrewPastTheLimitIsNotStarted() {
        String jobId = createdJobId("yourFirmwareId", "{\"type\":\"verify\",\"upgradeScope\":{\"type\":"
                + "\"partial\"}}");
        addDevices(5, 6);

        start(jobId)
                .body("code", equalTo(24612))
                .body("msg", equalTo("Exceeded max verification deviceKeys, max[5]"));
        api().get(JOBS + "?action=get&orgId=yourOrgId&jobId=" + jobId).then().statusCode(200)
                .body("data.status", equalTo("stopped"));
        RunningMock.admin().get("/orgs/yourOrgId/jobs/" + jobId + "/tasks").then().statusCode(200)
                .body("tasks", empty());
    }

    /** A verification job selecting no device is created, and started it gets no task (inferred). */
    @Test
    void aVerificationJobSelectingNoDeviceIsCreatedAndGetsNoTask() {
        String jobId = createdJobId("yourFirmwareId", "{\"type\":\"verify\",\"upgradeScope\":{\"type\":"
                + "\"partial\",\"versionNumbers\":[\"9.9\"]}}");

        start(jobId).body("code", equalTo(0));
        RunningMock.admin().get("/orgs/yourOrgId/jobs/" + jobId + "/tasks").then().statusCode(200)
                .body("tasks", empty());
    }

    @ParameterizedTest(name = "upgradeTimeout {0} → code {1}")
    @CsvSource({"299, 99400", "300, 0", "172800, 0", "172801, 99400"})
    void upgradeTimeoutBounds(long seconds, int code) {
        ValidatableResponse response = offSpec().contentType(ContentType.JSON)
                .queryParam("action", "create").queryParam("orgId", "yourOrgId")
                .queryParam("firmwareId", "yourFirmwareId").body(Bodies.upgradeWithTimeout(seconds))
                .post(JOBS).then().statusCode(200).body("code", equalTo(code));
        if (code != 0) {
            response.body("msg", containsString("upgradeTimeout")).body("msg", containsString("found: " + seconds));
        }
    }

    @Test
    void queryParametersMayComeInAnyOrder() {
        api().body(Bodies.upgrade())
                .post(JOBS + "?firmwareId=yourFirmwareId&orgId=yourOrgId&action=create")
                .then().statusCode(200).body("code", equalTo(0));
    }

    @Test
    void jsonWithACharsetIsAccepted() {
        api().contentType("application/json; charset=utf-8").body(Bodies.upgrade())
                .post(JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId")
                .then().statusCode(200).body("code", equalTo(0));
    }

    @Test
    void numericStringsFromTheVendorsSampleCodeAreAccepted() {
        String body = Bodies.upgrade().replace("\"upgradeTimeout\":7200", "\"upgradeTimeout\":\"600\"")
                .replace("\"maximumConcurrency\":300", "\"maximumConcurrency\":\"10\"");
        assertThat(body).contains("\"600\"").contains("\"10\"");

        String jobId = offSpec().contentType(ContentType.JSON).body(body)
                .post(JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId")
                .then().statusCode(200).body("code", equalTo(0)).extract().path("data.jobId");

        api().get(JOBS + "?action=get&orgId=yourOrgId&jobId=" + jobId).then()
                .body("data.upgradeTimeout", equalTo(600)).body("data.maximumConcurrency", equalTo(10));
    }

    @Test
    void theAssetTreeFieldOfTheVendorsSampleCodeIsAcceptedAndKept() {
        String body = Bodies.upgrade().replace("\"deviceKeys\":[\"deviceKey1\"]",
                "\"assetTrees\":[{\"treeId\":\"t1\",\"includedNotes\":true}]");
        assertThat(body).contains("includedNotes");

        String jobId = createdJobId("yourFirmwareId", body);

        api().get(JOBS + "?action=get&orgId=yourOrgId&jobId=" + jobId).then()
                .body("data.upgradeScope.assetTrees[0].treeId", equalTo("t1"))
                .body("data.upgradeScope.assetTrees[0].includedNotes", equalTo(true));
    }

    @Test
    void anUnknownBodyFieldIsRejectedNamingIt() {
        String body = Bodies.upgrade().replace("\"enableUpgradeRequest\"", "\"enableUpgradeReq\"");

        offSpec().contentType(ContentType.JSON).body(body)
                .post(JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId")
                .then().statusCode(200)
                .body("code", equalTo(99400))
                .body("msg", containsString("enableUpgradeReq: is not a field of this object"))
                .body("msg", containsString("enableUpgradeRequest: is mandatory but missing"));
    }

    /** maximumConcurrency belongs to upgrade jobs: sent in a verification job, the message says so. */
    @Test
    void maximumConcurrencyInAVerificationJobIsNotAllowedForAVerifyJob() {
        String body = "{\"type\":\"verify\",\"maximumConcurrency\":10,"
                + "\"upgradeScope\":{\"type\":\"partial\",\"deviceKeys\":[\"deviceKey1\"]}}";

        offSpec().contentType(ContentType.JSON).body(body)
                .post(JOBS + "?action=create&orgId=yourOrgId&firmwareId=unverifiedFirmwareId")
                .then().statusCode(200)
                .body("code", equalTo(99400))
                .body("msg", equalTo("Invalid Argument maximumConcurrency: is not allowed for a verify job (only an"
                        + " upgrade job takes it)"));
    }

    @Test
    void aJobOfAnotherOrgIsNotFound() {
        String jobId = createdJobId("yourFirmwareId", Bodies.upgrade());

        api().get(JOBS + "?action=get&orgId=someOtherOrg&jobId=" + jobId).then().statusCode(200)
                .body("code", equalTo(24404)).body("msg", equalTo("Job not found")).body("data", nullValue());
    }

    @Test
    void anUnknownJobIsNotFound() {
        api().get(JOBS + "?action=get&orgId=yourOrgId&jobId=5ee1a91029b990001b9c188e").then()
                .body("code", equalTo(24404)).body("msg", equalTo("Job not found"));
    }

    @Test
    void theSameFirmwareIdInAnotherOrgIsAnotherFirmware() {
        api().queryParam("action", "create").queryParam("orgId", "someOtherOrg")
                .queryParam("firmwareId", "yourFirmwareId").body(Bodies.upgrade())
                .post(JOBS).then().body("code", equalTo(24404)).body("msg", equalTo("Firmware not found"));
    }
}
