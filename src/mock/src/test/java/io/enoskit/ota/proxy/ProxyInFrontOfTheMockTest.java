package io.enoskit.ota.proxy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.enoskit.ota.contract.Json;
import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy in front of the kit's own mock: a session through every kind of answer (success, documented errors,
 * 99400) finds nothing, since the mock keeps the documented rules and shapes; the exchanges are counted per operation.
 */
class ProxyInFrontOfTheMockTest {
    private static final String JOBS = "/connect-service/v2.1/ota-jobs";
    private static final String ORG = "yourOrgId";

    @TempDir
    Path reports;

    @Test
    void aCleanSessionThroughTheProxyHasNoFinding() {
        try (OtaMockServer mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort());
             ValidatingProxy proxy = ValidatingProxy.start(ProxyOptions.proxyOptions().dynamicPort()
                     .target(mock.baseUrl()).reportDir(reports))) {
            String jobId = api(proxy).queryParams(Map.of("action", "create", "orgId", ORG, "firmwareId",
                            "yourFirmwareId")).body(Json.write(upgradeJob())).post(JOBS)
                    .then().statusCode(200).body("code", equalTo(0)).extract().path("data.jobId");
            api(proxy).queryParams(Map.of("action", "get", "orgId", ORG, "jobId", jobId)).get(JOBS)
                    .then().body("code", equalTo(0));
            api(proxy).queryParams(Map.of("action", "get", "orgId", ORG, "jobId", "no-such-job")).get(JOBS)
                    .then().body("code", equalTo(24404));
            api(proxy).queryParams(Map.of("action", "start", "orgId", ORG, "jobId", jobId)).post(JOBS)
                    .then().body("code", equalTo(0));
            api(proxy).queryParams(Map.of("action", "start", "orgId", ORG, "jobId", jobId)).post(JOBS)
                    .then().body("code", equalTo(24615));
            api(proxy).queryParams(Map.of("action", "stop", "orgId", ORG, "jobId", jobId)).post(JOBS)
                    .then().body("code", equalTo(0));
            api(proxy).queryParams(Map.of("action", "search", "orgId", ORG)).body("{}").post(JOBS)
                    .then().body("code", equalTo(0));
            api(proxy).queryParams(Map.of("action", "create", "orgId", ORG, "firmwareId", "no-such-firmware"))
                    .body(Json.write(upgradeJob())).post(JOBS).then().body("code", equalTo(24404));
            api(proxy).queryParams(Map.of("action", "create", "orgId", ORG)).body(Json.write(upgradeJob()))
                    .post(JOBS).then().body("code", equalTo(99400));

            DriftReport report = proxy.report();

            assertThat(report.findings()).as("findings on the kit's own mock").isEmpty();
            assertThat(report.byOperation()).as("exchanges per operation").isNotNull();
            assertThat(report.exchanges()).as(report.byOperation().toString()).isEqualTo(9);
            assertThat(report.byOperation()).containsEntry("create-job", 3L).containsEntry("get-job", 2L)
                    .containsEntry("start-job", 2L).containsEntry("stop-job", 1L).containsEntry("search-jobs", 1L);
        }
    }

    static RequestSpecification api(ValidatingProxy proxy) {
        return given().baseUri(proxy.baseUrl()).contentType(ContentType.JSON);
    }

    /** The vendor page's request sample, as the mock's README shows it. */
    static Map<String, Object> upgradeJob() {
        return Map.of("type", "upgrade", "upgradePolicy", "snapshot", "enableUpgradeRequest", true,
                "upgradeScope", Map.of("type", "partial", "deviceKeys", List.of("deviceKey1")));
    }
}
