package com.example.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.enoskit.ota.junit5.OtaMockRuntimeInfo;
import io.enoskit.ota.junit5.OtaMockTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@OtaMockTest(enosVersion = "2.4", failOnContractViolations = true)
class DeclaredMockTest {
    static final String GET_JOB = "/connect-service/v2.1/ota-jobs?action=get&orgId=yourOrgId&jobId=";

    @Test
    void anUnknownJobIsABusinessErrorNotAContractViolation(OtaMockRuntimeInfo mock) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(mock.baseUrl() + GET_JOB + "000000000000000000000000")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertTrue(answer.body().contains("\"code\":24404"), answer.body());
        assertEquals(0, mock.server().jobs("yourOrgId").size());
    }
}
