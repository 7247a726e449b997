package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.domain.Firmware;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's curl walks, run verbatim with bash and curl against a mock on the default state (only the address
 * {@code http://127.0.0.1:8080} is swapped for the mock's): each walk is the {@code sh} block after a
 * {@code <!-- readme-walk: name -->} line, and its answers must be what the README's comments promise.
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

    /** Runs the walk with bash in {@code folder}, the mock's address in place of the README's; its answers. */
    private static List<JsonNode> run(String walk, OtaMockServer mock, Path folder) throws Exception {
        String script = walk.replace(README_ADDRESS, mock.baseUrl());
        assertThat(script).as("the walk with the mock's address").contains(mock.baseUrl())
                .doesNotContain(README_ADDRESS);
        Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script).directory(folder.toFile())
                .redirectErrorStream(true).start();
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).as("the walk ends within a minute").isTrue();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.exitValue()).as("exit status of the walk; its output: %s", output).isZero();
        // curl -s prints each answer without a line break: the output is a sequence of JSON values
        List<JsonNode> answers = new ArrayList<>();
        try (MappingIterator<JsonNode> values = Json.mapper().readerFor(JsonNode.class).readValues(output)) {
            values.forEachRemaining(answers::add);
        }
        return answers;
    }

    @Test
    void uploadVerifyUpgradeByTagWatchAndCleanUp(@TempDir Path folder) throws Exception {
        try (OtaMockServer mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort())) {
            List<Firmware> before = mock.firmwares("yourOrgId");

            List<JsonNode> answers = run(walk("whole-flow"), mock, folder);

            assertThat(answers).as("start V, clock, get firmware, start J, clock, searchTask, searchDeviceUpgrade,"
                    + " delete firmware, stop and delete J and V, delete firmware, get firmware").hasSize(14);
            assertThat(answers.get(0).path("code").asInt()).as("start of the verification job").isZero();
            JsonNode verified = answers.get(2);
            assertThat(verified.path("code").asInt()).isZero();
            assertThat(verified.at("/data/version").asText()).isEqualTo("1.2");
            assertThat(verified.at("/data/isVerified").asBoolean()).as("verified after its task succeeded").isTrue();
            assertThat(answers.get(3).path("code").asInt()).as("start of the upgrade job").isZero();
            assertThat(answers.get(5).path("data")).extracting(task -> task.path("deviceKey").asText() + " "
                    + task.path("status").asText() + " " + task.path("progress").asInt())
                    .containsExactlyInAnyOrder("deviceKey1 succeeded 100", "deviceKey4 upgrading 50");
            assertThat(answers.get(6).path("data")).extracting(device -> device.path("deviceKey").asText() + " "
                    + device.path("firmwareVersion").asText() + " " + device.path("isUpgrading").asBoolean())
                    .containsExactlyInAnyOrder("deviceKey1 1.2 false", "deviceKey2 1.2 false",
                            "deviceKey4 1.0 true");
            assertThat(answers.get(7).path("code").asInt()).as("delete while jobs name it").isEqualTo(24604);
            assertThat(answers.get(7).path("msg").asText()).isEqualTo("Firmware cannot be deleted");
            assertThat(answers.subList(8, 13)).allSatisfy(answer -> assertThat(answer.path("code").asInt())
                    .as(answer.toString()).isZero());
            assertThat(answers.get(13).path("code").asInt()).isEqualTo(24404);
            assertThat(answers.get(13).path("msg").asText()).isEqualTo("Firmware not found");

            assertThat(mock.jobs("yourOrgId")).as("both jobs deleted").isEmpty();
            assertThat(mock.firmwares("yourOrgId")).as("the uploaded firmware deleted").isEqualTo(before);
            assertThat(folder.resolve("fw-1.2.bin")).doesNotExist();
            if (Files.isDirectory(mock.firmwareFolder())) {
                try (Stream<Path> kept = Files.list(mock.firmwareFolder())) {
                    assertThat(kept.filter(file -> !file.getFileName().toString().startsWith("."))).isEmpty();
                }
            }
        }
    }
}
