package com.example.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.enoskit.ota.junit5.OtaMockExtension;
import io.enoskit.ota.mock.OtaMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What an SDK team writes: its client against the kit's mock, started by the JUnit 5 extension. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirmwareClientTest {
    @RegisterExtension
    static OtaMockExtension mock = OtaMockExtension.newInstance().build();

    private static final String CREATE = "/connect-service/v2.1/ota-jobs?action=create&orgId=yourOrgId"
            + "&firmwareId=yourFirmwareId";
    private static final String BODY = "{\"type\":\"upgrade\",\"upgradePolicy\":\"snapshot\","
            + "\"enableUpgradeRequest\":true,\"upgradeScope\":{\"type\":\"partial\",\"deviceKeys\":[\"deviceKey1\"]}}";

    @Test
    @Order(1)
    void theClientCreatesAJobAndTheMockSawTheRequest() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(mock.baseUrl() + CREATE))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, answer.statusCode());
        assertTrue(answer.body().contains("\"code\":0"), answer.body());
        assertEquals(1, mock.jobs("yourOrgId").size());
        mock.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/connect-service/v2.1/ota-jobs"))
                .withQueryParam("action", equalTo("create"))
                .withRequestBody(matchingJsonPath("$.upgradeScope.deviceKeys[0]", equalTo("deviceKey1"))));
    }

    @Test
    @Order(2)
    void eachTestStartsFromTheDefaultState(OtaMockServer server) {
        assertEquals(0, server.jobs("yourOrgId").size());
        assertEquals(0, server.wireMock().getAllServeEvents().size());
    }

    @Test
    @Order(3)
    void aStartedJobsTasksProgressWhenTheTestMovesTheClock() throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(mock.baseUrl() + CREATE))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
                HttpResponse.BodyHandlers.ofString());
        String jobId = created.body().replaceAll(".*\"jobId\":\"([0-9a-f]+)\".*", "$1");
        mock.server().startJob("yourOrgId", jobId);

        mock.advanceClock(java.time.Duration.ofMinutes(1));

        assertEquals("succeeded", mock.tasks("yourOrgId", jobId).get(0).getStatus().getValue());
    }
}
