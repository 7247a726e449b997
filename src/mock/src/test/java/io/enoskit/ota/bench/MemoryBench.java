package io.enoskit.ota.bench;

import io.enoskit.ota.contract.Json;
import io.enoskit.ota.domain.DefaultState;
import io.enoskit.ota.domain.Firmware;
import io.enoskit.ota.domain.JobIdGenerator;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
import io.enoskit.ota.model.CreateOtaJobRequest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Memory figures of the mock (run by {@code bench/run.sh}, not a test):
 * <ol>
 *   <li>heap per stored job: N jobs from the vendor sample, decoded one by one as the mock does, spread over
 *       100 orgs, stored in the store; used heap after a full GC, before and after, divided by N (bytes);</li>
 *   <li>memory under a stream of requests: the mock in-process on loopback with its default options, M requests
 *       that do not store anything (Get OTA Job, and creates answered 24404), used heap after GC sampled five
 *       times; flat means the request journal is bounded.</li>
 * </ol>
 * Usage: {@code MemoryBench <jobs> <requests>}.
 */
public final class MemoryBench {
    private static final int ORGS = 100;

    private MemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        int jobs = Integer.parseInt(args[0]);
        int requests = Integer.parseInt(args[1]);
        String sample;
        try (InputStream in = MemoryBench.class.getResourceAsStream("/io/enoskit/ota/spec/examples/vendor-request-sample.json")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        heapPerJob(jobs, sample);
        streamIsFlat(requests, sample);
    }

    private static void heapPerJob(int jobs, String sample) throws Exception {
        List<Firmware> firmwares = new ArrayList<>();
        for (int org = 0; org < ORGS; org++) {
            firmwares.add(new Firmware("org-" + org, "yourFirmwareId", "fw", "1.1", false, false, null));
        }
        OtaStore store = new OtaStore(new DefaultState(5, firmwares), new JobIdGenerator(), Clock.systemUTC(), jobs);
        long before = usedAfterGc();
        for (int i = 0; i < jobs; i++) {
            CreateOtaJobRequest request = Json.mapper().readValue(sample, CreateOtaJobRequest.class);
            store.createJob("org-" + (i % ORGS), "yourFirmwareId", request);
        }
        long after = usedAfterGc();
        System.out.printf("heap per stored job: %d bytes (%d jobs over %d orgs, %.1f MiB in all)%n",
                (after - before) / jobs, store.counts().get("jobs"), ORGS, (after - before) / 1048576.0);
    }

    private static void streamIsFlat(int requests, String sample) throws Exception {
        try (OtaMockServer mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort())) {
            HttpClient client = HttpClient.newHttpClient();
            String base = mock.baseUrl() + "/connect-service/v2.1/ota-jobs";
            String created = client.send(post(base + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId",
                    sample), HttpResponse.BodyHandlers.ofString()).body();
            String jobId = Json.mapper().readTree(created).path("data").path("jobId").asText();
            HttpRequest get = HttpRequest.newBuilder(URI.create(base + "?action=get&orgId=yourOrgId&jobId=" + jobId))
                    .build();
            HttpRequest missing = post(base + "?action=create&orgId=yourOrgId&firmwareId=noSuchFirmware", sample);
            List<String> samples = new ArrayList<>();
            int step = Math.max(1, requests / 5);
            for (int i = 1; i <= requests; i++) {
                client.send(i % 2 == 0 ? get : missing, HttpResponse.BodyHandlers.discarding());
                if (i % step == 0) {
                    samples.add(String.format("%.1f", usedAfterGc() / 1048576.0));
                }
            }
            System.out.printf("used heap (MiB, after GC) every %d of %d requests that store nothing: %s%n",
                    step, requests, String.join(" → ", samples));
        }
    }

    private static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
