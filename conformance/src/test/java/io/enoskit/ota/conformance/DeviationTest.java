package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.core.cli.Main;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The features catch deviations: they run as against a foreign gateway (by base URL, with fixtures), first against
 * the correct mock, where every scenario that may run passes, then against servers that break one documented rule
 * each, where exactly the scenarios guarding that rule fail.
 *
 * <p>A deviating server is the mock plus one stub mapping of higher priority, added through WireMock's admin API
 * (test code only; the product has no switch for being wrong).
 */
class DeviationTest {
    private static final String JOBS = "/connect-service/v2.1/ota-jobs";
    private static final String SAMPLE_JOB_ID = "5ee1a91029b990001b9c188e";
    private static final Set<String> MOCK_ONLY = Set.of(
            "Another organization does not see the job",
            "A completed verification lets upgrade jobs on the firmware through");

    /** One way of being wrong: a stub mapping, and the scenarios that must fail because of it. */
    record Deviation(String name, Map<String, Object> stub, Set<String> guardingScenarios) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Deviation> deviations() {
        return Stream.of(
                new Deviation("24404 answered with another code",
                        stub(create(Map.of("firmwareId", Map.of("equalTo", "noSuchFirmware")), List.of()),
                                envelope(24400, "Firmware not found", true, null)),
                        Set.of("A firmware that does not exist is answered with 24404")),
                new Deviation("jobId returned in the wrong field",
                        stub(create(Map.of("firmwareId", Map.of("equalTo", "yourFirmwareId"),
                                        "orgId", Map.of("equalTo", "yourOrgId")),
                                List.of(Map.of("matchesJsonPath", "$[?(@.type == 'upgrade')]"),
                                        Map.of("matchesJsonPath", "$.upgradeScope"),
                                        Map.of("matchesJsonPath", "$[?(@.upgradePolicy == 'snapshot')]"),
                                        Map.of("matchesJsonPath", "$.enableUpgradeRequest"),
                                        Map.of("doesNotMatch", "(?s).*upgradeTimeout.*"))),
                                envelope(0, "OK", true, Map.of("id", SAMPLE_JOB_ID))),
                        Set.of("The vendor page's request sample creates an upgrade job",
                                "A created job can be read back",
                                "A job created without the optional fields gets the documented defaults")),
                new Deviation("requestId missing from an error",
                        stub(create(Map.of("firmwareId", Map.of("equalTo", "noSuchFirmware")), List.of()),
                                envelope(24404, "Firmware not found", false, null)),
                        Set.of("A firmware that does not exist is answered with 24404")),
                new Deviation("upgradeTimeout 172801 accepted",
                        stub(create(Map.of(), List.of(Map.of("matchesJsonPath", "$[?(@.upgradeTimeout == 172801)]"))),
                                envelope(0, "OK", true, Map.of("jobId", SAMPLE_JOB_ID))),
                        Set.of("upgradeTimeout 172801 is outside 300 to 172800 seconds")),
                new Deviation("verification job with scope total accepted",
                        stub(create(Map.of(), List.of(Map.of("matchesJsonPath", "$[?(@.type == 'verify')]"),
                                        Map.of("matchesJsonPath", "$.upgradeScope[?(@.type == 'total')]"))),
                                envelope(0, "OK", true, Map.of("jobId", SAMPLE_JOB_ID))),
                        Set.of("A verification job may not target every device: 24611")),
                new Deviation("job forgotten between create and get",
                        stub(Map.of("method", "GET", "urlPath", JOBS,
                                        "queryParameters", Map.of("action", Map.of("equalTo", "get"))),
                                envelope(24404, "Job not found", true, null)),
                        Set.of("A created job can be read back",
                                "A job created without the optional fields gets the documented defaults")),
                new Deviation("24612 with another limit than the firmware's",
                        stub(create(Map.of(), List.of(
                                        Map.of("matchesJsonPath", "$[?(@.upgradeScope.deviceKeys.length() > 5)]"))),
                                envelope(24612, "Exceeded max verification deviceKeys, max[10]", true, null)),
                        Set.of("A verification job over the device limit is answered with 24612 and the limit")),
                new Deviation("orgId not required",
                        stub(create(Map.of("orgId", Map.of("absent", true)), List.of()),
                                envelope(0, "OK", true, Map.of("jobId", SAMPLE_JOB_ID))),
                        Set.of("The query parameter orgId is mandatory")));
    }

    @Test
    void theCorrectMockPassesEveryScenarioThatMayRunAgainstAForeignTarget() throws Exception {
        try (OtaMockServer server = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().journalEntries(0))) {
            Map<String, Set<String>> results = run("correct-mock", server.baseUrl());

            assertThat(results.getOrDefault("FAILED", Set.of())).isEmpty();
            assertThat(results.getOrDefault("SKIPPED", Set.of())).isEqualTo(MOCK_ONLY);
            assertThat(results.get("PASSED")).hasSize(22);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deviations")
    void eachDeviationFailsExactlyTheScenariosGuardingItsRule(Deviation deviation) throws Exception {
        try (OtaMockServer server = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().journalEntries(0))) {
            RestAssured.given().baseUri(server.baseUrl()).contentType("application/json")
                    .body(Json.write(deviation.stub())).post("/__admin/mappings").then().statusCode(201);

            Map<String, Set<String>> results = run(deviation.name().replaceAll("\\W+", "-"), server.baseUrl());

            assertThat(results.getOrDefault("FAILED", Set.of())).isEqualTo(deviation.guardingScenarios());
        }
    }

    /** Runs the features against a base URL; returns scenario names by status. */
    private static Map<String, Set<String>> run(String name, String baseUrl) throws IOException {
        Path summary = Path.of("target", "deviations", name, "summary.txt");
        Map<String, String> fixtures = new LinkedHashMap<>();
        fixtures.put("ota.baseUrl", baseUrl);
        fixtures.put("ota.orgId", "yourOrgId");
        fixtures.put("ota.readyFirmwareId", "yourFirmwareId");
        fixtures.put("ota.unverifiedFirmwareId", "unverifiedFirmwareId");
        fixtures.put("ota.missingFirmwareId", "noSuchFirmware");
        fixtures.put("ota.deviceKeys", "deviceKey1,deviceKey2");
        fixtures.put("ota.verificationLimit", "5");
        fixtures.put("ota.allowWrites", "true");
        fixtures.forEach(System::setProperty);
        try {
            Main.run(new String[] {"--glue", "io.enoskit.ota.conformance", "--monochrome",
                "--plugin", ConformanceSummary.class.getName() + ":" + summary, "classpath:io/enoskit/ota/features"},
                    Thread.currentThread().getContextClassLoader());
        } finally {
            fixtures.keySet().forEach(System::clearProperty);
        }
        try (Stream<String> lines = Files.lines(summary.resolveSibling("scenarios.tsv"))) {
            return lines.map(line -> line.split("\t", -1))
                    .collect(Collectors.groupingBy(cells -> cells[0],
                            Collectors.mapping(cells -> cells[2], Collectors.toCollection(TreeSet::new))));
        }
    }

    private static Map<String, Object> create(Map<String, Object> query, List<Map<String, Object>> body) {
        Map<String, Object> queryParameters = new LinkedHashMap<>(query);
        queryParameters.put("action", Map.of("equalTo", "create"));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("method", "POST");
        request.put("urlPath", JOBS);
        request.put("queryParameters", queryParameters);
        if (!body.isEmpty()) {
            request.put("bodyPatterns", body);
        }
        return request;
    }

    private static Map<String, Object> stub(Map<String, Object> request, Map<String, Object> body) {
        return Map.of("priority", 1, "request", request, "response", Map.of("status", 200,
                "headers", Map.of("Content-Type", "application/json"), "jsonBody", body));
    }

    private static Map<String, Object> envelope(int code, String msg, boolean withRequestId, Object data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("code", code);
        envelope.put("msg", msg);
        if (withRequestId) {
            envelope.put("requestId", "0bdefc0f-369f-4664-a570-695f4e31877c");
        }
        envelope.put("data", data);
        return envelope;
    }
}
