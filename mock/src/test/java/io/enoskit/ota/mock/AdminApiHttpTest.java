package io.enoskit.ota.mock;

import static io.enoskit.ota.mock.RunningMock.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.enoskit.ota.contract.Json;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mock's admin routes under /__admin/ota: seed firmware, inspect jobs, complete a verification, reset. */
class AdminApiHttpTest {
    @BeforeEach
    void resetState() {
        RunningMock.reset();
    }

    @Test
    void theDefaultStateHoldsTheTwoSampleFirmwares() {
        admin().get("/orgs/yourOrgId/firmwares").then().statusCode(200)
                .body("firmwares.firmwareId", org.hamcrest.Matchers.contains("yourFirmwareId", "unverifiedFirmwareId"))
                .body("firmwares[1].enableVerification", equalTo(true))
                .body("firmwares[1].isVerified", equalTo(false))
                .body("firmwares[0].maxAllowedForVerification", equalTo(5));
        admin().get("/state").then().statusCode(200)
                .body("counts.firmwares", equalTo(2)).body("maxAllowedForVerification", equalTo(5));
    }

    @Test
    void anAddedFirmwareCanBeUsedAndItsLimitApplies() {
        admin().contentType(ContentType.JSON)
                .body(Json.write(Map.of("name", "bench", "version", "3.0", "maxAllowedForVerification", 2)))
                .put("/orgs/labOrg/firmwares/fw-3").then().statusCode(200)
                .body("orgId", equalTo("labOrg")).body("firmwareId", equalTo("fw-3"));

        RunningMock.api().body(Bodies.verification(3))
                .post(RunningMock.JOBS + "?action=create&orgId=labOrg&firmwareId=fw-3").then()
                .body("code", equalTo(24612)).body("msg", equalTo("Exceeded max verification deviceKeys, max[2]"));
    }

    @Test
    void aCompletedVerificationLetsTheUpgradeThrough() {
        String create = RunningMock.JOBS + "?action=create&orgId=yourOrgId&firmwareId=unverifiedFirmwareId";
        RunningMock.api().body(Bodies.upgrade()).post(create).then().body("code", equalTo(24610));
        String verification = RunningMock.api().body(Bodies.verification(2)).post(create).then()
                .body("code", equalTo(0)).extract().path("data.jobId");

        admin().post("/orgs/yourOrgId/jobs/" + verification + "/complete-verification").then().statusCode(200)
                .body("firmware.isVerified", equalTo(true));

        RunningMock.api().body(Bodies.upgrade()).post(create).then().body("code", equalTo(0));
        admin().get("/orgs/yourOrgId/jobs").then().body("jobs", hasSize(2))
                .body("jobs.type", org.hamcrest.Matchers.contains("verify", "upgrade"));
    }

    @Test
    void completingAnUnknownJobIs404AndAnUpgradeJobIs409() {
        admin().post("/orgs/yourOrgId/jobs/5ee1a91029b990001b9c188e/complete-verification").then()
                .statusCode(404).body("error", equalTo("Job not found"));
        String upgrade = RunningMock.api().body(Bodies.upgrade())
                .post(RunningMock.JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId").then()
                .extract().path("data.jobId");

        admin().post("/orgs/yourOrgId/jobs/" + upgrade + "/complete-verification").then()
                .statusCode(409).body("error", containsString("upgrade job"));
    }

    @Test
    void badFirmwareBodiesAre400AndNameTheProblem() {
        admin().contentType(ContentType.JSON).body("{\"name\":\"n\",\"version\":\"1\",\"enableVerfication\":true}")
                .put("/orgs/o/firmwares/f").then().statusCode(400).body("error", containsString("enableVerfication"));
        admin().contentType(ContentType.JSON).body("{\"name\":\"n\",\"version\":\"1\",\"maxAllowedForVerification\":0}")
                .put("/orgs/o/firmwares/f").then().statusCode(400)
                .body("error", containsString("maxAllowedForVerification must be at least 1"));
        admin().contentType(ContentType.JSON).body("{\"name\":\"n\"}")
                .put("/orgs/o/firmwares/f").then().statusCode(400)
                .body("error", containsString("version is required"));
        admin().contentType(ContentType.JSON).body("{\"name\":12,\"version\":\"1\"}")
                .put("/orgs/o/firmwares/f").then().statusCode(400)
                .body("error", containsString("field 'name' has the wrong type"));
        admin().contentType(ContentType.JSON).body("[1]")
                .put("/orgs/o/firmwares/f").then().statusCode(400).body("error", containsString("JSON object"));
        admin().contentType(ContentType.JSON).body("{")
                .put("/orgs/o/firmwares/f").then().statusCode(400).body("error", containsString("well-formed"));
        admin().get("/orgs/o/firmwares").then().body("firmwares", hasSize(0));
    }

    @Test
    void pathIdsArePercentDecodedLikeTheApisQueryParameters() {
        admin().urlEncodingEnabled(false).contentType(ContentType.JSON).body("{\"name\":\"n\",\"version\":\"1\"}")
                .put("/orgs/lab%20org/firmwares/fw%C3%A9").then().statusCode(200)
                .body("orgId", equalTo("lab org")).body("firmwareId", equalTo("fw\u00e9"));

        RunningMock.api().queryParam("action", "create").queryParam("orgId", "lab org")
                .queryParam("firmwareId", "fw\u00e9").body(Bodies.upgrade()).post(RunningMock.JOBS)
                .then().body("code", equalTo(0));
    }

    @Test
    void firmwareErrorsNameTheFieldWithoutJavaNames() {
        admin().contentType(ContentType.JSON).body("{\"name\":\"n\",\"version\":[]}").put("/orgs/o/firmwares/f").then()
                .statusCode(400).body("error", containsString("field 'version' has the wrong type"))
                .body("error", org.hamcrest.Matchers.not(containsString("java.")));
        admin().contentType(ContentType.JSON).body("{\"name\":\"n\",\"version\":\"1\",\"maxAllowedForVerification\":2.5}")
                .put("/orgs/o/firmwares/f").then().statusCode(400)
                .body("error", containsString("maxAllowedForVerification"));
        admin().contentType(ContentType.JSON).body("{\"name\":\"n\",\"version\":\"1\",\"bogus\":1}").put("/orgs/o/firmwares/f").then()
                .statusCode(400).body("error", containsString("unknown field 'bogus'"))
                .body("error", org.hamcrest.Matchers.not(containsString("io.enoskit")));
    }

    @Test
    void resetDropsJobsAndAddedFirmware() {
        RunningMock.api().body(Bodies.upgrade())
                .post(RunningMock.JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId").then()
                .body("code", equalTo(0));
        admin().contentType(ContentType.JSON).body("{\"name\":\"n\",\"version\":\"1\"}").put("/orgs/o/firmwares/f").then()
                .statusCode(200);

        admin().post("/reset").then().statusCode(200).body("counts.jobs", equalTo(0))
                .body("counts.firmwares", equalTo(2));
    }
}
