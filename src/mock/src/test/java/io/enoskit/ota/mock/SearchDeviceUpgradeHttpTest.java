package io.enoskit.ota.mock;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.enoskit.ota.contract.Operation;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Search Device Upgrade over HTTP on the default state, every exchange checked against {@code ota-device-upgrade.yaml}:
 * the expression fields, pagination, {@code isUpgrading} while a task runs and the new version once it succeeded,
 * and 99400 for an expression that cannot be read.
 */
class SearchDeviceUpgradeHttpTest {
    private static final String ORG = "yourOrgId";
    private static final String SEARCH = "/connect-service/v2.1/ota-firmwares?action=searchDeviceUpgrade&orgId=" + ORG;

    private static ValidatableResponse search(OtaMockServer mock, Map<String, Object> body) {
        return RestAssured.given().baseUri(mock.baseUrl()).contentType(ContentType.JSON)
                .filter(FailOnSpecBreach.strict(Operation.SEARCH_DEVICE_UPGRADE)).body(body).post(SEARCH)
                .then().statusCode(200);
    }

    private static OtaMockServer start() {
        return OtaMockServer.start(MockOptions.mockOptions().dynamicPort().frozenClock(true));
    }

    @Test
    void answersTheDevicesThatMatchWithTheirVersionPaged() {
        try (OtaMockServer mock = start()) {
            search(mock, Map.of("expression", "firmwareVersion = '0.9'")).body("code", equalTo(0))
                    .body("data", hasSize(1)).body("data[0].deviceKey", equalTo("deviceKey5"))
                    .body("data[0].assetId", equalTo("yourAssetId5")).body("data[0].orgId", equalTo(ORG))
                    .body("data[0].productKey", equalTo("yourProductKey"))
                    .body("data[0].firmwareVersion", equalTo("0.9")).body("data[0].isUpgrading", equalTo(false))
                    .body("pagination.totalSize", equalTo(1));
            search(mock, Map.of("expression", "productKey in ('yourProductKey') and firmwareVersion = '1.0'",
                    "pagination", Map.of("pageNo", 2, "pageSize", 3)))
                    .body("data.deviceKey", equalTo(List.of("deviceKey4")))
                    .body("pagination.pageNo", equalTo(2)).body("pagination.totalSize", equalTo(4));
            search(mock, Map.of()).body("data", hasSize(5)).body("pagination.pageSize", equalTo(10));
        }
    }

    @Test
    void aDeviceIsUpgradingWhileItsTaskRunsAndThenRunsTheJobsVersion() {
        try (OtaMockServer mock = start()) {
            String jobId = RestAssured.given().baseUri(mock.baseUrl()).contentType(ContentType.JSON)
                    .body(Map.of("type", "upgrade", "upgradePolicy", "snapshot", "enableUpgradeRequest", true,
                            "upgradeScope", Map.of("type", "partial", "deviceKeys", List.of("deviceKey1"))))
                    .post("/connect-service/v2.1/ota-jobs?action=create&orgId=" + ORG + "&firmwareId=yourFirmwareId")
                    .then().body("code", equalTo(0)).extract().path("data.jobId");
            mock.startJob(ORG, jobId);
            mock.advanceClock(Duration.ofSeconds(6));
            search(mock, Map.of("expression", "isUpgrading = true")).body("data.deviceKey",
                    equalTo(List.of("deviceKey1"))).body("data[0].firmwareVersion", equalTo("1.0"));
            mock.advanceClock(Duration.ofSeconds(60));
            search(mock, Map.of("expression", "firmwareVersion = '1.1'")).body("data.deviceKey",
                    equalTo(List.of("deviceKey1"))).body("data[0].isUpgrading", equalTo(false));
            search(mock, Map.of("expression", "isUpgrading = True")).body("data", hasSize(0));
        }
    }

    @Test
    void anExpressionThatCannotBeReadIs99400NamingIt() {
        try (OtaMockServer mock = start()) {
            search(mock, Map.of("expression", "status = 'init'")).body("code", equalTo(99400))
                    .body("msg", startsWith("Invalid Argument expression:")).body("msg", containsString("status"));
            search(mock, Map.of("expression", "firmwareVersion like '1%'")).body("code", equalTo(99400))
                    .body("msg", containsString("firmwareVersion"));
        }
    }
}
