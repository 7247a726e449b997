package io.enoskit.ota.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code mock} subcommand: starts, prints a base URL and a curl line that works, stops on request. */
class MockCommandTest {
    private static final Pattern CURL = Pattern.compile(
            "curl -s -X POST '(?<url>[^']+)' -H 'Content-Type: application/json' -d '(?<body>[^']+)'");

    @Test
    void startsPrintsAWorkingCurlLineAndStops() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        MockCommand mock = commandLine.getSubcommands().get("mock").getCommand();

        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> commandLine.execute("mock", "--port", "0", "--journal-entries", "0"));
        await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("Press Ctrl-C to stop."));

        String banner = out.toString();
        int port = mock.running().port();
        assertThat(banner).contains("EnOS OTA mock listening on http://127.0.0.1:" + port);
        Matcher curl = CURL.matcher(banner);
        assertThat(curl.find()).as(banner).isTrue();
        String answer = RestAssured.given().contentType("application/json").body(curl.group("body"))
                .post(curl.group("url")).then().statusCode(200).extract().asString();
        assertThat(answer).contains("\"code\":0").containsPattern("\"jobId\":\"[0-9a-f]{24}\"");

        mock.stop();
        assertThat(exit.get()).isEqualTo(0);
        assertThat(mock.running()).isNull();
    }

    @Test
    void wireMocksShutdownRouteEndsTheCommand() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        MockCommand mock = commandLine.getSubcommands().get("mock").getCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute("mock", "--port", "0"));
        await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("Press Ctrl-C to stop."));

        RestAssured.given().baseUri("http://127.0.0.1:" + mock.running().port()).post("/__admin/shutdown")
                .then().statusCode(200);

        assertThat(exit.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(0);
    }

    @Test
    void listeningBeyondLoopbackWithoutAnAdminTokenIsAUsageErrorNamingTheOption() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("mock", "--port", "0", "--bind-address", "0.0.0.0");

        assertThat(exit).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("--admin-token");
    }

    @Test
    void beyondLoopbackTheBannerWarnsAndNamesTheUrlsThatServe() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        MockCommand mock = commandLine.getSubcommands().get("mock").getCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute("mock", "--port",
                "0", "--bind-address", "0.0.0.0", "--admin-token", "t0ken"));
        await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("Press Ctrl-C to stop."));
        try {
            assertThat(out.toString()).contains("WARNING: listening on 0.0.0.0: other machines can reach the mock at"
                    + " http://");
            RestAssured.given().baseUri("http://127.0.0.1:" + mock.running().port()).get("/__admin/ota/state")
                    .then().statusCode(401);
        } finally {
            mock.stop();
            exit.get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void helpNamesEveryOperationAndTheExitCodes() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));

        assertThat(commandLine.execute("mock", "--help")).isEqualTo(0);
        String help = out.toString().replaceAll("\\s+", " ");
        assertThat(help).contains("Create OTA Job (POST action=create)",
                "Get OTA Job (GET action=get)", "Start, Stop and Delete OTA Job", "/apim-token-service/",
                "/__admin/ota/", "Exit codes:", "--max-jobs=COUNT", "--admin-token=TOKEN", "--body-timeout=SECONDS",
                "--task-pace=SECONDS", "--task-failure-share=FRACTION", "--state-file=FILE");
        for (io.enoskit.ota.contract.Operation operation : io.enoskit.ota.contract.Operation.values()) {
            assertThat(help).as(operation.id()).contains("action=").contains(operation.action());
        }
        assertThat(help).contains("Search OTA Job (POST action=search)", "Search OTA Task (POST action=searchTask)",
                "Cancel and Retry OTA Task", "Get Firmware File (GET action=get)", "Search Firmware File");
    }

    @Test
    void faultsGivenOnTheCommandLineApplyFromTheStart() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        MockCommand mock = commandLine.getSubcommands().get("mock").getCommand();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute("mock", "--port",
                "0", "--fault", "create-job:503:next=1", "--fault", "get-job:delay=200"));
        await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("Press Ctrl-C to stop."));
        try {
            String base = "http://127.0.0.1:" + mock.running().port() + "/connect-service/v2.1/ota-jobs";
            String body = "{\"type\":\"verify\",\"upgradeScope\":{\"type\":\"partial\"}}";
            String create = base + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId";
            RestAssured.given().contentType("application/json").body(body).post(create).then().statusCode(503);
            RestAssured.given().contentType("application/json").body(body).post(create).then().statusCode(200);
            long started = System.nanoTime();
            RestAssured.given().get(base + "?action=get&orgId=yourOrgId&jobId=nope").then().statusCode(200);
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(200);
        } finally {
            mock.stop();
            exit.get(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void aFaultRuleThatDoesNotParseIsAUsageErrorNamingIt() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("mock", "--port", "0", "--fault", "create-job:418");

        assertThat(exit).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("--fault").contains("'create-job:418' is not a fault rule")
                .contains("fault '418' is not one of");
    }

    @Test
    void aTaskPaceOrFailureShareOutOfRangeIsAUsageErrorNamingTheOption() {
        for (String[] wrong : new String[][] {{"--task-pace", "0"}, {"--task-pace", "-2"},
            {"--task-failure-share", "1.5"}}) {
            StringWriter err = new StringWriter();
            CommandLine commandLine = KitCommand.commandLine();
            commandLine.setErr(new PrintWriter(err, true));

            int exit = commandLine.execute("mock", "--port", "0", wrong[0], wrong[1]);

            assertThat(exit).isEqualTo(KitCommand.EXIT_USAGE);
            assertThat(err.toString()).contains(wrong[0]).contains(wrong[1]);
        }
    }

    @Test
    void theStateFileKeepsWhatWasCreatedAcrossRunsAndTheBannerSaysWhere(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("state.json");
        String jobId;
        for (int run = 0; run < 2; run++) {
            StringWriter out = new StringWriter();
            CommandLine commandLine = KitCommand.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            MockCommand mock = commandLine.getSubcommands().get("mock").getCommand();
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute("mock",
                    "--port", "0", "--state-file", file.toString(), "--task-pace", "0.5"));
            await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("Press Ctrl-C to stop."));
            assertThat(out.toString()).contains("state: kept in " + file.toAbsolutePath())
                    .contains("device tasks: a step every 0.5 s");
            if (run == 0) {
                jobId = RestAssured.given().contentType("application/json")
                        .body("{\"type\":\"verify\",\"upgradeScope\":{\"type\":\"partial\"}}")
                        .post("http://127.0.0.1:" + mock.running().port() + "/connect-service/v2.1/ota-jobs"
                                + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId")
                        .then().statusCode(200).extract().path("data.jobId");
                assertThat(jobId).isNotNull();
            } else {
                assertThat(mock.running().jobs("yourOrgId")).hasSize(1);
            }
            mock.stop();
            assertThat(exit.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(0);
        }
    }

    @Test
    void aStateFileThatCannotBeReadIsAUsageErrorNamingIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("state.json");
        java.nio.file.Files.writeString(file, "{\"format\":");
        StringWriter err = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("mock", "--port", "0", "--state-file", file.toString());

        assertThat(exit).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("the state file " + file.toAbsolutePath() + " cannot be read")
                .doesNotContain("at io.");
    }

    @Test
    void aRootDirThatDoesNotExistIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("mock", "--port", "0", "--root-dir", "no/such/dir");

        assertThat(exit).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("root dir no/such/dir does not exist").doesNotContain("at io.");
    }

    @Test
    void aRootDirWithoutMappingsIsAUsageError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("mock", "--port", "0", "--root-dir", dir.toString());

        assertThat(exit).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(err.toString()).contains("has no mappings/ folder");
    }

    @Test
    void aBusyPortIsExitCode3WithAHint() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            StringWriter err = new StringWriter();
            CommandLine commandLine = KitCommand.commandLine();
            commandLine.setErr(new PrintWriter(err, true));

            int exit = commandLine.execute("mock", "--port", String.valueOf(busy.getLocalPort()));

            assertThat(exit).isEqualTo(KitCommand.EXIT_PORT);
            assertThat(err.toString()).contains("cannot listen").contains("--port 0")
                    .doesNotContain("FatalStartupException");
        }
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));

        assertThat(commandLine.execute("mock", "--help")).isEqualTo(0);
        assertThat(out.toString()).contains("--port=PORT", "default: 8080", "--root-dir=DIR", "default: the copy inside the jar",
                "--lenient", "--verbose", "--journal-entries=COUNT", "--bind-address=ADDRESS",
                "--max-body-bytes=BYTES", "default: 1048576");
    }

    @Test
    void noSubcommandIsAUsageError() {
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setErr(new PrintWriter(new StringWriter(), true));

        assertThat(commandLine.execute()).isEqualTo(KitCommand.EXIT_USAGE);
    }
}
