package io.enoskit.ota.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Part 2: slow clients. Some clients open connections and send a create's body one byte per second, others send
 * a complete request head and then nothing; meanwhile a normal client sends valid creates and reads the admin
 * state. Each of its requests must complete within one second of its usual time (measured before the slow clients
 * come), and the admin API must stay responsive. Figures go to {@code target/reliability/slow-clients.txt}.
 *
 * <p>The number of slow clients is {@code -Dreliability.slowClients} (16 by default, the mock's worker thread
 * count); the attack lasts 4 s in short mode, 30 s in full mode.
 */
class SlowClientsTest {
    private static final String REPORT = "slow-clients.txt";
    private static final Duration SLACK = Duration.ofSeconds(1);

    /** The mock's default: as many slow clients as it has worker threads, plus header-only ones. */
    @Test
    void slowClientsDoNotDelayNormalClients() throws Exception {
        int slow = Integer.getInteger("reliability.slowClients", MockOptions.DEFAULT_CONTAINER_THREADS);
        run("default: " + slow + " slow-body clients and " + (slow / 2) + " header-only clients", slow, slow / 2);
    }

    /** A few slow clients, well below the worker thread count: the harness's own check, in every build. */
    @Test
    void aFewSlowClientsDoNotDelayNormalClients() throws Exception {
        run("a few: 3 slow-body clients and 2 header-only clients", 3, 2);
    }

    private void run(String label, int slowBodies, int headerOnly) throws Exception {
        Duration attack = Mode.full() ? Duration.ofSeconds(30) : Duration.ofSeconds(4);
        try (OtaMockServer mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort())) {
            int port = mock.port();
            Client client = new Client(port);
            // the usual time, before any slow client
            for (int i = 0; i < 20; i++) {
                client.createJob(); // warm-up
            }
            List<Long> usualCreate = new ArrayList<>();
            List<Long> usualAdmin = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                usualCreate.add(timedCreate(client, Duration.ofSeconds(10)));
                usualAdmin.add(timedAdmin(client, Duration.ofSeconds(10)));
            }
            long createBound = percentile(usualCreate, 50) + SLACK.toMillis();
            long adminBound = percentile(usualAdmin, 50) + SLACK.toMillis();

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger connected = new AtomicInteger();
            AtomicInteger bytesSent = new AtomicInteger();
            List<Thread> attackers = new ArrayList<>();
            List<Socket> sockets = new CopyOnWriteArrayList<>();
            byte[] body = Api.VERIFY_BODY.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + Api.create(Api.ORG, Api.FIRMWARE) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
            for (int i = 0; i < slowBodies + headerOnly; i++) {
                boolean trickle = i < slowBodies;
                Thread t = new Thread(() -> {
                    try (Socket s = new Socket()) {
                        sockets.add(s);
                        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                        connected.incrementAndGet();
                        OutputStream out = s.getOutputStream();
                        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                        for (int b = 0; trickle && b < body.length - 1 && !stop.get(); b++) {
                            out.write(body[b]);
                            out.flush();
                            bytesSent.incrementAndGet();
                            Thread.sleep(1000);
                        }
                        while (!stop.get()) {
                            Thread.sleep(50);
                        }
                    } catch (IOException | InterruptedException ended) {
                        // the test is over, or the server dropped the slow client
                    }
                }, "slow-client-" + i);
                t.setDaemon(true);
                t.start();
                attackers.add(t);
            }
            Thread.sleep(1500); // let them all get a worker thread

            List<Long> underCreate = new ArrayList<>();
            List<Long> underAdmin = new ArrayList<>();
            List<String> late = new ArrayList<>();
            long end = System.nanoTime() + attack.toNanos();
            Duration timeout = Duration.ofMillis(Math.max(createBound, adminBound) + 2000);
            while (System.nanoTime() < end) {
                long c = timedCreate(client, timeout);
                underCreate.add(c);
                if (c < 0 || c > createBound) {
                    late.add("create " + (c < 0 ? "timed out after " + timeout.toMillis() + " ms" : c + " ms"));
                }
                long a = timedAdmin(client, timeout);
                underAdmin.add(a);
                if (a < 0 || a > adminBound) {
                    late.add("admin state " + (a < 0 ? "timed out after " + timeout.toMillis() + " ms" : a + " ms"));
                }
            }
            stop.set(true);
            for (Socket s : sockets) {
                s.close();
            }
            for (Thread t : attackers) {
                t.join(5000);
            }
            String figures = String.format("%s, attack %d s (mode %s)%n"
                            + "  usual time (30 each, before):  create p50 %d ms, p99 %d ms, max %d ms; admin p50 %d ms,"
                            + " max %d ms%n"
                            + "  bound: create %d ms, admin %d ms (usual p50 + %d ms)%n"
                            + "  slow clients connected: %d of %d; body bytes trickled: %d%n"
                            + "  under attack: %d creates, p50 %s ms, p99 %s ms, max %s ms, timed out %d;"
                            + " %d admin reads, p50 %s ms, max %s ms, timed out %d%n"
                            + "  requests over the bound: %d%s",
                    label, attack.toSeconds(), Mode.current(),
                    percentile(usualCreate, 50), percentile(usualCreate, 99), Collections.max(usualCreate),
                    percentile(usualAdmin, 50), Collections.max(usualAdmin), createBound, adminBound,
                    SLACK.toMillis(), connected.get(), slowBodies + headerOnly, bytesSent.get(),
                    underCreate.size(), show(underCreate, 50), show(underCreate, 99), show(underCreate, 100),
                    timedOut(underCreate), underAdmin.size(), show(underAdmin, 50), show(underAdmin, 100),
                    timedOut(underAdmin), late.size(),
                    late.isEmpty() ? "" : " (first: " + String.join(", ", late.subList(0, Math.min(5, late.size())))
                            + ")");
            Tally.report(REPORT, figures);
            assertThat(late).as("requests of the normal client over their usual time + 1 s while %s", label)
                    .isEmpty();
        }
    }

    /** Milliseconds for a valid create, or -1 when it did not complete within the timeout or failed. */
    private static long timedCreate(Client client, Duration timeout) {
        try {
            Client.Reply r = client.send("POST", Api.create(Api.ORG, Api.FIRMWARE), Api.VERIFY_BODY, timeout);
            return r.status() == 200 && r.json().path("code").asLong(-1) == 0 ? r.millis() : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static long timedAdmin(Client client, Duration timeout) {
        try {
            Client.Reply r = client.send("GET", Api.ADMIN + "/state", null, timeout);
            return r.status() == 200 ? r.millis() : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static long timedOut(List<Long> values) {
        return values.stream().filter(v -> v < 0).count();
    }

    static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return -1;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    /** A percentile of the completed requests, "-" when none completed. */
    private static String show(List<Long> values, int p) {
        List<Long> done = values.stream().filter(v -> v >= 0).toList();
        return done.isEmpty() ? "-" : String.valueOf(percentile(done, p));
    }
}
