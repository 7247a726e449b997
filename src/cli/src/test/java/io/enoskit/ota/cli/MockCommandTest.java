package io.enoskit.ota.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.mock.FaultRule;
import io.enoskit.ota.mock.MockOptionException;
import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.profile.EnosVersion;
import io.restassured.RestAssured;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The {@code mock} subcommand: starts, prints a base URL and a curl line that works, stops on request. */
class MockCommandTest {
    private static final Pattern CURL = Pattern.compile(
            "curl -s -X POST '(?<url>[^']+)' -H 'Content-Type: application/json' -d '(?<body>[^']+)'");
    private static final String TRY_HELP = "Try 'enos-ota-kit mock --help' for the options and their ranges.";

    @TempDir
    Path dir;

    /** What one run of {@code mock} printed and returned. */
    record Run(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    /**
     * Runs {@code mock} with these arguments on a thread of its own (not the common pool, which has one thread on
     * two cores): a mock that starts when the test expects a refusal is stopped after 30 s, and the test fails,
     * instead of holding the test thread forever.
     */
    private static Run mock(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        MockCommand command = commandLine.getSubcommands().get("mock").getCommand();
        String[] all = Stream.concat(Stream.of("mock"), Stream.of(args)).toArray(String[]::new);
        FutureTask<Integer> exit = onItsOwnThread(() -> commandLine.execute(all));
        try {
            return new Run(exit.get(30, TimeUnit.SECONDS), out.toString(), err.toString());
        } catch (TimeoutException stillRunning) {
            command.stop();
            throw new AssertionError("mock " + String.join(" ", args) + " started instead of refusing: " + out);
        }
    }

    private static FutureTask<Integer> onItsOwnThread(Callable<Integer> call) {
        FutureTask<Integer> task = new FutureTask<>(call);
        Thread thread = new Thread(task, "mock-command-test");
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    static Stream<Arguments> valuesOutOfRange() {
        return Stream.of(
                Arguments.of(List.of("--max-body-bytes", "-5"),
                        "--max-body-bytes must be from 1 to 2147483639, was -5"),
                Arguments.of(List.of("--max-upload-bytes", "0"),
                        "--max-upload-bytes must be from 1 to 2147483639, was 0"),
                Arguments.of(List.of("--body-timeout", "0"),
                        "--body-timeout must be from 0.001 to 86400 seconds, was 0"),
                Arguments.of(List.of("--container-threads", "0"), "--container-threads must be at least 5, was 0"),
                Arguments.of(List.of("--max-jobs", "0"), "--max-jobs must be at least 1, was 0"),
                Arguments.of(List.of("--firmware-store-bytes", "0"),
                        "--firmware-store-bytes must be from 1 to 1099511627776, was 0"),
                Arguments.of(List.of("--journal-entries", "-1"), "--journal-entries must be at least 0, was -1"),
                Arguments.of(List.of("--port", "70000"), "--port must be from 0 to 65535, was 70000"),
                Arguments.of(List.of("--task-pace", "0"), "--task-pace must be from 0.001 to 86400 seconds, was 0"),
                Arguments.of(List.of("--task-pace", "0.0004"),
                        "--task-pace must be from 0.001 to 86400 seconds, was 0.0004"),
                Arguments.of(List.of("--task-failure-share", "1.5"), "--task-failure-share must be from 0 to 1,"
                        + " was 1.5"),
                Arguments.of(List.of("--bind-address", "nope.invalid"), "--bind-address must be an address of this"
                        + " machine or a name that resolves to one, was nope.invalid, which does not resolve"),
                Arguments.of(List.of("--bind-address", "0.0.0.0"), "--admin-token must be given when the mock listens"
                        + " beyond loopback (bind address 0.0.0.0): the admin API can read and reset every job"),
                Arguments.of(List.of("--body-timeout", "ten"),
                        "Invalid value for option '--body-timeout': 'ten' is not a number of seconds"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesOutOfRange")
    void aValueOutOfRangeIsAUsageErrorNamingTheOptionAndItsRange(List<String> option, String message)
            throws Exception {
        Run run = mock(option.toArray(String[]::new));

        assertThat(run.exit()).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(run.errLines()).containsExactly("error: " + message, TRY_HELP);
    }

    @Test
    void aRootDirThatIsAFileIsNamedAsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");

        Run run = mock("--root-dir", file.toString());

        assertThat(run.exit()).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(run.errLines()).containsExactly("error: --root-dir must be a folder with mappings/ and"
                + " ota-state.json in it: " + file + " is a file", TRY_HELP);
    }

    @Test
    void aProfileSettingAValueItsSettingDoesNotTakeIsAUsageErrorNamingTheFlagFileSettingAndValues()
            throws Exception {
        Path profile = Files.writeString(dir.resolve("gateway.yaml"), "settings:\n  errors.httpStatus:\n"
                + "    value: 700\n    source: inferred\n    reason: a test\n");

        Run run = mock("--profile", "enos-2.3", "--profile", profile.toString());

        assertThat(run.exit()).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(run.errLines()).containsExactly("error: --profile " + profile + ": errors.httpStatus must be an"
                + " HTTP status from 200 to 599, was 700", TRY_HELP);
    }

    @Test
    void aProfileThatDoesNotExistIsAUsageErrorNamingTheFlagAndTheFile() throws Exception {
        Run run = mock("--profile", dir.resolve("missing.yaml").toString());

        assertThat(run.exit()).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(run.errLines()).containsExactly("error: --profile " + dir.resolve("missing.yaml")
                + ": no such file", TRY_HELP);
    }

    @Test
    void profilesStackInOrderAndTheBannerNamesThem() throws Exception {
        Path first = Files.writeString(dir.resolve("first.yaml"), "profile: first\nsettings:\n"
                + "  errors.httpStatus:\n    value: 400\n    source: inferred\n    reason: a test\n");
        Path second = Files.writeString(dir.resolve("second.yaml"), "profile: second\nsettings:\n"
                + "  errors.httpStatus:\n    value: 409\n    source: inferred\n    reason: a test\n");
        StringWriter out = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        MockCommand mock = commandLine.getSubcommands().get("mock").getCommand();

        FutureTask<Integer> exit = onItsOwnThread(() -> commandLine.execute("mock", "--port", "0", "--profile",
                "default", "--profile", first.toString(), "--profile", second.toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("Press Ctrl-C to stop."));

        assertThat(out.toString()).contains("behaviour profile: default + first + second");
        RestAssured.given().baseUri("http://127.0.0.1:" + mock.running().port())
                .get("/connect-service/v2.1/ota-jobs?action=get&orgId=yourOrgId&jobId=x")
                .then().statusCode(409).body("code", Matchers.equalTo(24404));
        mock.stop();
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(0);
    }

    @Test
    void aStateFileThatIsAFolderIsAUsageErrorNamingTheOption() throws Exception {
        Run run = mock("--state-file", dir.toString());

        assertThat(run.exit()).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(run.errLines()).containsExactly("error: --state-file must name a file in a folder that exists: "
                + dir + " is a folder", TRY_HELP);
    }

    /** A copy of the kit's stubs/ under dir/root, as a user starts a root dir of their own. */
    private Path copyOfTheStubs() throws Exception {
        Path root = dir.resolve("root");
        Path stubs = Path.of(System.getProperty("user.dir")).resolve("../../stubs").normalize();
        try (Stream<Path> files = Files.walk(stubs)) {
            for (Path from : files.toList()) {
                Path to = root.resolve(stubs.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        return root;
    }

    @Test
    void aStubMappingThatIsNotJsonIsAUsageErrorNamingTheFileAndThePlace() throws Exception {
        Path root = copyOfTheStubs();
        Path broken = Files.writeString(root.resolve("mappings/broken.json"), "{not json\n");

        Run run = mock("--port", "0", "--root-dir", root.toString());

        assertThat(run.exit()).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(run.errLines()).containsExactly("error: the stub mapping " + broken + " cannot be read:"
                + " Unexpected character ('n' (code 110)): was expecting double-quote to start field name"
                + " (line 1, column 2)");
    }

    @Test
    void aRootDirStateThatIsNotJsonIsNamedWithoutParserNoise() throws Exception {
        Path root = copyOfTheStubs();
        Files.writeString(root.resolve("ota-state.json"), "{\"firmwares\": [\n");

        Run run = mock("--port", "0", "--root-dir", root.toString());

        assertThat(run.exit()).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(run.errLines()).containsExactly("error: cannot read ota-state.json under " + root + ": Unexpected"
                + " end-of-input: expected close marker for Array (start marker at line 1, column 15) (line 2,"
                + " column 1)");
    }

    /** The option meant is the one within the fewest edits: for --prot picocli alone offers --profile. */
    @ParameterizedTest
    @CsvSource({"--portt, --port", "--prot, --port", "--bind-adress, --bind-address"})
    void aMistypedOptionIsNamedWithTheOptionMeant(String typed, String meant) throws Exception {
        Run run = mock(typed, "8080");

        assertThat(run.exit()).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(run.errLines()).containsExactly("error: Unknown options: '" + typed + "', '8080'",
                "Possible solutions: " + meant, TRY_HELP);
        assertThat(mock(typed + "=8080").errLines()).contains("Possible solutions: " + meant);
    }

    @Test
    void helpShowsTheRangeOfEachLimitedOption() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));

        assertThat(commandLine.execute("mock", "--help")).isEqualTo(0);
        String help = out.toString().replaceAll("\\s+", " ");
        assertThat(help).contains("--port=PORT TCP port, 0 to 65535;",
                "--journal-entries=COUNT Requests kept in WireMock's request journal (GET /__admin/requests), 0 or"
                        + " more;",
                "--max-body-bytes=BYTES Largest request body accepted, 1 to 2147483639 bytes;",
                "--max-upload-bytes=BYTES Largest firmware upload (Create Firmware File's multipart body) accepted,"
                        + " 1 to 2147483639 bytes;",
                "--body-timeout=SECONDS How long a request body may take to arrive, 0.001 to 86400 seconds;",
                "--container-threads=COUNT Jetty worker threads, 5 or more",
                "--max-jobs=COUNT Jobs kept at most, 1 or more;",
                "--task-pace=SECONDS Time each step of a device task takes on the job's running time, 0.001 to"
                        + " 86400 seconds",
                "--task-failure-share=FRACTION Share of task attempts that fail, 0 to 1,");
    }

    @Test
    void theFaultHelpNamesEveryOperationAndEveryFault() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.execute("mock", "--help");
        String help = out.toString().replaceAll("\\s+", " ");
        String fault = help.substring(help.indexOf("--fault=RULE A fault"),
                help.indexOf("--firmware-store-bytes=BYTES Most"));

        for (Operation operation : Operation.values()) {
            assertThat(fault).as("the --fault help").containsPattern(" " + Pattern.quote(operation.id()) + "[,;]");
        }
        assertThat(fault).contains("OPERATION one of *, create-job, ");
        for (FaultRule.Fault kind : FaultRule.Fault.values()) {
            assertThat(fault).as("the --fault help").contains(" " + kind.text() + ",");
        }
    }

    /**
     * The duration options' ranges as the help states them are the ones MockOptions enforces: each bound is
     * accepted, a nanosecond beyond it refused.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("durationOptions")
    void theHelpsDurationRangesAreTheOnesMockOptionsEnforces(String option,
            BiFunction<MockOptions, Duration, MockOptions> setter) {
        StringWriter out = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.execute("mock", "--help");
        Matcher range = Pattern.compile(Pattern.quote(option) + "=SECONDS [^,]*?, ([\\d.]+) to ([\\d.]+) seconds")
                .matcher(out.toString().replaceAll("\\s+", " "));
        assertThat(range.find()).as(option + "'s range in the help").isTrue();
        Duration from = Duration.ofNanos(new BigDecimal(range.group(1)).movePointRight(9).longValueExact());
        Duration to = Duration.ofNanos(new BigDecimal(range.group(2)).movePointRight(9).longValueExact());

        assertThatCode(() -> setter.apply(MockOptions.mockOptions(), from)).doesNotThrowAnyException();
        assertThatCode(() -> setter.apply(MockOptions.mockOptions(), to)).doesNotThrowAnyException();
        assertThatThrownBy(() -> setter.apply(MockOptions.mockOptions(), from.minusNanos(1)))
                .isInstanceOf(MockOptionException.class);
        assertThatThrownBy(() -> setter.apply(MockOptions.mockOptions(), to.plusNanos(1)))
                .isInstanceOf(MockOptionException.class);
    }

    static Stream<Arguments> durationOptions() {
        return Stream.of(
                Arguments.of("--task-pace", (BiFunction<MockOptions, Duration, MockOptions>) MockOptions::taskPace),
                Arguments.of("--body-timeout",
                        (BiFunction<MockOptions, Duration, MockOptions>) MockOptions::bodyTimeout));
    }

    @Test
    void startsPrintsAWorkingCurlLineAndStops() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        MockCommand mock = commandLine.getSubcommands().get("mock").getCommand();

        FutureTask<Integer> exit = onItsOwnThread(
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
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(0);
        assertThat(mock.running()).isNull();
    }

    @Test
    void aWrongEnosVersionIsAUsageErrorNamingTheOptionAndTheReleases() throws Exception {
        Run run = mock("--enos-version", "2.5");

        assertThat(run.exit()).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(run.errLines()).first().isEqualTo("error: Invalid value for option '--enos-version': '2.5' is not"
                + " an EnOS release the kit covers: 2.2, 2.3, 2.4, 3.0 (also written 2.4.4 or enos-2.4)");
    }

    @Test
    void theHelpsDefaultReleaseIsTheNewest() {
        assertThat(MockCommand.EnosVersionConverter.NEWEST).isEqualTo(EnosVersion.newest().label());
    }

    /** {@code --enos-version enos-2.2} serves 2.2: a search on firmwareVersion (2.3) is refused, and the banner says so. */
    @Test
    void theMockServesTheReleaseNamedAndSaysSo() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        MockCommand mock = commandLine.getSubcommands().get("mock").getCommand();
        FutureTask<Integer> exit = onItsOwnThread(() -> commandLine.execute("mock", "--port", "0",
                "--journal-entries", "0", "--enos-version", "enos-2.2"));
        await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("Press Ctrl-C to stop."));
        try {
            assertThat(out.toString()).contains("  EnOS release: 2.2 (--enos-version;");
            String answer = RestAssured.given().baseUri("http://127.0.0.1:" + mock.running().port())
                    .contentType("application/json").body("{\"expression\": \"firmwareVersion = '1.1'\"}")
                    .post("/connect-service/v2.1/ota-jobs?action=search&orgId=yourOrgId").then().statusCode(200)
                    .extract().asString();
            assertThat(answer).contains("\"code\":99400", "field 'firmwareVersion' is not in EnOS 2.2 (it came"
                    + " with EnOS 2.3)");
        } finally {
            mock.stop();
        }
        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(0);
    }

    @Test
    void withoutTheOptionTheMockServesTheNewestRelease() {
        MockCommand command = KitCommand.commandLine().getSubcommands().get("mock").getCommand();
        new CommandLine(command).parseArgs("--port", "0");
        assertThat(command.profile().enosVersion()).isEqualTo(EnosVersion.newest());
        new CommandLine(command).parseArgs("--enos-version", "2.4.4");
        assertThat(command.profile().enosVersion()).isEqualTo(EnosVersion.V2_4);
        assertThat(command.profile().layers()).containsExactly("default", "enos-2.4");
    }

    @Test
    void wireMocksShutdownRouteEndsTheCommand() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        MockCommand mock = commandLine.getSubcommands().get("mock").getCommand();
        FutureTask<Integer> exit = onItsOwnThread(() -> commandLine.execute("mock", "--port", "0"));
        await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("Press Ctrl-C to stop."));

        RestAssured.given().baseUri("http://127.0.0.1:" + mock.running().port()).post("/__admin/shutdown")
                .then().statusCode(200);

        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(0);
    }

    @Test
    void beyondLoopbackTheBannerWarnsAndNamesTheUrlsThatServe() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        MockCommand mock = commandLine.getSubcommands().get("mock").getCommand();
        FutureTask<Integer> exit = onItsOwnThread(() -> commandLine.execute("mock", "--port",
                "0", "--bind-address", "0.0.0.0", "--admin-token", "t0ken"));
        await().atMost(Duration.ofSeconds(20)).until(() -> out.toString().contains("Press Ctrl-C to stop."));
        try {
            assertThat(out.toString()).contains("WARNING: listening on 0.0.0.0: other machines can reach the mock at"
                    + " http://");
            RestAssured.given().baseUri("http://127.0.0.1:" + mock.running().port()).get("/__admin/ota/state")
                    .then().statusCode(401);
        } finally {
            mock.stop();
            exit.get(10, TimeUnit.SECONDS);
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
        for (Operation operation : Operation.values()) {
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
        FutureTask<Integer> exit = onItsOwnThread(() -> commandLine.execute("mock", "--port",
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
            exit.get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFaultRuleThatDoesNotParseIsAUsageErrorNamingIt() throws Exception {
        Run run = mock("--port", "0", "--fault", "create-job:418");

        assertThat(run.exit()).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(run.err()).contains("--fault").contains("'create-job:418' is not a fault rule")
                .contains("fault '418' is not one of");
    }

    @Test
    void aFaultRuleNumberThatDoesNotParseIsNamedWithItsEffectNotJavasParser() throws Exception {
        Run next = mock("--port", "0", "--fault", "create-job:503:next=x");
        assertThat(next.exit()).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(next.err()).contains("--fault").contains("next=x: 'x' is not a whole number of calls")
                .doesNotContain("For input string");

        Run delay = mock("--port", "0", "--fault", "get-job:delay=100-abc");
        assertThat(delay.exit()).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(delay.err()).contains("delay=100-abc: 'abc' is not a whole number of milliseconds")
                .doesNotContain("For input string");

        Run share = mock("--port", "0", "--fault", "get-job:reset:share=half");
        assertThat(share.exit()).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(share.err()).contains("share=half: 'half' is not a number").doesNotContain("For input string");
    }

    @Test
    void theStateFileKeepsWhatWasCreatedAcrossRunsAndTheBannerSaysWhere(
            @TempDir Path dir) throws Exception {
        Path file = dir.resolve("state.json");
        String jobId;
        for (int run = 0; run < 2; run++) {
            StringWriter out = new StringWriter();
            CommandLine commandLine = KitCommand.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            MockCommand mock = commandLine.getSubcommands().get("mock").getCommand();
            FutureTask<Integer> exit = onItsOwnThread(() -> commandLine.execute("mock",
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
            assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(0);
        }
    }

    @Test
    void aStateFileThatCannotBeReadIsAUsageErrorNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("state.json"), "{\"format\":");

        Run run = mock("--port", "0", "--state-file", file.toString());

        assertThat(run.exit()).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(run.errLines()).containsExactly("error: the state file " + file.toAbsolutePath() + " cannot be"
                + " read: Unexpected end-of-input within/between Object entries (line 1, column 11) (remove or fix it;"
                + " the mock does not start from an empty state in its place)");
    }

    @Test
    void aRootDirThatDoesNotExistIsAUsageError() throws Exception {
        Run run = mock("--port", "0", "--root-dir", "no/such/dir");

        assertThat(run.exit()).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(run.errLines()).containsExactly("error: --root-dir must be a folder with mappings/ and"
                + " ota-state.json in it: no/such/dir does not exist", TRY_HELP);
    }

    @Test
    void aRootDirWithoutMappingsIsAUsageError() throws Exception {
        Run run = mock("--port", "0", "--root-dir", dir.toString());

        assertThat(run.exit()).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(run.errLines()).containsExactly("error: --root-dir must be a folder with mappings/ and"
                + " ota-state.json in it: " + dir + " has no mappings/ folder (copy the kit's stubs/ to start from)",
                TRY_HELP);
    }

    @Test
    void aBusyPortIsExitCode3WithAHint() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1,
                InetAddress.getByName("127.0.0.1"))) {
            Run run = mock("--port", String.valueOf(busy.getLocalPort()));

            assertThat(run.exit()).isEqualTo(KitCommand.EXIT_PORT);
            assertThat(run.err()).contains("cannot listen").contains("--port 0")
                    .doesNotContain("FatalStartupException");
        }
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));

        assertThat(commandLine.execute("mock", "--help")).isEqualTo(0);
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("--port=PORT", "default: 8080", "--root-dir=DIR",
                "default: the copy inside the jar", "--lenient", "--verbose", "--journal-entries=COUNT", "--bind-address=ADDRESS",
                "--max-body-bytes=BYTES", "default: 1048576", "--max-upload-bytes=BYTES", "default: 67108864");
    }

    @Test
    void noSubcommandIsAUsageError() {
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setErr(new PrintWriter(new StringWriter(), true));

        assertThat(commandLine.execute()).isEqualTo(KitCommand.EXIT_USAGE);
    }
}
