package io.enoskit.ota.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.proxy.DriftReport.Item;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy in front of a deliberately wrong server that shares no code with the mock: a plain WireMock answering
 * static JSON, each stub breaking one documented rule. The drift report names each broken rule once, with the
 * exchange that showed it; the SARIF validates against the official SARIF 2.1.0 schema; a token sent through the
 * proxy appears in no report file.
 */
class ProxyInFrontOfAWrongServerTest {
    private static final String JOBS = "/connect-service/v2.1/ota-jobs";
    private static final String TOKEN = "tok-5f1e9a77c0d84b2e9d1f3a6b8c0e2f41";
    private static final String SIGNATURE = "sig-0c8e4d5a1b2f3e4d5c6b7a8f9e0d1c2b";
    private static final String ISSUED = "issued-7e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b";
    private static WireMockServer wrong;

    @TempDir
    Path reports;

    @BeforeAll
    static void startTheWrongServer() {
        wrong = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wrong.start();
        // GET-24404 broken: the documented code with another message
        wrong.stubFor(get(urlPathEqualTo(JOBS)).withQueryParam("action", equalTo("get"))
                .withQueryParam("jobId", equalTo("missing"))
                .willReturn(envelope(Map.of("code", 24404, "msg", "Job does not exist", "requestId",
                        "{{randomValue type='UUID'}}", "data", "null"))));
        // a wrong data shape: jobId a number where JobInfo documents a string
        wrong.stubFor(get(urlPathEqualTo(JOBS)).withQueryParam("action", equalTo("get"))
                .withQueryParam("jobId", equalTo("job1"))
                .willReturn(envelope(Map.of("code", 0, "msg", "OK", "requestId", "{{randomValue type='UUID'}}",
                        "data", Json.write(Map.of("orgId", "o1", "jobId", 42, "firmwareId", "f1", "type", "upgrade",
                                "upgradeScope", Map.of("type", "total")))))));
        // ENV-REQUESTID broken: a success without requestId
        wrong.stubFor(post(urlPathEqualTo(JOBS)).withQueryParam("action", equalTo("create"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(Json.write(Map.of("code", 0, "msg", "OK", "data", Map.of("jobId", "j1"))))));
        // a code Stop documents, answered by Start
        wrong.stubFor(post(urlPathEqualTo(JOBS)).withQueryParam("action", equalTo("start"))
                .willReturn(envelope(Map.of("code", 24616, "msg", "Job has stopped", "requestId",
                        "{{randomValue type='UUID'}}", "data", "null"))));
        wrong.stubFor(post(urlPathEqualTo("/apim-token-service/v2.0/token/get"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(Json.write(
                        Map.of("status", 0, "msg", "OK", "data", Map.of("accessToken", ISSUED, "expire", 7200))))));
    }

    @AfterAll
    static void stop() {
        wrong.stop();
    }

    @Test
    void theReportNamesEachBrokenRuleOnceWithItsExchange() throws IOException {
        List<CheckedExchange> heard = new CopyOnWriteArrayList<>();
        try (ValidatingProxy proxy = ValidatingProxy.start(ProxyOptions.proxyOptions().dynamicPort()
                .target(wrong.baseUrl()).reportDir(reports).listener(heard::add))) {
            for (int round = 0; round < 2; round++) {
                given().baseUri(proxy.baseUrl()).header("apim-accesstoken", TOKEN).header("apim-signature", SIGNATURE)
                        .header("Authorization", "Bearer " + TOKEN)
                        .queryParams(Map.of("action", "get", "orgId", "o1", "jobId", "missing", "accessToken", TOKEN))
                        .get(JOBS).then().statusCode(200);
                given().baseUri(proxy.baseUrl()).queryParams(Map.of("action", "get", "orgId", "o1", "jobId", "job1"))
                        .get(JOBS).then().statusCode(200);
                given().baseUri(proxy.baseUrl()).contentType("application/json")
                        .queryParams(Map.of("action", "create", "orgId", "o1", "firmwareId", "f1"))
                        .body(Json.write(ProxyInFrontOfTheMockTest.upgradeJob())).post(JOBS).then().statusCode(200);
                given().baseUri(proxy.baseUrl()).queryParams(Map.of("action", "start", "orgId", "o1", "jobId", "j1"))
                        .post(JOBS).then().statusCode(200);
            }
            given().baseUri(proxy.baseUrl()).contentType("application/json")
                    .body(Json.write(Map.of("appKey", "k1", "encryption", SIGNATURE, "timestamp", 1)))
                    .post("/apim-token-service/v2.0/token/get").then().statusCode(200);

            DriftReport report = proxy.report();

            assertThat(report.findings()).extracting(Item::id, Item::operation, Item::field, Item::count)
                    .containsExactlyInAnyOrder(
                            tuple("ENV-REQUESTID", "create-job", "requestId", 2L),
                            tuple("GET-24404", "get-job", "msg", 2L),
                            tuple(
                                    "spec/ota-jobs.yaml#/components/schemas/JobId/type", "get-job", "data.jobId", 2L),
                            tuple("spec/ota-job-actions.yaml#/paths/~1connect-service~1v2.1"
                                    + "~1ota-jobs/post/x-enos-error-codes", "start-job", "code", 2L));
            Item notFound = report.findings().stream().filter(item -> item.id().equals("GET-24404")).findFirst()
                    .orElseThrow();
            assertThat(notFound.expected()).isEqualTo("\"Job not found\" with code 24404");
            assertThat(notFound.firstActual()).isEqualTo("\"Job does not exist\"");
            assertThat(notFound.examples()).hasSize(2).allSatisfy(example -> {
                assertThat(example.path()).isEqualTo(JOBS);
                assertThat(example.rawQuery()).contains("jobId=missing");
                assertThat(example.responseText()).contains("Job does not exist");
            });
            assertThat(notFound.location().file()).isEqualTo("spec/ota-jobs.yaml");
            assertThat(report.unchecked()).containsEntry("POST /apim-token-service/v2.0/token/get", 1L);

            List<Path> files = proxy.writeReport();
            assertThat(files).extracting(file -> file.getFileName().toString())
                    .containsExactly("drift-report.html", "drift-report.json", "drift-report.sarif");
            for (Path file : files) {
                String text = Files.readString(file);
                assertThat(text).as(file + " masks the credentials").doesNotContain(TOKEN).doesNotContain(SIGNATURE)
                        .doesNotContain(TOKEN.substring(4));
                assertThat(text).as(file + " names the broken rule").contains("GET-24404");
            }
            assertThat(Files.readString(reports.resolve("drift-report.html"))).contains("Job does not exist")
                    .contains("****(");
            assertThat(heard).hasSize(9);
            assertThat(heard).allSatisfy(checked -> assertThat(Json.write(DriftReportFiles.example(
                    checked.exchange()))).doesNotContain(TOKEN).doesNotContain(ISSUED).doesNotContain(SIGNATURE));
            assertThat(heard.getLast().exchange().responseText()).contains("****(");
        }
    }

    @Test
    void theSarifValidatesAgainstTheSarif210Schema() throws IOException {
        try (ValidatingProxy proxy = ValidatingProxy.start(ProxyOptions.proxyOptions().dynamicPort()
                .target(wrong.baseUrl()).reportDir(reports))) {
            given().baseUri(proxy.baseUrl()).queryParams(Map.of("action", "get", "orgId", "o1", "jobId", "missing"))
                    .get(JOBS).then().statusCode(200);
            given().baseUri(proxy.baseUrl()).queryParams(Map.of("action", "get", "orgId", "o1", "jobId", "job1"))
                    .get(JOBS).then().statusCode(200);
            proxy.writeReport();
        }
        JsonNode sarif = Json.mapper().readTree(reports.resolve("drift-report.sarif").toFile());
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }

        List<Error> errors = schema.validate(sarif);

        assertThat(errors).as("breaches of the SARIF 2.1.0 schema").isEmpty();
        assertThat(sarif.at("/runs/0/results")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(sarif.at("/runs/0/results/0/ruleId").asText()).isNotBlank();
        assertThat(sarif.at("/runs/0/results").findValuesAsText("level")).contains("error");
        assertThat(sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .startsWith("spec/");
        // a schema that finds nothing wrong with anything would pass any file: it must refuse a broken log
        ((ObjectNode) sarif).put("version", "2.0.0");
        assertThat(schema.validate(sarif)).as("a log of another version").isNotEmpty();
    }

    /**
     * An answer with these envelope fields; {@code data} given as JSON text. The body is templated, so a field may be
     * {@code {{randomValue type='UUID'}}}.
     */
    private static ResponseDefinitionBuilder envelope(Map<String, Object> fields) {
        ObjectNode body = Json.mapper().createObjectNode();
        fields.forEach((name, value) -> {
            if (!name.equals("data")) {
                body.set(name, Json.mapper().valueToTree(value));
            }
        });
        try {
            body.set("data", Json.mapper().readTree(String.valueOf(fields.get("data"))));
        } catch (IOException notJson) {
            throw new IllegalArgumentException(notJson);
        }
        return aResponse().withHeader("Content-Type", "application/json").withBody(Json.write(body))
                .withTransformers("response-template");
    }
}
