package io.enoskit.ota.mock;

import static io.enoskit.ota.mock.RunningMock.JOBS;
import static io.enoskit.ota.mock.RunningMock.admin;
import static io.enoskit.ota.mock.RunningMock.offSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.enoskit.ota.contract.Json;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What clients send at the edges of HTTP and JSON, decided one way for every operation. */
class EdgeCasesHttpTest {
    private static final String CREATE = JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId";

    @BeforeEach
    void reset() {
        RunningMock.reset();
    }

    @Test
    void anOldJavaAcceptHeaderWithABareStarIsServed() {
        offSpec().header("Accept", "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2")
                .get(JOBS + "?action=get&orgId=yourOrgId&jobId=nope").then().body("code", equalTo(24404));
    }

    @Test
    void anAcceptHeaderWithoutJsonIsAnInvalidArgumentNamingIt() {
        offSpec().header("Accept", "text/html").get(JOBS + "?action=get&orgId=yourOrgId&jobId=nope").then()
                .body("code", equalTo(99400)).body("msg", containsString("Accept"));
    }

    @Test
    void unknownQueryParametersAreRejectedByEveryOperation() {
        offSpec().contentType("application/json").body(Bodies.upgrade()).post(CREATE + "&foo=1").then()
                .body("code", equalTo(99400)).body("msg", containsString("foo"));
        offSpec().get(JOBS + "?action=get&orgId=yourOrgId&jobId=j&foo=1").then()
                .body("code", equalTo(99400)).body("msg", containsString("foo"));
        offSpec().post(JOBS + "?action=stop&orgId=yourOrgId&jobId=j&foo=1").then()
                .body("code", equalTo(99400)).body("msg", containsString("foo"));
    }

    @Test
    void anEmptyJsonObjectIsNoBodyForTheActionsAsTheOfficialSamplesSendIt() {
        offSpec().contentType("application/json").body("{}").post(JOBS + "?action=stop&orgId=yourOrgId&jobId=nope")
                .then().body("code", equalTo(24404));
        offSpec().contentType("application/json").body("{\"x\":1}")
                .post(JOBS + "?action=stop&orgId=yourOrgId&jobId=nope").then().body("code", equalTo(99400));
    }

    @Test
    void aDeviceNamedTwiceCountsOnceTowardsTheVerificationLimit() {
        String body = Json.write(Map.of("type", "verify", "upgradeScope", Map.of("type", "partial",
                "deviceKeys", List.of("dk1", "dk2", "dk3", "dk4", "dk5", "dk1"))));

        offSpec().contentType("application/json").body(body).post(CREATE).then().body("code", equalTo(0));
    }

    @Test
    void whatIsAcceptedAtTheNestingLimitCanBeReadBackEverywhere() {
        String deep = "[".repeat(61) + "1" + "]".repeat(61);
        String body = "{\"type\":\"verify\",\"upgradeScope\":{\"type\":\"partial\",\"attributes\":{\"a\":" + deep
                + "}}}";
        String jobId = offSpec().contentType("application/json").body(body).post(CREATE).then()
                .body("code", equalTo(0)).extract().path("data.jobId");

        String read = offSpec().get(JOBS + "?action=get&orgId=yourOrgId&jobId=" + jobId).then().statusCode(200)
                .body("code", equalTo(0)).extract().asString();
        assertThat(read).contains(deep);
        admin().get("/orgs/yourOrgId/jobs").then().statusCode(200);
        String deeper = "[".repeat(62) + "1" + "]".repeat(62);
        offSpec().contentType("application/json").body(body.replace(deep, deeper)).post(CREATE).then()
                .body("code", equalTo(99400)).body("msg", containsString("deeper than 64 levels"));
    }

    @Test
    void wireMocksOwnResetResetsTheOtaStateToo() {
        offSpec().contentType("application/json").body(Bodies.upgrade()).post(CREATE).then().body("code", equalTo(0));

        RestAssured.given().baseUri(RunningMock.get().baseUrl()).post("/__admin/reset").then().statusCode(200);

        admin().get("/state").then().body("counts.jobs", equalTo(0));
        offSpec().contentType("application/json").body(Bodies.upgrade()).post(CREATE).then().body("code", equalTo(0));
    }

    @Test
    void anUnknownAdminRouteIsAJson404NamingTheRoutes() {
        admin().get("/nope").then().statusCode(404)
                .body("error", containsString("no admin route GET /__admin/ota/nope"))
                .body("error", containsString("GET /state"));
        admin().delete("/state").then().statusCode(404);
    }
}
