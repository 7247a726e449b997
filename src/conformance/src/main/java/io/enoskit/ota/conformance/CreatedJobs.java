package io.enoskit.ota.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.Operation;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every job a conformance run created on a target other than the in-process mock, and their removal at the end of
 * the run (Stop OTA Job, where 24616 "Job has stopped" is fine, then Delete OTA Job), and of every firmware it uploaded
 * (Delete Firmware, once the jobs are gone), so that a run against a real gateway leaves nothing behind, or says what
 * it left. Thread-safe; one per run.
 */
final class CreatedJobs {
    private static final String JOB = "job";
    private static final String FIRMWARE = "firmware";
    private final ConformanceRun run;
    private final Map<String, String> created = new LinkedHashMap<>();
    private final Map<String, String> uploaded = new LinkedHashMap<>();
    private final List<String> removed = new ArrayList<>();
    private final List<String> notRemoved = new ArrayList<>();

    CreatedJobs(ConformanceRun run) {
        this.run = run;
    }

    /** A job the target created in an organization (nothing is recorded for the in-process mock). */
    synchronized void record(String orgId, String jobId) {
        keep(created, orgId, jobId);
    }

    /** A job a scenario deleted itself. */
    synchronized void deleted(String jobId) {
        forget(created, JOB, jobId);
    }

    /** A firmware the target created in an organization (nothing is recorded for the in-process mock). */
    synchronized void recordFirmware(String orgId, String firmwareId) {
        keep(uploaded, orgId, firmwareId);
    }

    /** A firmware a scenario deleted itself. */
    synchronized void deletedFirmware(String firmwareId) {
        forget(uploaded, FIRMWARE, firmwareId);
    }

    /** Records an id against its org; the in-process mock's are not, since the mock is reset with the run. */
    private void keep(Map<String, String> ids, String orgId, String id) {
        if (!run.target().isMock() && id != null && !id.isBlank()) {
            ids.put(id, orgId);
        }
    }

    /** Moves an id its scenario deleted to the removed ones. */
    private void forget(Map<String, String> ids, String kind, String id) {
        String orgId = ids.remove(id);
        if (orgId != null) {
            removed.add(describe(orgId, kind, id) + " (deleted by its scenario)");
        }
    }

    /** Stops and deletes every job recorded and not yet removed, then deletes every firmware uploaded. */
    synchronized void removeAll() {
        removeJobs();
        uploaded.forEach((firmwareId, orgId) -> {
            try {
                String delete = deleteFirmware(orgId, firmwareId);
                (delete.equals("0") || delete.equals("24404") ? removed : notRemoved)
                        .add(describe(orgId, FIRMWARE, firmwareId) + (delete.equals("0") || delete.equals("24404")
                                ? "" : ": delete answered " + delete));
            } catch (RuntimeException failure) {
                notRemoved.add(describe(orgId, FIRMWARE, firmwareId) + ": " + failure.getMessage());
            }
        });
        uploaded.clear();
    }

    private String deleteFirmware(String orgId, String firmwareId) {
        Response response = run.authenticated(run.given())
                .queryParam("action", "delete").queryParam("orgId", orgId).queryParam("firmwareId", firmwareId)
                .post(Operation.FIRMWARES);
        return code(response);
    }

    private void removeJobs() {
        created.forEach((jobId, orgId) -> {
            try {
                String stop = act("stop", orgId, jobId);
                String delete = act("delete", orgId, jobId);
                if ((stop.equals("0") || stop.equals("24616")) && (delete.equals("0") || delete.equals("24404"))) {
                    removed.add(describe(orgId, JOB, jobId));
                } else {
                    notRemoved.add(describe(orgId, JOB, jobId) + ": stop answered " + stop + ", delete answered "
                            + delete);
                }
            } catch (RuntimeException failure) {
                notRemoved.add(describe(orgId, JOB, jobId) + ": " + failure.getMessage());
            }
        });
        created.clear();
    }

    private String act(String action, String orgId, String jobId) {
        Response response = run.authenticated(run.given())
                .queryParam("action", action).queryParam("orgId", orgId).queryParam("jobId", jobId)
                .post(ConformanceWorld.JOBS);
        return code(response);
    }

    /** The envelope's code, or what came instead. */
    private static String code(Response response) {
        try {
            JsonNode body = Json.mapper().readTree(response.asString());
            return body.path("code").asText("HTTP " + response.statusCode());
        } catch (JsonProcessingException e) {
            return "HTTP " + response.statusCode() + " without an envelope";
        }
    }

    /** How the lists name a job or firmware: {@code https://target org o1 job j1}. */
    private String describe(String orgId, String kind, String id) {
        return run.target().baseUrl() + " org " + orgId + " " + kind + " " + id;
    }

    synchronized List<String> removed() {
        return List.copyOf(removed);
    }

    synchronized List<String> notRemoved() {
        List<String> left = new ArrayList<>(notRemoved);
        created.forEach((jobId, orgId) -> left.add(describe(orgId, JOB, jobId)
                + ": not removed (the run ended early)"));
        uploaded.forEach((firmwareId, orgId) -> left.add(describe(orgId, FIRMWARE, firmwareId)
                + ": not removed (the run ended early)"));
        return left;
    }
}
