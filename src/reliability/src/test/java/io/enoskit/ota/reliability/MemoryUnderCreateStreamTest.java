package io.enoskit.ota.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import net.jqwik.api.Arbitrary;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Part 3: memory under a stream of creates. The fat jar runs as {@code java -Xmx128m -jar enos-ota-kit.jar mock
 * --port 0}, with {@code --max-jobs} only when its {@code mock --help} lists that option. Four clients stream valid
 * creates for 10 s (short mode) or 3 minutes (full mode, or {@code -Dreliability.streamSeconds=N}); resident memory
 * (/proc/PID/status VmRSS), used heap after a full GC (jcmd GC.run, then GC.heap_info, the stream holding still
 * meanwhile) and the job count (admin state) are sampled on the way. The process must keep answering: no 5xx, no request left unanswered for 10 s, and afterwards a
 * create and the admin state answer. With a job cap, the used heap after GC must stay flat once the cap is reached;
 * without one the figures are only recorded. Figures go to {@code target/reliability/memory.txt}.
 *
 * <p>Before the stream, a sample of the generated hostile requests is sent to the jar too (the shaded jar is what
 * users run), each checked against the invariants of {@link Invariants}.
 */
class MemoryUnderCreateStreamTest {
    private static final String REPORT = "memory.txt";
    private static final int CLIENTS = 4;
    /** Flat: the used heap after GC may grow by this much between the cap being reached and the end. */
    private static final long FLAT_KIB = 16 * 1024;

    record Sample(long second, long rssKib, long heapKib, long jobs, long creates) {
    }

    @Test
    void theMockKeepsAnsweringUnderAStreamOfCreates() throws Exception {
        String help = KitProcess.mockHelp();
        boolean capOption = help.contains("--max-jobs");
        int cap = Mode.full() ? 50_000 : 1_000;
        List<String> options = capOption ? List.of("--max-jobs=" + cap) : List.of();
        Duration duration = Mode.streamDuration();
        try (KitProcess kit = KitProcess.start(List.of("-Xmx128m"), options)) {
            int port = kit.port();
            List<String> hostileFailures = hostileSample(port);

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            HttpRequest create = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + Api.create(Api.ORG, Api.FIRMWARE))).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(BodyPublishers.ofString(Api.VERIFY_BODY)).build();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicBoolean paused = new AtomicBoolean();
            AtomicInteger inFlight = new AtomicInteger();
            LongAdder sent = new LongAdder();
            Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
            AtomicLong slowest = new AtomicLong();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Thread t = new Thread(() -> {
                    while (!stop.get()) {
                        if (paused.get()) {
                            // the sampler holds the stream still: send again once it lets go (or the stream ends)
                            await().forever().pollInSameThread().pollDelay(Duration.ZERO)
                                    .pollInterval(Duration.ofMillis(5)).until(() -> !paused.get() || stop.get());
                            continue;
                        }
                        inFlight.incrementAndGet();
                        long start = System.nanoTime();
                        String outcome;
                        try {
                            HttpResponse<String> r = http.send(create, BodyHandlers.ofString());
                            if (r.statusCode() >= 500) {
                                outcome = "HTTP " + r.statusCode();
                            } else {
                                long code = Api.parse(r.body()).path("code").asLong(-1);
                                outcome = "HTTP " + r.statusCode() + " code " + code;
                            }
                        } catch (HttpTimeoutException timeout) {
                            outcome = "no answer within 10 s";
                        } catch (Exception e) {
                            outcome = e.getClass().getSimpleName();
                        }
                        inFlight.decrementAndGet();
                        sent.increment();
                        outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                        slowest.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
                    }
                }, "create-stream-" + c);
                t.setDaemon(true);
                t.start();
                clients.add(t);
            }

            Client admin = new Client(port);
            List<Sample> samples = new ArrayList<>();
            long begin = System.nanoTime();
            long end = begin + duration.toNanos();
            // RSS and the job count often (cheap); the heap after a full GC less often, the stream holding still
            // meanwhile (a jcmd launch takes a second or two of the 2 cores)
            long every = Mode.full() ? 5 : 2;
            long heapEvery = Mode.full() ? 30 : Long.MAX_VALUE;
            long next = 0;
            long nextHeap = 0;
            Long capReachedAt = null;
            while (System.nanoTime() < end && kit.alive()) {
                long second = (System.nanoTime() - begin) / 1_000_000_000L;
                if (second >= next) {
                    boolean heap = second >= nextHeap;
                    if (heap) {
                        paused.set(true);
                        awaitNoneInFlight(inFlight);
                        nextHeap = second + heapEvery;
                    }
                    Sample s = sample(kit, admin, second, sent.sum(), heap);
                    paused.set(false);
                    samples.add(s);
                    if (capOption && capReachedAt == null && s.jobs() >= cap) {
                        capReachedAt = second;
                        if (!heap) { // the heap right when the cap is reached: the base of "flat"
                            paused.set(true);
                            awaitNoneInFlight(inFlight);
                            samples.add(sample(kit, admin, second, sent.sum(), true));
                            paused.set(false);
                        }
                    }
                    next = second + every;
                }
                // paces the sampler on purpose: a tick of 100 ms is fine enough for samples seconds apart and leaves
                // the 2 cores to the stream and the mock; there is no condition to wait for here
                Thread.sleep(100);
            }
            stop.set(true);
            for (Thread t : clients) {
                t.join(15_000);
            }
            long seconds = Math.max(1, (System.nanoTime() - begin) / 1_000_000_000L);
            Sample last = kit.alive() ? sample(kit, admin, seconds, sent.sum(), true) : null;
            if (last != null) {
                samples.add(last);
            }

            boolean alive = kit.alive();
            Client.Reply after = null;
            Client.Reply state = null;
            if (alive) {
                try {
                    after = admin.send("POST", Api.create(Api.ORG, Api.FIRMWARE), Api.VERIFY_BODY);
                    state = admin.send("GET", Api.ADMIN + "/state", null);
                } catch (RuntimeException e) {
                    // recorded below as no answer
                }
            }
            report(capOption, cap, duration, sent.sum(), seconds, outcomes, slowest.get(), samples, capReachedAt,
                    alive, after, state, kit);

            long bad = outcomes.entrySet().stream().filter(e -> !e.getKey().startsWith("HTTP 200") && !e.getKey()
                    .matches("HTTP 4\\d\\d.*")).mapToLong(e -> e.getValue().sum()).sum();
            assertThat(hostileFailures).as("invariants on the fat jar").isEmpty();
            assertThat(alive).as("the mock process is still running after the stream").isTrue();
            assertThat(bad).as("creates of the stream that got a 5xx, no answer within 10 s or a broken connection: %s",
                    outcomes).isZero();
            assertThat(after).as("a create after the stream answers").isNotNull();
            assertThat(after.status()).as("a create after the stream: %s", after.body()).isLessThan(500);
            after.json();
            assertThat(state.status()).as("the admin state after the stream").isEqualTo(200);
            if (capOption && capReachedAt != null) {
                final long reached = capReachedAt;
                Sample atCap = samples.stream().filter(s -> s.second() >= reached && s.heapKib() > 0).findFirst()
                        .orElse(null);
                Sample lastHeap = samples.stream().filter(s -> s.heapKib() > 0).reduce((a, b) -> b).orElse(null);
                assertThat(atCap).as("the used heap after GC, read with jcmd when the cap was reached").isNotNull();
                if (lastHeap != atCap) {
                    assertThat(lastHeap.heapKib() - atCap.heapKib())
                            .as("used heap after GC growth (KiB) from the cap being reached (%d s) to the end",
                                    reached).isLessThan(FLAT_KIB);
                }
            }
        }
    }

    /**
     * Waits up to 2 s for the creates in flight to come back, so that a heap sample sees the stream still. A create
     * slower than that is left in flight and the sample taken anyway: a slow answer is the stream's finding (its
     * slowest time, a timeout outcome), not this wait's.
     */
    private static void awaitNoneInFlight(AtomicInteger inFlight) {
        try {
            await().atMost(Duration.ofSeconds(2)).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(2)).until(() -> inFlight.get() == 0);
        } catch (ConditionTimeoutException stillInFlight) {
            // sampled with those creates in flight, as said above
        }
    }

    private static Sample sample(KitProcess kit, Client admin, long second, long creates, boolean heap) {
        long jobs = -1;
        try {
            jobs = admin.send("GET", Api.ADMIN + "/state", null).json().path("counts").path("jobs").asLong(-1);
        } catch (RuntimeException | AssertionError e) {
            // no count this time
        }
        return new Sample(second, kit.rssKib(), heap ? kit.usedHeapKib(true) : -1, jobs, creates);
    }

    /** A sample of the broad generators' requests against the jar, each checked like the properties do. */
    private static List<String> hostileSample(int port) {
        int each = Mode.full() ? 100 : 8;
        Tally tally = new Tally();
        List<String> failures = new ArrayList<>();
        List<Arbitrary<HostileRequest>> generators = List.of(CreateRequests.specDrivenBodies(),
                CreateRequests.textCorruptions(), CreateRequests.headerVariants(),
                OtherRequests.queryStrings(() -> "feedface0000000000000000"),
                OtherRequests.methods(() -> "feedface0000000000000000"), OtherRequests.tokenService(),
                OtherRequests.adminRoutes(() -> "feedface0000000000000000"), RawRequests.framing(),
                RawRequests.randomBytes(), OtherRequests.multipartWithoutBoundary(() -> "feedface0000000000000000"),
                CreateRequests.encodedBodies(), RawRequests.requestLineCase(), OtherRequests.adminNotFound(),
                RawRequests.http2Preface());
        for (Arbitrary<HostileRequest> g : generators) {
            g.sampleStream().limit(each).forEach(r -> {
                try {
                    Invariants.sendAndCheck(port, r, tally);
                } catch (AssertionError e) {
                    failures.add(e.getMessage());
                }
            });
        }
        Tally.report(REPORT, "hostile requests sent to the fat jar before the stream: " + tally.total() + ", invariant"
                + " failures: " + failures.size() + "\n" + tally.table());
        return failures;
    }

    private static void report(boolean capOption, int cap, Duration duration, long sent, long seconds,
                               Map<String, LongAdder> outcomes, long slowest, List<Sample> samples, Long capReachedAt,
                               boolean alive, Client.Reply after, Client.Reply state, KitProcess kit) {
        StringBuilder t = new StringBuilder();
        t.append(String.format("create stream against java -Xmx128m -jar enos-ota-kit.jar mock%s, %d clients, %d s"
                        + " planned (mode %s)%n", capOption ? " --max-jobs=" + cap : " (no --max-jobs option in"
                        + " mock --help: figures only)", CLIENTS, duration.toSeconds(), Mode.current()));
        t.append(String.format("  creates sent: %d in %d s (%d/s); slowest %d ms%n", sent, seconds, sent / seconds,
                slowest));
        Map<String, Long> sorted = new TreeMap<>();
        outcomes.forEach((k, v) -> sorted.put(k, v.sum()));
        t.append("  outcomes: ").append(sorted).append('\n');
        t.append(String.format("  %6s %10s %12s %10s %10s%n", "second", "RSS MiB", "heap MiB(GC)", "jobs", "creates"));
        for (Sample s : samples) {
            t.append(String.format("  %6d %10.1f %12s %10d %10d%n", s.second(), s.rssKib() / 1024.0,
                    s.heapKib() < 0 ? "" : String.format("%.1f", s.heapKib() / 1024.0), s.jobs(), s.creates()));
        }
        if (capOption) {
            t.append("  cap reached at: ").append(capReachedAt == null ? "never" : capReachedAt + " s").append('\n');
        }
        t.append("  process alive at the end: ").append(alive).append("; a create afterwards: ")
                .append(after == null ? "no answer" : "HTTP " + after.status() + " " + after.body())
                .append("; admin state: ").append(state == null ? "no answer" : "HTTP " + state.status() + " "
                        + state.body()).append('\n');
        if (!alive) {
            List<String> out = kit.output();
            t.append("  last output of the process:\n    ")
                    .append(String.join("\n    ", out.subList(Math.max(0, out.size() - 15), out.size())));
        }
        Tally.report(REPORT, t.toString());
    }
}
