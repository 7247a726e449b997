package io.enoskit.ota.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A mock that runs out of memory says so and stops with exit status 1, instead of lingering as a process that
 * answers nothing: the fat jar under {@code -Xmx48m}, the job cap lifted, is fed large verification jobs until its
 * heap is full.
 */
class OutOfMemoryTest {
    @Test
    void theMockStopsWithAMessageWhenItRunsOutOfMemory() throws Exception {
        try (KitProcess kit = KitProcess.start(List.of("-Xmx48m"), List.of("--max-jobs=1000000"))) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            StringBuilder keys = new StringBuilder();
            for (int i = 0; i < 12_000; i++) {
                keys.append(i == 0 ? "" : ",").append("\"device-key-with-a-long-name-").append(i).append('"');
            }
            String body = "{\"type\":\"upgrade\",\"upgradePolicy\":\"snapshot\",\"enableUpgradeRequest\":true,"
                    + "\"upgradeScope\":{\"type\":\"partial\",\"deviceKeys\":[" + keys + "]}}";
            URI create = URI.create("http://127.0.0.1:" + kit.port() + "/connect-service/v2.1/ota-jobs?action=create"
                    + "&orgId=yourOrgId&firmwareId=yourFirmwareId");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            int created = 0;
            while (kit.alive() && System.nanoTime() < deadline) {
                try {
                    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(create)
                            .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(answer.statusCode()).as(answer.body()).isLessThan(500);
                    created++;
                } catch (IOException gone) {
                    break;
                }
            }

            assertThat(kit.waitForExit(Duration.ofSeconds(30))).as("the process ended (%d jobs created); output: %s",
                    created, kit.output()).isTrue();
            assertThat(kit.exitValue()).isEqualTo(1);
            assertThat(String.join("\n", kit.output())).contains("out of memory");
        }
    }
}
