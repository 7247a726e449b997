package io.enoskit.ota.mock;

import static io.enoskit.ota.mock.RunningMock.JOBS;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stub mapping serves the one operation its {@code transformerParameters} name: a request of another operation
 * that its pattern lets in is answered as an operation no mapping serves (HTTP 404, 99404), and served by nobody.
 */
class MappingOperationHttpTest {
    @TempDir
    Path root;

    @Test
    void aStopThatReachesTheMappingOfStartIs99404AndLeavesTheJobStarted() throws IOException {
        StartupChecksTest.copyOfTheKitsRoot(root);
        // only requests with the header reach it, so the start-up check's probe of stop does not
        Files.writeString(root.resolve("mappings/stop-as-start.json"), """
                {"name": "Stop with X-Route: start", "priority": 1,
                 "request": {"method": "ANY", "urlPath": "/connect-service/v2.1/ota-jobs",
                             "queryParameters": {"action": {"equalTo": "stop"}},
                             "headers": {"X-Route": {"equalTo": "start"}}},
                 "response": {"transformers": ["enos-ota"], "transformerParameters": {"operation": "start-job"}}}
                """);
        try (OtaMockServer mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort()
                .rootDir(root.toString()))) {
            String jobId = call(mock, "create").queryParam("firmwareId", "yourFirmwareId").body(Bodies.upgrade()).post(JOBS).then().statusCode(200)
                    .body("code", equalTo(0)).extract().path("data.jobId");
            call(mock, "start").queryParam("jobId", jobId).post(JOBS).then().statusCode(200)
                    .body("code", equalTo(0));

            call(mock, "stop").queryParam("jobId", jobId).header("X-Route", "start").post(JOBS).then()
                    .statusCode(404).body("code", equalTo(99404))
                    .body("msg", containsString("no stub mapping of the root dir serves stop-job; the stub mapping"
                            + " 'Stop with X-Route: start' that took it serves start-job"));

            call(mock, "get").queryParam("jobId", jobId).get(JOBS).then().body("data.status", equalTo("started"));
            call(mock, "stop").queryParam("jobId", jobId).post(JOBS).then().body("code", equalTo(0));
            call(mock, "get").queryParam("jobId", jobId).get(JOBS).then().body("data.status", equalTo("stopped"));
        }
    }

    private static RequestSpecification call(OtaMockServer mock, String action) {
        return RestAssured.given().baseUri(mock.baseUrl()).contentType(ContentType.JSON)
                .queryParam("action", action).queryParam("orgId", "yourOrgId");
    }
}
