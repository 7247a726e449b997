package com.example.sdk;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.enoskit.ota.junit5.OtaMockExtension;
import io.enoskit.ota.mock.FaultRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OtaJobsTest {
    @RegisterExtension   // a test whose client sends a request the contract refuses (99400, 99404) fails
    static OtaMockExtension mock = OtaMockExtension.newInstance().failOnContractViolations().build();

    static final String CREATE = "/connect-service/v2.1/ota-jobs?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId";
    static final String BODY = """
            {"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,
             "upgradeScope":{"type":"partial","deviceKeys":["deviceKey1"]}}""";

    HttpResponse<String> create() throws Exception {   // stands for your SDK's call
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + CREATE))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void createsAJobThatRunsToTheEnd() throws Exception {
        String jobId = create().body().replaceAll(".*\"jobId\":\"(\\w+)\".*", "$1");
        mock.server().startJob("yourOrgId", jobId);

        mock.advanceClock(Duration.ofMinutes(1));             // the device tasks run; nobody sleeps

        assertEquals("succeeded", mock.tasks("yourOrgId", jobId).get(0).getStatus().getValue());
        mock.wireMock().verify(1, postRequestedFor(urlPathEqualTo("/connect-service/v2.1/ota-jobs"))
                .withQueryParam("action", equalTo("create")));
    }

    @Test
    void aThrottledCallIsAnsweredWith429() throws Exception {
        mock.faults().add(FaultRule.on("create-job").fail(FaultRule.Fault.HTTP_429).nextCalls(1));

        assertEquals(429, create().statusCode());              // your client retries ...
        assertEquals(200, create().statusCode());              // ... and the next call goes through
        assertEquals(1, mock.jobs("yourOrgId").size());        // each test starts from the default state
    }
}
