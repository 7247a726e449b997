package io.enoskit.ota.cli;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
import io.enoskit.ota.proxy.ValidatingProxy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code proxy} subcommand: forwards to --target, writes the drift report when stopped, names wrong options. */
class ProxyCommandTest {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    @Test
    void itForwardsToTheTargetAndWritesTheReportWhenItStops() throws Exception {
        try (OtaMockServer mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort())) {
            StringWriter out = new StringWriter();
            CommandLine commandLine = KitCommand.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            ProxyCommand command = commandLine.getSubcommands().get("proxy").getCommand();
            Path reports = dir.resolve("reports");
            FutureTask<Integer> exit = onItsOwnThread(() -> commandLine.execute("proxy", "--target", mock.baseUrl(),
                    "--port", "0", "--report-dir", reports.toString(), "--timeout", "5"));
            await().atMost(Duration.ofSeconds(30)).until(() -> command.running() != null);
            ValidatingProxy proxy = command.running();
            String listening = proxy.baseUrl();

            given().baseUri(listening).get("/connect-service/v2.1/ota-jobs?action=get&orgId=yourOrgId&jobId=x")
                    .then().statusCode(200).body("code", equalTo(24404)).body("msg", equalTo("Job not found"));
            command.stop();

            assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(out.toString()).contains("EnOS OTA validating proxy listening on " + listening
                    + " (forwarding to " + mock.baseUrl() + ")").contains("drift report: " + reports.toAbsolutePath());
            assertThat(Files.readString(reports.resolve("drift-report.json"))).contains("\"exchanges\" : 1")
                    .contains("\"findings\" : 0");
            assertThat(reports.resolve("drift-report.html")).exists();
            assertThat(reports.resolve("drift-report.sarif")).exists();
        }
    }

    @Test
    void aTargetThatIsNoUrlIsAUsageErrorNamingTheOption() throws Exception {
        Run run = proxy("--target", "apigw.example.com");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value for option '--target': 'apigw.example.com' is not an http or"
                + " https URL such as https://apigw.example.com: it has no scheme");
    }

    @Test
    void withoutATargetTheOptionIsNamed() throws Exception {
        Run run = proxy();

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--target=URL'");
    }

    @Test
    void settingsOutOfRangeAreNamedByTheirOption() throws Exception {
        assertThat(proxy("--target", "http://127.0.0.1:1", "--timeout", "0").err())
                .contains("--timeout must be at least 1 second, was 0");
        assertThat(proxy("--target", "http://127.0.0.1:1", "--port", "70000").err())
                .contains("--port must be from 0 to 65535, was 70000");
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Run notADir = proxy("--target", "http://127.0.0.1:1", "--report-dir", file.toString());
        assertThat(notADir.exit()).isEqualTo(2);
        assertThat(notADir.err()).contains("--report-dir must be a folder the kit can write to: " + file);
        Run beyondLoopback = proxy("--target", "http://127.0.0.1:1", "--port", "0", "--bind-address", "0.0.0.0",
                "--report-dir", dir.toString());
        assertThat(beyondLoopback.exit()).isEqualTo(2);
        assertThat(beyondLoopback.err()).contains("--admin-token must be given when the proxy listens beyond"
                + " loopback");
    }

    @Test
    void theHelpListsTheOptions() throws Exception {
        Run help = proxy("--help");

        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--target=URL", "--port=PORT", "--bind-address=ADDRESS", "--timeout=SECONDS",
                "--report-dir=DIR", "--admin-token=TOKEN", "drift-report.sarif", "conformance-report)");
    }

    private static Run proxy(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        ProxyCommand command = commandLine.getSubcommands().get("proxy").getCommand();
        String[] all = Stream.concat(Stream.of("proxy"), Stream.of(args)).toArray(String[]::new);
        FutureTask<Integer> exit = onItsOwnThread(() -> commandLine.execute(all));
        try {
            return new Run(exit.get(30, TimeUnit.SECONDS), out.toString(), err.toString());
        } catch (TimeoutException stillRunning) {
            command.stop();
            throw new AssertionError("proxy " + List.of(args) + " started instead of refusing: " + out);
        }
    }

    private static FutureTask<Integer> onItsOwnThread(Callable<Integer> call) {
        FutureTask<Integer> task = new FutureTask<>(call);
        Thread thread = new Thread(task, "proxy-command-test");
        thread.setDaemon(true);
        thread.start();
        return task;
    }
}
