package com.example.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A Failsafe test against the mock the plugin started: where it listens comes from the build. */
class OtaJobsIT {
    private static final String BASE_URL = System.getProperty("enos.ota.baseUrl");
    private static final String JOBS = "/connect-service/v2.1/ota-jobs";
    private static final String BODY = """
            {"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,
             "upgradeScope":{"type":"partial","deviceKeys":["deviceKey1"]}}""";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void createsAJobAndReadsItBack() throws Exception {
        assertTrue(BASE_URL.matches("http://127\\.0\\.0\\.1:[1-9][0-9]*"), BASE_URL);

        String created = send(HttpRequest.newBuilder(URI.create(BASE_URL + JOBS
                        + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY)));
        Matcher jobId = Pattern.compile("\"jobId\":\"([0-9a-f]{24})\"").matcher(created);
        assertTrue(created.contains("\"code\":0") && jobId.find(), created);

        String job = send(HttpRequest.newBuilder(URI.create(BASE_URL + JOBS + "?action=get&orgId=yourOrgId&jobId="
                + jobId.group(1))).GET());

        assertTrue(job.contains("\"code\":0"), job);
        assertTrue(job.contains("\"jobId\":\"" + jobId.group(1) + "\""), job);
        assertTrue(job.contains("\"firmwareId\":\"yourFirmwareId\""), job);
    }

    private String send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }
}
