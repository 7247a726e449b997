package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's curl walks, run verbatim with bash and curl against a mock on the default state (only the address
 * {@code http://127.0.0.1:8080} is swapped for the mock's): each walk is the {@code sh} block after a
 * {@code <!-- readme-walk: name -->} line, and its output must show what the README's comments promise.
 */
class ReadmeWalkTest {
    private static final String README_ADDRESS = "http://127.0.0.1:8080";

    private static String walk(String name) throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("kit.root", "../..")).resolve("README.md"));
        Matcher block = Pattern.compile("<!-- readme-walk: " + Pattern.quote(name) + " -->\\n```sh\\n(.*?)\\n```",
                Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("the README has the walk %s", name).isTrue();
        return block.group(1);
    }

    /** Runs the walk with bash, the mock's address in place of the README's; its standard output. */
    private static String run(String walk, OtaMockServer mock) throws IOException, InterruptedException {
        String script = walk.replace(README_ADDRESS, mock.baseUrl());
        assertThat(script).as("the walk with the mock's address").contains(mock.baseUrl())
                .doesNotContain(README_ADDRESS);
        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).redirectErrorStream(true).start();
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).as("the walk ends within a minute").isTrue();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.exitValue()).as("exit status of the walk; its output: %s", output).isZero();
        return output;
    }

    @Test
    void upgradeByTagWatchAndSearchDeviceUpgrade() throws Exception {
        try (OtaMockServer mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort())) {
            String output = run(walk("upgrade-by-tag"), mock);

            String jobId = mock.jobs("yourOrgId").get(0).getJobId();
            assertThat(mock.jobs("yourOrgId")).hasSize(1);
            assertThat(output)
                    .contains("{\"code\":0,\"msg\":\"OK\"")
                    .contains("\"deviceKey\":\"deviceKey1\",\"jobId\":\"" + jobId + "\"")
                    .contains("\"status\":\"succeeded\"")
                    .contains("\"deviceKey\":\"deviceKey1\",\"firmwareVersion\":\"1.1\",\"isUpgrading\":false")
                    .contains("\"deviceKey\":\"deviceKey4\",\"firmwareVersion\":\"1.0\",\"isUpgrading\":true")
                    .doesNotContain("deviceKey2").doesNotContain("deviceKey3").doesNotContain("deviceKey5");
            assertThat(mock.tasks("yourOrgId", jobId)).extracting(task -> task.getDeviceKey() + " "
                    + task.getStatus().getValue() + " " + task.getProgress())
                    .containsExactly("deviceKey1 succeeded 100", "deviceKey4 upgrading 50");
        }
    }
}
