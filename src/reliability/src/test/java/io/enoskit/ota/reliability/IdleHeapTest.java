package io.enoskit.ota.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The jar's one JVM default (README "Memory"): on G1, {@code mock} sets {@code G1PeriodicGCInterval} to 10 s unless
 * the user gave it, so that an idle mock returns its heap to the system. Checked on the jar as users start it, with
 * {@code jcmd VM.flags} for the flag and the GC log for the collection it brings.
 */
class IdleHeapTest {
    private static final String FLAG = "G1PeriodicGCInterval";

    @Test
    void anIdleMockRunsG1sPeriodicCollection() throws Exception {
        try (KitProcess kit = KitProcess.start(List.of("-XX:+UseG1GC", "-Xlog:gc:stdout"), List.of())) {
            assertThat(kit.vmFlag(FLAG)).contains("= 10000").contains("{management}");

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest create = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + kit.port()
                            + Api.create(Api.ORG, Api.FIRMWARE))).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(BodyPublishers.ofString(Api.VERIFY_BODY)).build();
            for (int i = 0; i < 200; i++) {
                assertThat(http.send(create, BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            }
            // the periodic collection comes 10-20 s after the last collection; G1 sizes the heap down at the end of
            // its cycle (how much is the benchmark's to measure: bench/run.sh's resident memory after 30 s idle)
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    assertThat(String.join("\n", kit.output())).contains("(G1 Periodic Collection)"));
        }
    }

    @Test
    void aFlagTheUserGaveIsLeftAsItIs() throws Exception {
        try (KitProcess kit = KitProcess.start(List.of("-XX:+UseG1GC", "-XX:" + FLAG + "=0"), List.of())) {
            assertThat(kit.vmFlag(FLAG)).contains("= 0").contains("{command line}");
        }
    }

    @Test
    void anotherCollectorIsLeftOnItsDefaults() throws Exception {
        try (KitProcess kit = KitProcess.start(List.of("-XX:+UseSerialGC"), List.of())) {
            assertThat(kit.vmFlag(FLAG)).contains("= 0").contains("{default}");
        }
    }
}
