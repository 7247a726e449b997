package io.enoskit.ota.mock;

import static io.enoskit.ota.mock.RunningMock.JOBS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Start, Stop and Delete OTA Job over HTTP (spec ota-job-actions.yaml; each exchange checked against it). */
class OtaJobActionsHttpTest {
    private String jobId;

    @BeforeEach
    void createAJob() {
        RunningMock.reset();
        jobId = CreateOtaJobHttpTest.createdJobId("yourFirmwareId", Bodies.upgrade());
    }

    private static ValidatableResponse act(String action, String orgId, String jobId) {
        return RestAssured.given().baseUri(RunningMock.get().baseUrl()).filter(FailOnSpecBreach.ACTIONS)
                .queryParam("action", action).queryParam("orgId", orgId).queryParam("jobId", jobId)
                .post(JOBS).then().statusCode(200);
    }

    @Test
    void aJobStartsStopsAndIsDeleted() {
        act("start", "yourOrgId", jobId).body("code", equalTo(0)).body("msg", equalTo("OK")).body("data", nullValue());
        RunningMock.api().get(JOBS + "?action=get&orgId=yourOrgId&jobId=" + jobId).then()
                .body("data.status", equalTo("started"));
        act("stop", "yourOrgId", jobId).body("code", equalTo(0));
        act("delete", "yourOrgId", jobId).body("code", equalTo(0));

        RunningMock.api().get(JOBS + "?action=get&orgId=yourOrgId&jobId=" + jobId).then()
                .body("code", equalTo(24404)).body("msg", equalTo("Job not found"));
    }

    @Test
    void eachDocumentedErrorOfTheActions() {
        act("stop", "yourOrgId", jobId).body("code", equalTo(24616)).body("msg", equalTo("Job has stopped"));
        act("start", "yourOrgId", jobId).body("code", equalTo(0));
        act("start", "yourOrgId", jobId).body("code", equalTo(24615)).body("msg", equalTo("Job has started"));
        act("delete", "yourOrgId", jobId).body("code", equalTo(24618))
                .body("msg", equalTo("Not allowed to delete running job"));
        act("delete", "someOtherOrg", jobId).body("code", equalTo(24404)).body("msg", equalTo("Job not found"));
    }

    @Test
    void aMissingJobIdIs99400() {
        RestAssured.given().baseUri(RunningMock.get().baseUrl())
                .post(JOBS + "?action=stop&orgId=yourOrgId").then().statusCode(200)
                .body("code", equalTo(99400)).body("msg", containsString("jobId"));
    }
}
