package io.enoskit.ota.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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
import picocli.CommandLine;

/**
 * {@code conform} end to end against the mock started with gateway authentication required, as a team would run it
 * against a real gateway: the credentials, the write safety, the clean-up and the reports.
 */
class ConformCommandTest {
    private static final String APP_KEY = "8c1a2b3d-4e5f-6789-abcd-ef0123456789";
    private static final String APP_SECRET = "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901";
    private static OtaMockServer gateway;

    @TempDir
    Path reports;

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
    }

    @BeforeAll
    static void start() {
        gateway = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().authRequired(true).journalEntries(2000));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @BeforeEach
    void resetTheGateway() {
        RestAssured.given().baseUri(gateway.baseUrl()).post("/__admin/ota/reset").then().statusCode(200);
        RestAssured.given().baseUri(gateway.baseUrl()).delete("/__admin/requests").then().statusCode(200);
    }

    private Run conform(String secret, String... extra) {
        List<String> args = new ArrayList<>(List.of("conform", "--base-url", gateway.baseUrl(),
                "--org-id", "yourOrgId", "--ready-firmware-id", "yourFirmwareId",
                "--unverified-firmware-id", "unverifiedFirmwareId", "--device-keys", "deviceKey1,deviceKey2",
                "--verification-limit", "5", "--app-key", APP_KEY, "--app-secret", secret,
                "--report-dir", reports.toString()));
        if (!List.of(extra).contains("--auth")) {
            args.addAll(List.of("--auth", "token"));
        }
        args.addAll(List.of(extra));
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit;
        try {
            CommandLine commandLine = KitCommand.commandLine();
            commandLine.setErr(new PrintWriter(err, true));
            exit = commandLine.execute(args.toArray(String[]::new));
        } finally {
            System.setOut(original);
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
    }

    private String summary() throws IOException {
        return Files.readString(reports.resolve("summary.txt"));
    }

    @Test
    void everyScenarioThatMayRunPassesAndEveryCreatedJobIsRemoved() throws Exception {
        Run run = conform(APP_SECRET, "--allow-writes");

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(0);
        assertThat(summary()).containsPattern("all\\s+22\\s+0\\s+2")
                .contains("Jobs created on the target and removed again")
                .doesNotContain("could NOT remove");
        RestAssured.given().baseUri(gateway.baseUrl()).get("/__admin/ota/orgs/yourOrgId/jobs").then()
                .body("jobs.size()", org.hamcrest.Matchers.equalTo(0));
        assertThat(Files.exists(reports.resolve("report.html"))).isTrue();
        assertThat(Files.exists(reports.resolve("junit.xml"))).isTrue();
    }

    @Test
    void createdJobsNameOnlyTheGivenDevicesAndOtherRequestsNoRealDevice() throws Exception {
        conform(APP_SECRET, "--allow-writes");

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
        Run run = conform(APP_SECRET);

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(0);
        assertThat(summary()).contains("creates a job on the target; allow it with conform --allow-writes")
                .doesNotContain("Jobs created on the target");
        RestAssured.given().baseUri(gateway.baseUrl()).get("/__admin/ota/state").then()
                .body("counts.jobs", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aWrongSecretStopsAtAuthenticationWithOneMessage() {
        Run run = conform("not-the-secret", "--allow-writes");

        assertThat(run.exit()).isEqualTo(ConformCommand.EXIT_AUTH);
        assertThat(run.err().lines().filter(line -> !line.isBlank())).singleElement().asString()
                .startsWith("authentication failed:").contains("status 1003 encryption invalid");
        assertThat(Files.exists(reports.resolve("summary.txt"))).isFalse();
    }

    @Test
    void theSecretAppearsNowhere() throws Exception {
        Run run = conform(APP_SECRET, "--allow-writes");

        assertThat(run.out()).doesNotContain(APP_SECRET);
        assertThat(run.err()).doesNotContain(APP_SECRET);
        try (Stream<Path> files = Files.walk(reports)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(APP_SECRET);
            }
        }
    }

    @Test
    void theRealEnosClientCanCarryTheRun() throws Exception {
        Run run = conform(APP_SECRET, "--auth", "poseidon", "--allow-writes");

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(0);
        assertThat(summary()).containsPattern("all\\s+22\\s+0\\s+2");
    }

    @Test
    void forgettingTheAuthenticationStopsWithOneMessage() {
        Run run = conform(APP_SECRET, "--auth", "none");

        assertThat(run.exit()).isEqualTo(ConformCommand.EXIT_AUTH);
        assertThat(run.err()).contains("answers HTTP 401 without credentials").contains("--auth token");
    }

    @Test
    void missingSettingsAreAUsageError() {
        Run run = conform(APP_SECRET, "--auth", "telepathy");

        assertThat(run.exit()).isEqualTo(KitCommand.EXIT_USAGE);
        assertThat(run.err()).contains("auth must be none, token or poseidon");
    }

    @Test
    void aDeviatingTargetFailsTheRun() throws Exception {
        RestAssured.given().baseUri(gateway.baseUrl()).contentType("application/json")
                .body("{\"priority\":1,\"request\":{\"method\":\"POST\",\"urlPath\":\"/connect-service/v2.1/ota-jobs\","
                        + "\"queryParameters\":{\"firmwareId\":{\"equalTo\":\"noSuchFirmware\"}}},"
                        + "\"response\":{\"status\":200,\"jsonBody\":{\"code\":24400,\"msg\":\"Firmware not found\","
                        + "\"requestId\":\"r\",\"data\":null}}}")
                .post("/__admin/mappings").then().statusCode(201);
        try {
            Run run = conform(APP_SECRET, "--tags", "@business-errors", "--missing-firmware-id", "noSuchFirmware");

            assertThat(run.exit()).isEqualTo(1);
            assertThat(summary()).contains("A firmware that does not exist is answered with 24404");
        } finally {
            RestAssured.given().baseUri(gateway.baseUrl()).post("/__admin/mappings/reset").then().statusCode(200);
        }
    }
}
