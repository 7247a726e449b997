package io.enoskit.ota.bench;

import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
import io.enoskit.ota.model.TaskInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The API's speed while jobs run (run by {@code bench/run.sh}, not a test): creates per second from C client
 * threads on keep-alive connections, measured twice in the same run on one in-process mock, as a ratio:
 * <ol>
 *   <li>baseline: no job running;</li>
 *   <li>busy: J jobs of D devices each started, their tasks moving on a pace of P ms (every task published,
 *       upgrading, 25 %, 50 %, 75 %, succeeded within the window; {@code maximumConcurrency} D), the scheduler
 *       advancing them each second, and a search of one job's tasks every 100 ms, while the creates run.</li>
 * </ol>
 * Each window is W seconds after a warm-up of W seconds. It prints both rates, the ratio, and how many task steps the
 * busy window moved. Usage: {@code LifecycleBench <jobs> <devices> <clients> <windowSeconds>}.
 */
public final class LifecycleBench {
    private static final String ORG = "yourOrgId";

    private LifecycleBench() {
    }

    public static void main(String[] args) throws Exception {
        report(args);
        System.exit(0);
    }

    /** Runs the benchmark and prints its figures (the smoke test calls this on small counts). */
    static void report(String[] args) throws Exception {
        int jobs = Integer.parseInt(args[0]);
        int devices = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        int window = Integer.parseInt(args[3]);
        String sample;
        try (InputStream in = LifecycleBench.class.getResourceAsStream(
                "/io/enoskit/ota/spec/examples/vendor-request-sample.json")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long paceMs = Math.max(1, window * 1000L / 6);
        try (OtaMockServer mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort()
                .taskPace(Duration.ofMillis(paceMs)).maxJobs(1_000_000))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String create = mock.baseUrl() + "/connect-service/v2.1/ota-jobs?action=create&orgId=" + ORG
                    + "&firmwareId=yourFirmwareId";
            creates(http, create, sample, clients, window);
            double idle = creates(http, create, sample, clients, window);

            List<String> running = startJobs(http, mock, jobs, devices);
            AtomicBoolean searching = new AtomicBoolean(true);
            Thread searcher = new Thread(() -> searchEvery100Ms(http, mock.baseUrl(), running.get(0), searching));
            searcher.start();
            double busy = creates(http, create, sample, clients, window);
            searching.set(false);
            searcher.join();

            Map<String, Integer> statuses = new TreeMap<>();
            for (String jobId : running) {
                for (TaskInfo task : mock.tasks(ORG, jobId)) {
                    statuses.merge(task.getStatus().getValue(), 1, Integer::sum);
                }
            }
            System.out.printf("creates per second, %d clients, %d s windows (pace %d ms):%n", clients, window,
                    paceMs);
            System.out.printf("  no job running:                     %,.0f%n", idle);
            System.out.printf("  %d jobs x %d devices running:      %,.0f%n", jobs, devices, busy);
            System.out.printf("  ratio busy/idle:                    %.2f%n", busy / idle);
            System.out.printf("  tasks after the busy window: %s%n", statuses);
        }
    }

    private static List<String> startJobs(HttpClient http, OtaMockServer mock, int jobs, int devices)
            throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            StringBuilder keys = new StringBuilder();
            for (int d = 0; d < devices; d++) {
                keys.append(d == 0 ? "" : ",").append("\"bench-").append(j).append('-').append(d).append('"');
            }
            String body = "{\"type\":\"upgrade\",\"upgradePolicy\":\"snapshot\",\"enableUpgradeRequest\":true,"
                    + "\"maximumConcurrency\":" + devices + ",\"upgradeScope\":{\"type\":\"partial\",\"deviceKeys\":["
                    + keys + "]}}";
            String answer = http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl()
                                    + "/connect-service/v2.1/ota-jobs?action=create&orgId=" + ORG
                                    + "&firmwareId=yourFirmwareId"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String jobId = answer.replaceAll(".*\"jobId\":\"([0-9a-f]+)\".*", "$1");
            mock.startJob(ORG, jobId);
            ids.add(jobId);
        }
        return ids;
    }

    private static void searchEvery100Ms(HttpClient http, String base, String jobId, AtomicBoolean go) {
        while (go.get()) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(base + "/connect-service/v2.1/ota-jobs?action=searchTask"
                                + "&orgId=" + ORG)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"expression\":\"jobId = '" + jobId + "'\","
                                + "\"pagination\":{\"pageNo\":1,\"pageSize\":200}}")).build(),
                        HttpResponse.BodyHandlers.discarding());
                Thread.sleep(100);
            } catch (IOException | InterruptedException stop) {
                return;
            }
        }
    }

    /** Creates per second over the window, from {@code clients} threads each sending one create after another. */
    private static double creates(HttpClient http, String url, String body, int clients, int seconds)
            throws Exception {
        LongAdder done = new LongAdder();
        AtomicBoolean go = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        List<Future<?>> running = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            running.add(pool.submit(() -> {
                while (go.get()) {
                    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 200 || !answer.body().contains("\"code\":0")) {
                        throw new IllegalStateException("create failed: " + answer.statusCode() + " " + answer.body());
                    }
                    done.increment();
                }
                return null;
            }));
        }
        Thread.sleep(seconds * 1000L);
        go.set(false);
        for (Future<?> client : running) {
            client.get();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return done.sum() / elapsed;
    }
}
