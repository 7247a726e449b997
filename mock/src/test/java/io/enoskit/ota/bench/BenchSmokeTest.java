package io.enoskit.ota.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark from rotting: its Java half runs on small counts and reports both memory figures, and its
 * script parses. No figure is asserted here (the benchmark measures, tests do not time); the full run and its
 * smoke mode are {@code bench/run.sh} and {@code bench/run.sh --smoke} (the latter runs in CI).
 */
class BenchSmokeTest {
    @Test
    void theMemoryBenchmarkReportsHeapPerJobAndTheRequestStream() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            MemoryBench.main(new String[] {"2000", "200"});
        } finally {
            System.setOut(original);
        }
        String report = captured.toString(StandardCharsets.UTF_8);

        assertThat(report).containsPattern("heap per stored job: \\d+ bytes \\(2000 jobs over 100 orgs")
                .containsPattern("used heap \\(MiB, after GC\\) every 40 of 200 requests that store nothing: "
                        + "[\\d.]+( → [\\d.]+){4}");
    }

    @Test
    void theLifecycleBenchmarkReportsCreatesWithAndWithoutRunningJobs() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LifecycleBench.report(new String[] {"2", "10", "2", "1"});
        } finally {
            System.setOut(original);
        }
        String report = captured.toString(StandardCharsets.UTF_8);

        assertThat(report).containsPattern("no job running: +[\\d,]+")
                .containsPattern("2 jobs x 10 devices running: +[\\d,]+")
                .containsPattern("ratio busy/idle: +\\d+\\.\\d\\d")
                .contains("succeeded=20");
    }

    @Test
    void theBenchmarkScriptParses() throws Exception {
        Process check = new ProcessBuilder("bash", "-n", System.getProperty("kit.root") + "/bench/run.sh").redirectErrorStream(true).start();

        assertThat(check.waitFor()).as(new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo(0);
    }
}
