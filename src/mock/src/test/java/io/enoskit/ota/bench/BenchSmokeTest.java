package io.enoskit.ota.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark from rotting: its Java parts run on small counts and report their figures, and its script
 * parses. No figure is asserted here (the benchmark measures, tests do not time); the full run and its smoke mode
 * are {@code bench/run.sh} and {@code bench/run.sh --smoke} (the latter runs in CI).
 */
class BenchSmokeTest {
    private static final String ROOT = System.getProperty("kit.root");

    @Test
    void theMemoryBenchmarkReportsHeapPerJobAndTheRequestStream() throws Exception {
        String report = stdoutOf(() -> MemoryBench.main(new String[] {"2000", "200"}));

        assertThat(report).containsPattern("heap per stored job: \\d+ bytes \\(2000 jobs over 100 orgs")
                .containsPattern("used heap \\(MiB, after GC\\) every 40 of 200 requests that store nothing: "
                        + "[\\d.]+( → [\\d.]+){4}");
    }

    @Test
    void theLifecycleBenchmarkReportsCreatesWithAndWithoutRunningJobs() throws Exception {
        String report = stdoutOf(() -> LifecycleBench.report(new String[] {"2", "10", "2", "1"}));

        assertThat(report).containsPattern("no job running: +[\\d,]+")
                .containsPattern("2 jobs x 10 devices running: +[\\d,]+")
                .containsPattern("ratio busy/idle: +\\d+\\.\\d\\d")
                .contains("succeeded=20");
    }

    @Test
    void theInProcessColdBenchmarkReportsEachStartAndTheMedian() throws Exception {
        String report = stdoutOf(() -> InProcessColdBench.main(new String[] {"2"}));

        assertThat(report).containsPattern("start 2: start\\(\\) returned after [\\d.]+ ms, first answered create after [\\d.]+ ms")
                .containsPattern("INPROC first_create_median_ms=[\\d.]+ start_median_ms=[\\d.]+ "
                        + "cold_jvm_first_create_ms=[\\d.]+ repetitions=2 first_create_ms=[\\d.]+,[\\d.]+");
    }

    @Test
    void theColdClientLaunchesAServerMeasuresItsFirstRequestsAndStopsIt() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process client = new ProcessBuilder(List.of(java, ROOT + "/bench/ColdClient.java",
                "--url", "http://127.0.0.1:" + port + "/connect-service/v2.1/ota-jobs?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId",
                "--body", ROOT + "/spec/examples/vendor-request-sample.json", "--requests", "20", "--expect", "code0",
                "--", java, "-cp", System.getProperty("java.class.path"), ServeMock.class.getName(), String.valueOf(port)))
                .redirectErrorStream(true).start();
        try {
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(client.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(client.exitValue()).as(output).isEqualTo(0);
            Matcher line = Pattern.compile("COLD ready_ms=\\d+ requests=20 errors=0 non_ok=0 p50_ms=[\\d.]+ "
                    + "p90_ms=[\\d.]+ p99_ms=[\\d.]+ max_ms=[\\d.]+ attempts=\\d+ pid=(\\d+)").matcher(output);
            assertThat(line.find()).as(output).isTrue();
            assertThat(ProcessHandle.of(Long.parseLong(line.group(1))).map(ProcessHandle::isAlive))
                    .as("the launched server is stopped").isIn(Optional.empty(), Optional.of(false));
        } finally {
            client.destroyForcibly();
        }
    }

    @Test
    void theBenchmarkScriptParses() throws Exception {
        Process check = new ProcessBuilder("bash", "-n", ROOT + "/bench/run.sh").redirectErrorStream(true).start();

        assertThat(check.waitFor()).as(new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo(0);
    }

    private interface Main {
        void run() throws Exception;
    }

    private static String stdoutOf(Main main) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
