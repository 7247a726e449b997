package io.enoskit.ota.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.mock.GatewayAuth;
import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
import io.enoskit.ota.profile.ProfileLayer;
import io.enoskit.ota.profile.Setting;
import io.enoskit.ota.profile.SettingSource;
import io.enoskit.ota.profile.SettingValue;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code conform} end to end against the mock started with gateway authentication required, as a team would run it
 * against a real gateway: the credentials, the write safety, the clean-up, the reports, the exit codes.
 */
class ConformCommandTest {
    private static final String APP_KEY = "8c1a2b3d-4e5f-6789-abcd-ef0123456789";
    private static final String APP_SECRET = "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901";
    private static final String TRY_HELP = "Try 'enos-ota-kit conform --help' for the options and their ranges.";
    private static OtaMockServer gateway;

    @TempDir
    Path reports;

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void start() {
        gateway = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().gatewayAuth(GatewayAuth.REQUIRED)
                .journalEntries(5000));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @BeforeEach
    void resetTheGateway() {
        gateway.reset();
    }

    private Run conform(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = KitCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** conform at the gateway with the default state's fixtures, credentials and the given extra options. */
    private Run conformAtGateway(String secret, String... extra) {
        List<String> args = new ArrayList<>(List.of("conform", "--base-url", gateway.baseUrl(),
                "--org-id", "yourOrgId", "--ready-firmware-id", "yourFirmwareId",
                "--unverified-firmware-id", "unverifiedFirmwareId", "--device-keys", "deviceKey1,deviceKey2",
                "--verification-limit", "5", "--app-key", APP_KEY, "--app-secret", secret,
                "--report-dir", reports.toString()));
        if (!List.of(extra).contains("--auth")) {
            args.addAll(List.of("--auth", "token"));
        }
        args.addAll(List.of(extra));
        return conform(args.toArray(String[]::new));
    }

    private String summary() throws IOException {
        return Files.readString(reports.resolve("summary.txt"));
    }

    @Test
    void everyRuleHoldsAtTheMockAndEveryCreatedJobIsRemoved() throws Exception {
        Run run = conformAtGateway(APP_SECRET, "--allow-writes");

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(0);
        assertThat(run.out()).contains("every documented rule the run exercised held");
        assertThat(summary()).contains("rules exercised 54/59 (92%), passed 54, failed 0, skipped 5")
                .contains("needs 5 device keys, 2 given (--device-keys)")
                .contains("drives the mock's admin routes; runs against the mock only")
                .contains("the target made no task for the kit's dormant job")
                .contains("Jobs created on the target and removed again")
                .doesNotContain("could NOT remove");
        assertThat(gateway.jobs("yourOrgId")).isEmpty();
        assertThat(Files.readString(reports.resolve("report.html"))).contains("<section id=\"conformance-verdict\">"
                + "\n<h1>EnOS OTA Job API conformance: " + gateway.baseUrl() + "</h1>\n<p class=\"verdict passed\">"
                + "Passed: every documented rule the run exercised held (54 rules)</p>");
        assertThat(Files.readString(reports.resolve("junit.xml"))).contains("CREATE-24404 ");
        assertThat(Files.readAllLines(reports.resolve("scenarios.tsv")).get(1)).matches("PASSED\t[A-Z0-9-]+\t.*");
    }

    @Test
    void createdJobsNameOnlyTheGivenDevicesAndOtherRequestsNoRealDevice() throws Exception {
        conformAtGateway(APP_SECRET, "--allow-writes");

        JsonNode requests = Json.mapper().readTree(RestAssured.given().baseUri(gateway.baseUrl())
                .get("/__admin/requests").asString()).path("requests");
        List<String> deviceKeys = new ArrayList<>();
        for (JsonNode served : requests) {
            String body = served.path("request").path("body").asText("");
            if (body.startsWith("{") && body.contains("deviceKeys")) {
                Json.mapper().readTree(body).path("upgradeScope").path("deviceKeys")
                        .forEach(key -> deviceKeys.add(key.asText()));
            }
        }
        assertThat(deviceKeys).isNotEmpty().allMatch(key -> key.equals("deviceKey1") || key.equals("deviceKey2")
                || key.startsWith("enos-ota-kit-no-such-device-"));
    }

    @Test
    void withoutAllowWritesNoScenarioCreatesAJob() throws Exception {
        Run run = conformAtGateway(APP_SECRET);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(0);
        assertThat(summary()).contains("creates a job on the target; allow it with conform --allow-writes")
                .doesNotContain("Jobs created on the target");
        assertThat(gateway.jobs("yourOrgId")).isEmpty();
    }

    @Test
    void aWrongSecretStopsAtAuthenticationWithOneMessage() {
        Run run = conformAtGateway("not-the-secret", "--allow-writes");

        assertThat(run.exit()).isEqualTo(4);
        assertThat(run.err().lines().filter(line -> !line.isBlank())).singleElement().asString()
                .startsWith("authentication failed:").contains("status 1003 encryption invalid");
        assertThat(Files.exists(reports.resolve("summary.txt"))).isFalse();
    }

    @Test
    void theSecretAppearsNowhere() throws Exception {
        Run run = conformAtGateway(APP_SECRET, "--allow-writes");

        assertThat(run.out()).doesNotContain(APP_SECRET);
        assertThat(run.err()).doesNotContain(APP_SECRET);
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(APP_SECRET);
            }
        }
    }

    @Test
    void theRealEnosClientCarriesTheRunAndTheMockLetsItsForgeableTokensThrough() throws Exception {
        try (OtaMockServer clientGateway = OtaMockServer.start(MockOptions.mockOptions().dynamicPort()
                .gatewayAuth(GatewayAuth.ENOS_CLIENT))) {
            Run run = conform("conform", "--base-url", clientGateway.baseUrl(), "--org-id", "yourOrgId",
                    "--ready-firmware-id", "yourFirmwareId", "--unverified-firmware-id", "unverifiedFirmwareId",
                    "--device-keys", "deviceKey1,deviceKey2,deviceKey3,deviceKey4,deviceKey5",
                    "--verification-limit", "5", "--app-key", APP_KEY, "--app-secret", APP_SECRET,
                    "--auth", "poseidon", "--allow-writes", "--report-dir", reports.toString());

            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.err()).as(summary()).contains("documented rules failed: AUTH-FORGED-TOKEN");
            assertThat(summary()).contains("A made-up token in the form the EnOS client sends is refused")
                    .contains("the EnOS client (--auth poseidon) does not sign its calls")
                    .contains("the EnOS client (--auth poseidon) cannot send a multipart upload; run with --auth token"
                            + " (3 scenarios)")
                    .contains("rules exercised 51/59 (86%), passed 50, failed 1, skipped 8");
        }
    }

    @Test
    void aGatewayRefusingTheEnosClientStopsAfterTheFirstCallWithOneMessage() {
        Run run = conformAtGateway(APP_SECRET, "--auth", "poseidon", "--allow-writes");

        assertThat(run.exit()).isEqualTo(4);
        assertThat(run.err().lines().filter(line -> !line.isBlank())).singleElement().asString()
                .startsWith("authentication failed: the target refused the EnOS client's credentials")
                .contains("1203");
        assertThat(Files.exists(reports.resolve("summary.txt"))).isFalse();
    }

    @Test
    void forgettingTheAuthenticationStopsWithOneMessage() {
        Run run = conformAtGateway(APP_SECRET, "--auth", "none");

        assertThat(run.exit()).isEqualTo(4);
        assertThat(run.err()).contains("answers HTTP 401 without credentials").contains("--auth token");
    }

    @Test
    void everyMissingSettingIsNamedByItsOptionAtOnce() {
        Run run = conform("conform", "--base-url", gateway.baseUrl(), "--auth", "token");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--org-id is required", "--ready-firmware-id is required",
                "--app-key is required with --auth token", "--app-secret is required with --auth token")
                .doesNotContain("ota.");
    }

    @Test
    void anUnknownAuthenticationModeIsAUsageError() {
        Run run = conformAtGateway(APP_SECRET, "--auth", "telepathy");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--auth").contains("telepathy");
    }

    @Test
    void aSelectionOfNoScenarioIsAUsageError() {
        Run run = conformAtGateway(APP_SECRET, "--tags", "@nosuchtag");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no scenario matches --tags \"@nosuchtag\"");
    }

    @Test
    void aTagExpressionThatDoesNotParseIsAUsageError() {
        Run run = conformAtGateway(APP_SECRET, "--tags", "@a and (");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("is not a tag expression");
    }

    @Test
    void aSilentTargetEndsWithATimeoutAndItsOwnExitCode() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                List<Socket> held = new ArrayList<>();
                try {
                    while (!silent.isClosed()) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            long started = System.nanoTime();

            Run run = conform("conform", "--base-url", "http://127.0.0.1:" + silent.getLocalPort(),
                    "--org-id", "o1", "--ready-firmware-id", "f1", "--timeout", "1",
                    "--report-dir", reports.toString());

            assertThat(run.exit()).isEqualTo(5);
            assertThat(run.err()).contains("did not answer within 1 s (--timeout)");
            assertThat((System.nanoTime() - started) / 1_000_000_000).as("seconds").isLessThan(10);
        }
    }

    @Test
    void aTargetThatDropsConnectionsEndsWithTheExitCodeForCouldNotJudge() throws Exception {
        try (ServerSocket dropping = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!dropping.isClosed()) {
                        dropping.accept().close();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            Run run = conform("conform", "--base-url", "http://127.0.0.1:" + dropping.getLocalPort(),
                    "--org-id", "o1", "--ready-firmware-id", "f1", "--report-dir", reports.toString());

            assertThat(run.exit()).isEqualTo(5);
            assertThat(run.err()).startsWith("could not judge: the target").contains("dropped the connection");
        }
    }

    @Test
    void anUnreachableTargetEndsWithItsOwnExitCode() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        Run run = conform("conform", "--base-url", "http://127.0.0.1:" + closedPort, "--org-id", "o1",
                "--ready-firmware-id", "f1", "--report-dir", reports.toString());

        assertThat(run.exit()).isEqualTo(5);
        assertThat(run.err()).contains("cannot be reached");
    }

    @Test
    void aDeviatingTargetFailsTheRunNamingTheRule() throws Exception {
        RestAssured.given().baseUri(gateway.baseUrl()).contentType("application/json")
                .body("{\"priority\":1,\"request\":{\"method\":\"POST\",\"urlPath\":\"/connect-service/v2.1/ota-jobs\","
                        + "\"queryParameters\":{\"firmwareId\":{\"equalTo\":\"noSuchFirmware\"}}},"
                        + "\"response\":{\"status\":200,\"jsonBody\":{\"code\":24400,\"msg\":\"Firmware not found\","
                        + "\"requestId\":\"r\",\"data\":null}}}")
                .post("/__admin/mappings").then().statusCode(201);

        Run run = conformAtGateway(APP_SECRET, "--tags", "@business-errors", "--missing-firmware-id",
                "noSuchFirmware");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("documented rules failed: CREATE-24404");
        assertThat(summary()).contains("CREATE-24404: A firmware that does not exist is answered with 24404");
    }

    @Test
    void helpListsTheExitCodes() {
        Run run = conform("conform", "--help");

        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out()).contains("Exit codes:", "could not judge", "--timeout=SECONDS", "--other-org-id");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "notaurl | it has no scheme",
        "ftp://example.com | its scheme is ftp",
        "http:///connect | it names no host",
        "http://exa mple.com | Illegal character in authority at index 10",
        "https://apigw.example.com?x=1 | it has a query or a fragment, which the API's paths cannot follow"})
    void aBaseUrlThatIsNoHttpUrlIsAUsageErrorNamingTheOption(String url, String why) {
        Run run = conform("conform", "--base-url", url, "--org-id", "o1", "--ready-firmware-id", "f1",
                "--report-dir", reports.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("error: Invalid value for option '--base-url': '" + url
                + "' is not an http or https URL such as https://apigw.example.com: " + why, TRY_HELP);
    }

    @Test
    void aReportDirThatCannotBeCreatedIsAUsageErrorNamingTheOption() throws IOException {
        Path file = Files.writeString(reports.resolve("file"), "x");
        Path dir = file.resolve("reports");

        Run run = conform("conform", "--base-url", gateway.baseUrl(), "--org-id", "o1", "--ready-firmware-id", "f1",
                "--report-dir", dir.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("error: --report-dir must be a folder the kit can write to: "
                + dir + " cannot be created (Not a directory)", TRY_HELP);
    }

    @Test
    void writeProfileWritesTheObservedSettingsWithTheirExchangesAndNoCredential() throws Exception {
        Path profile = reports.resolve("observed").resolve("gateway.yaml");

        Run run = conformAtGateway(APP_SECRET, "--allow-writes", "--write-profile", profile.toString());

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(0);
        assertThat(run.out()).contains("observed profile (").contains(profile.toAbsolutePath().normalize().toString());
        ProfileLayer observed = ProfileLayer.read(profile);
        assertThat(observed.settings()).containsKeys(Setting.ERRORS_HTTP_STATUS, Setting.REQUEST_ID_FORMAT,
                Setting.JOB_ID_FORMAT, Setting.CREATED_JOB_STATUS, Setting.CREATE_CHECK_ORDER, Setting.METHODS_GET);
        SettingValue status = observed.settings().get(Setting.ERRORS_HTTP_STATUS);
        assertThat(status.text()).isEqualTo("200");
        assertThat(status.source().kind()).isEqualTo(SettingSource.Kind.OBSERVED);
        assertThat(status.source().target()).isEqualTo(gateway.baseUrl());
        assertThat(status.source().exchange()).contains(" -> HTTP 200 {\"code\":24");
        assertThat(observed.settings().get(Setting.CREATED_JOB_STATUS).text()).isEqualTo("stopped");
        assertThat(Files.readString(profile)).doesNotContain(APP_SECRET).doesNotContain(APP_KEY);
        assertThat(summary()).contains("Observed settings (what the target decides where the pages leave room;")
                .contains("  - errors.httpStatus = 200  [");
        assertThat(Files.readString(reports.resolve("report.html"))).contains("Observed settings");
    }

    @Test
    void aRunStoppedBeforeTheScenariosSaysItWroteNoProfile() {
        Path profile = reports.resolve("gateway.yaml");

        Run run = conformAtGateway("not-the-secret", "--write-profile", profile.toString());

        assertThat(run.exit()).isEqualTo(4);
        assertThat(run.err().lines()).contains("--write-profile " + profile + ": nothing written, the run stopped"
                + " before the scenarios");
        assertThat(Files.exists(profile)).isFalse();
    }

    @Test
    void aProfileFileThatCannotBeWrittenIsAUsageErrorNamingTheOption() throws IOException {
        Path file = Files.writeString(reports.resolve("file"), "x");
        Path profile = file.resolve("observed.yaml");

        Run run = conform("conform", "--base-url", gateway.baseUrl(), "--org-id", "o1", "--ready-firmware-id", "f1",
                "--report-dir", reports.toString(), "--write-profile", profile.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("error: --write-profile must be a file the kit can write: "
                + profile + " (its folder cannot be created: " + file + ": it is a file)", TRY_HELP);
    }

    @Test
    void aMistypedOptionIsNamedRatherThanTheRequiredOneItMissed() {
        Run run = conform("conform", "--base-urll", gateway.baseUrl(), "--org-id", "o1", "--ready-firmware-id",
                "f1");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("error: Unknown options: '--base-urll', '" + gateway.baseUrl()
                + "'", "Possible solutions: --base-url", TRY_HELP);
    }

    @Test
    void aBaseUrlWithAPathTheApiIsNotUnderSaysSoOnceInsteadOfFailingEveryRule() throws IOException {
        try (OtaMockServer open = OtaMockServer.start(MockOptions.mockOptions().dynamicPort())) {
            String wrong = open.baseUrl() + "/connect-service";

            Run run = conform("conform", "--base-url", wrong, "--org-id", "yourOrgId", "--ready-firmware-id",
                    "yourFirmwareId", "--report-dir", reports.toString());

            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
            assertThat(run.err().lines()).containsExactly("--base-url " + wrong + " answers, but not as the EnOS OTA"
                    + " API: GET " + wrong + "/connect-service/v2.1/ota-jobs?action=get answered HTTP 404 with code"
                    + " 99404 (No such operation: path: is not a path of this API); the kit adds the API's paths to"
                    + " --base-url, so give the address they start from, e.g. https://apigw.example.com");
            assertThat(Files.exists(reports.resolve("summary.txt"))).isFalse();
        }
    }

    @Test
    void aBaseUrlThatAnswersWithoutTheEnvelopeIsNoOtaEndpoint() throws IOException {
        try (OtaMockServer open = OtaMockServer.start(MockOptions.mockOptions().dynamicPort())) {
            RestAssured.given().baseUri(open.baseUrl()).contentType("application/json")
                    .body("{\"priority\":1,\"request\":{\"urlPathPattern\":\"/site/.*\"},"
                            + "\"response\":{\"status\":200,\"body\":\"<html>welcome</html>\"}}")
                    .post("/__admin/mappings").then().statusCode(201);
            String site = open.baseUrl() + "/site";

            Run run = conform("conform", "--base-url", site, "--org-id", "yourOrgId", "--ready-firmware-id",
                    "yourFirmwareId", "--report-dir", reports.toString());

            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
            assertThat(run.err().lines()).containsExactly("--base-url " + site + " answers, but not as the EnOS OTA"
                    + " API: GET " + site + "/connect-service/v2.1/ota-jobs?action=get answered HTTP 200 without the"
                    + " EnOS envelope {code, msg, requestId, data}; the kit adds the API's paths to --base-url, so"
                    + " give the address they start from, e.g. https://apigw.example.com");
        }
    }

    /**
     * A token service that answers 404 (as the open mock does at a wrong path; {@code mock --auth required} answers
     * every path without a token 401 first, like a gateway that checks credentials before routing).
     */
    @Test
    void aBaseUrlWithAPathTheTokenServiceIsNotUnderSaysSoBeforeAnyAuthenticationRule() {
        try (OtaMockServer open = OtaMockServer.start(MockOptions.mockOptions().dynamicPort())) {
            String wrong = open.baseUrl() + "/connect-service";

            Run run = conform("conform", "--base-url", wrong, "--org-id", "yourOrgId", "--ready-firmware-id",
                    "yourFirmwareId", "--auth", "token", "--app-key", APP_KEY, "--app-secret", APP_SECRET,
                    "--report-dir", reports.toString());

            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(2);
            assertThat(run.err().lines()).containsExactly("--base-url " + wrong + " answers, but not as the EnOS"
                    + " gateway: POST " + wrong + "/apim-token-service/v2.0/token/get answered HTTP 404 with code"
                    + " 99404 (No such operation: path: is not a path of this API); the kit adds the API's paths to"
                    + " --base-url, so give the address they start from, e.g. https://apigw.example.com");
        }
    }

    /** HTTP 404 with the envelope's 24404 is how a correct gateway may say "job not found": it is judged, not refused. */
    @Test
    void aTargetAnsweringJobNotFoundWithHttp404IsJudgedNotTakenForAWrongPath() {
        try (OtaMockServer open = OtaMockServer.start(MockOptions.mockOptions().dynamicPort())) {
            RestAssured.given().baseUri(open.baseUrl()).contentType("application/json")
                    .body("{\"priority\":1,\"request\":{\"method\":\"GET\",\"urlPath\":"
                            + "\"/connect-service/v2.1/ota-jobs\",\"queryParameters\":{\"jobId\":{\"equalTo\":"
                            + "\"enos-ota-kit-probe\"}}},\"response\":{\"status\":404,\"jsonBody\":{\"code\":24404,"
                            + "\"msg\":\"Job not found\",\"requestId\":\"r\",\"data\":null}}}")
                    .post("/__admin/mappings").then().statusCode(201);

            Run run = conform("conform", "--base-url", open.baseUrl(), "--org-id", "yourOrgId",
                    "--ready-firmware-id", "yourFirmwareId", "--tags", "@business-errors",
                    "--report-dir", reports.toString());

            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(0);
            assertThat(run.out()).contains("every documented rule the run exercised held");
        }
    }
}
