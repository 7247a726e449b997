package io.enoskit.ota.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.contract.Json;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Every job a conformance run created on a target other than the in-process mock, and their removal at the end of
 * the run (Stop OTA Job, where "Job has stopped" 24616 is fine, then Delete OTA Job), so that a run against a real
 * gateway leaves nothing behind, or says what it left. Thread-safe.
 */
final class CreatedJobs {
    /** A job the run created. */
    record Created(TargetConfig target, String baseUrl, String jobId) {
        @Override
        public String toString() {
            return baseUrl + " org " + target.orgId() + " job " + jobId;
        }
    }

    private static final List<Created> CREATED = new ArrayList<>();
    private static final List<String> REMOVED = new ArrayList<>();
    private static final List<String> NOT_REMOVED = new ArrayList<>();

    private CreatedJobs() {
    }

    static void record(TargetConfig target, String baseUrl, String jobId) {
        if (target.isMock() || jobId == null || jobId.isBlank()) {
            return;
        }
        synchronized (CREATED) {
            CREATED.add(new Created(target, baseUrl, jobId));
        }
    }

    /** Forgets what earlier runs in this JVM created. */
    static void clear() {
        synchronized (CREATED) {
            CREATED.clear();
            REMOVED.clear();
            NOT_REMOVED.clear();
        }
    }

    /** Stops and deletes every job recorded and not yet removed. */
    static void removeAll() {
        synchronized (CREATED) {
            for (Created job : CREATED) {
                try {
                    String stop = act(job, "stop");
                    String delete = act(job, "delete");
                    if ((stop.equals("0") || stop.equals("24616")) && delete.equals("0")) {
                        REMOVED.add(job.toString());
                    } else {
                        NOT_REMOVED.add(job + ": stop answered " + stop + ", delete answered " + delete);
                    }
                } catch (RuntimeException failure) {
                    NOT_REMOVED.add(job + ": " + failure.getMessage());
                }
            }
            CREATED.clear();
        }
    }

    private static String act(Created job, String action) {
        Response response = ConformanceWorld.authenticate(RestAssured.given().baseUri(job.baseUrl()), job.target(),
                        job.baseUrl())
                .queryParam("action", action).queryParam("orgId", job.target().orgId())
                .queryParam("jobId", job.jobId())
                .post(ConformanceWorld.JOBS);
        try {
            JsonNode body = Json.mapper().readTree(response.asString());
            return body.path("code").asText("HTTP " + response.statusCode());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "HTTP " + response.statusCode() + " without an envelope";
        }
    }

    static List<String> removed() {
        synchronized (CREATED) {
            return List.copyOf(REMOVED);
        }
    }

    static List<String> notRemoved() {
        synchronized (CREATED) {
            List<String> left = new ArrayList<>(NOT_REMOVED);
            CREATED.forEach(job -> left.add(job + ": not removed (the run ended before the clean-up)"));
            return left;
        }
    }
}
