package io.enoskit.ota.cli;

import static io.enoskit.ota.cli.KitProcesses.baseUrlOf;
import static io.enoskit.ota.cli.KitProcesses.createJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
            assertThat(output).contains("rules exercised 50/59 (85%), passed 50, failed 0, skipped 9")
                    .containsPattern("Create Firmware File and Delete Firmware +4 +0 +0")
                    .containsPattern("org yourOrgId firmware [0-9a-f]{24} \\(deleted by its scenario\\)");
            assertThat(Files.readString(work.resolve("report/report.html"))).contains("CREATE-24404");
        } finally {
            mock.destroy();
            mock.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The proxy from the jar in front of the mock from the jar: a call goes through, and SIGTERM (what Ctrl-C and a
     * service manager send) stops it with the drift report written by its shutdown hook.
     */
    @Test
    void theProxyFromTheJarWritesItsReportOnSigterm() throws Exception {
        Process mock = java("mock", "--port", "0");
        Process proxy = null;
        try {
            String target = baseUrlOf(mock);
            proxy = java("proxy", "--target", target, "--port", "0", "--report-dir", work.resolve("drift").toString());
            String proxyUrl = baseUrlOf(proxy);
            HttpResponse<String> answer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(proxyUrl
                            + "/connect-service/v2.1/ota-jobs?action=get&orgId=yourOrgId&jobId=none")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.body()).contains("\"code\":24404");

            proxy.destroy();

            assertThat(proxy.waitFor(30, TimeUnit.SECONDS)).as("the proxy stopped on SIGTERM").isTrue();
            assertThat(Files.readString(work.resolve("drift/drift-report.json"))).contains("\"exchanges\" : 1");
            assertThat(work.resolve("drift/drift-report.sarif")).exists();
            assertThat(work.resolve("drift/drift-report.html")).exists();
        } finally {
            if (proxy != null) {
                proxy.destroyForcibly();
            }
            mock.destroy();
            mock.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * {@code kill -9} while the state file is being written: the test watches the folder for the save's temporary
     * file and kills the process the moment it appears, so the kill lands mid-write. The file the next start reads
     * is the last complete save, the leftover is removed, and nothing saved before is lost.
     */
    @Test
    void theStateFileSurvivesAKillNineInTheMiddleOfASave() throws Exception {
        Path state = work.resolve("state.json");
        Process mock = java("mock", "--port", "0", "--state-file", state.toString());
        int saved = 3000;
        boolean caughtMidWrite;
        try {
            String baseUrl = baseUrlOf(mock);
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < saved; i++) {
                createJob(http, baseUrl);
            }
            await("the first saves hold every job created").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(20)).until(() -> jobsIn(state), count -> count == saved);
            Thread writer = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        createJob(http, baseUrl);
                    }
                } catch (Exception stopped) {
                    // the process was killed
                }
            });
            writer.setDaemon(true);
            writer.start();
            caughtMidWrite = killWhenASaveIsUnderWay(mock, state,
                    System.nanoTime() + TimeUnit.SECONDS.toNanos(20));
            writer.interrupt();
        } finally {
            mock.destroyForcibly();
            mock.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(caughtMidWrite).as("the kill landed while a temporary file was being written").isTrue();

        Process again = java("mock", "--port", "0", "--state-file", state.toString());
        try {
            String baseUrl = baseUrlOf(again);
            String counts = new String(URI.create(baseUrl + "/__admin/ota/state").toURL().openStream()
                    .readAllBytes(), StandardCharsets.UTF_8);
            Matcher jobs = Pattern.compile("\"jobs\":(\\d+)").matcher(counts);
            assertThat(jobs.find()).as(counts).isTrue();
            assertThat(Integer.parseInt(jobs.group(1))).isGreaterThanOrEqualTo(saved);
            try (var left = Files.list(work)) {
                assertThat(left.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList())
                        .as("the interrupted save's temporary file is removed").isEmpty();
            }
        } finally {
            again.destroy();
            again.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The number of jobs in the state file, 0 while it does not exist or is being replaced. */
    private static int jobsIn(Path state) {
        try {
            int jobs = 0;
            for (var org : new ObjectMapper().readTree(state.toFile()).path("orgs")) {
                jobs += org.path("jobs").size();
            }
            return jobs;
        } catch (IOException | RuntimeException notYet) {
            return 0;
        }
    }

    private static boolean killWhenASaveIsUnderWay(Process mock, Path state, long deadline) throws IOException {
        String prefix = "." + state.getFileName() + ".";
        while (System.nanoTime() < deadline) {
            try (var siblings = Files.list(state.getParent())) {
                if (siblings.anyMatch(p -> p.getFileName().toString().startsWith(prefix))) {
                    mock.destroyForcibly();
                    return true;
                }
            }
        }
        return false;
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

    /** As a user sees it: the process's exit code and its whole output, two lines naming the option. */
    @Test
    void aPortOutOfRangeEndsTheJarWithExitCode2AndTwoLinesNamingTheOption() throws Exception {
        Process mock = java("mock", "--port", "70000");
        try {
            // waited for before reading: a mock that starts by mistake would never close its output
            assertThat(mock.waitFor(60, TimeUnit.SECONDS)).as("the mock ended").isTrue();
            String output = new String(mock.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(mock.exitValue()).as(output).isEqualTo(2);
            assertThat(output.lines()).containsExactly("error: --port must be from 0 to 65535, was 70000",
                    "Try 'enos-ota-kit mock --help' for the options and their ranges.");
        } finally {
            mock.destroyForcibly();
        }
    }

    private Process java(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
    }
}
