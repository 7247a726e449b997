package io.enoskit.ota.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as a user runs it, in processes of its own (the unit tests run on Maven's class path, which can
 * hide a library missing from the jar): the mock starts from it, and {@code conform} from it passes the mock.
 */
class FatJarIT {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    private final Path jar = Path.of(System.getProperty("kit.jar"));

    @TempDir
    Path work;

    @Test
    void conformFromTheJarPassesTheMockFromTheJar() throws Exception {
        Process mock = java("mock", "--port", "0");
        try {
            String baseUrl = baseUrlOf(mock);

            Process conform = java("conform", "--base-url", baseUrl, "--org-id", "yourOrgId",
                    "--ready-firmware-id", "yourFirmwareId", "--unverified-firmware-id", "unverifiedFirmwareId",
                    "--verification-limit", "5", "--device-keys",
                    "deviceKey1,deviceKey2,deviceKey3,deviceKey4,deviceKey5", "--allow-writes",
                    "--report-dir", work.resolve("report").toString());
            String output = new String(conform.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(conform.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(conform.exitValue()).as(output).isEqualTo(0);
            assertThat(output).contains("rules exercised 43/51 (84%), passed 43, failed 0, skipped 8");
            assertThat(Files.readString(work.resolve("report/report.html"))).contains("CREATE-24404");
        } finally {
            mock.destroy();
            mock.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void theJarKeepsItsResourcesUnderItsOwnNamespace() throws IOException {
        List<String> topLevel = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            file.stream().map(entry -> entry.getName().split("/")[0]).distinct().forEach(topLevel::add);
            assertThat(file.getEntry("io/enoskit/ota/spec/ota-jobs.yaml")).isNotNull();
            assertThat(file.getEntry("io/enoskit/ota/stubs/ota-state.json")).isNotNull();
            assertThat(file.getEntry("io/enoskit/ota/features/business_errors.feature")).isNotNull();
        }
        assertThat(topLevel).doesNotContain("spec", "stubs", "features", "simplelogger.properties");
    }

    private Process java(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
    }

    private static String baseUrlOf(Process mock) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(mock.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            seen.append(line).append('\n');
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                Thread drain = new Thread(() -> lines.lines().forEach(ignored -> { }));
                drain.setDaemon(true);
                drain.start();
                return listening.group(1);
            }
        }
        throw new AssertionError("the mock did not start: " + seen);
    }
}
