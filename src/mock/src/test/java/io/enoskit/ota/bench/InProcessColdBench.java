package io.enoskit.ota.bench;

import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
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
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Cold start of the mock inside a JVM that has already run one (run by {@code bench/run.sh}, not a test), as in a
 * JUnit suite where each test class starts a mock of its own: the program first starts a mock, sends it
 * {@value #WARM_UP_REQUESTS} creates and stops it (the JVM's classes are then loaded, the client warm), then R
 * times: the milliseconds from calling {@code OtaMockServer.start(MockOptions.mockOptions().dynamicPort())} to the
 * first create answered HTTP 200 with code 0, and how much of that {@code start} itself took.
 * Usage: {@code InProcessColdBench <repetitions>}; prints one line per start and a summary line
 * {@code INPROC first_create_median_ms=.. start_median_ms=.. cold_jvm_first_create_ms=.. repetitions=..}.
 */
public final class InProcessColdBench {
    static final int WARM_UP_REQUESTS = 100;
    private static final String CREATE = "/connect-service/v2.1/ota-jobs?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId";

    private InProcessColdBench() {
    }

    public static void main(String[] args) throws Exception {
        int repetitions = Integer.parseInt(args[0]);
        String sample;
        try (InputStream in = InProcessColdBench.class.getResourceAsStream("/io/enoskit/ota/spec/examples/vendor-request-sample.json")) {
            sample = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();

        long coldJvm;
        long started = System.nanoTime();
        try (OtaMockServer mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort())) {
            coldJvm = firstAnsweredCreate(client, mock, sample, started);
            for (int i = 1; i < WARM_UP_REQUESTS; i++) {
                firstAnsweredCreate(client, mock, sample, System.nanoTime());
            }
        }
        System.out.printf(Locale.ROOT, "warm-up: first start in this JVM, first answered create after %.1f ms; then %d"
                + " creates; stopped%n", coldJvm / 1e6, WARM_UP_REQUESTS - 1);

        List<Long> firstCreate = new ArrayList<>();
        List<Long> startOnly = new ArrayList<>();
        for (int i = 1; i <= repetitions; i++) {
            long t0 = System.nanoTime();
            try (OtaMockServer mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort())) {
                long returned = System.nanoTime() - t0;
                long answered = firstAnsweredCreate(client, mock, sample, t0);
                startOnly.add(returned);
                firstCreate.add(answered);
                System.out.printf(Locale.ROOT, "start %d: start() returned after %.1f ms, first answered create after"
                        + " %.1f ms%n", i, returned / 1e6, answered / 1e6);
            }
        }
        System.out.printf(Locale.ROOT, "INPROC first_create_median_ms=%.1f start_median_ms=%.1f cold_jvm_first_create_ms=%.1f"
                        + " repetitions=%d first_create_ms=%s%n", median(firstCreate) / 1e6, median(startOnly) / 1e6,
                coldJvm / 1e6, repetitions,
                firstCreate.stream().map(n -> String.format(Locale.ROOT, "%.1f", n / 1e6)).collect(Collectors.joining(",")));
    }

    /** Sends the create until it is answered 200 with code 0; the nanoseconds from {@code since} to that answer. */
    private static long firstAnsweredCreate(HttpClient client, OtaMockServer mock, String sample, long since)
            throws Exception {
        HttpRequest create = HttpRequest.newBuilder(URI.create(mock.baseUrl() + CREATE))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(sample)).build();
        long deadline = since + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                HttpResponse<String> response = client.send(create, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"code\":0")) {
                    return System.nanoTime() - since;
                }
            } catch (IOException e) {
                // not answering yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no create answered with code 0 within 60 s at " + mock.baseUrl());
            }
            Thread.sleep(5);
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().collect(Collectors.toList());
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
