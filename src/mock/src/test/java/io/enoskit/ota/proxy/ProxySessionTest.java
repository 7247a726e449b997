package io.enoskit.ota.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.proxy.DriftReport.Item;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A proxy session over time: counts and a bounded number of examples per finding however many exchanges come, a
 * bounded number of distinct findings, the report on {@code POST /__admin/ota/report} (behind the admin protections)
 * and on close, and calls the target does not answer.
 */
class ProxySessionTest {
    private static final String GET_MISSING = "/connect-service/v2.1/ota-jobs?action=get&orgId=o1&jobId=missing";
    private WireMockServer wrong;

    @TempDir
    Path reports;

    @BeforeEach
    void startTarget() {
        wrong = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wrong.start();
        wrong.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(Json.write(answer()))
                .withTransformers("response-template")));
    }

    /** 24404 with another message than documented, and a field of a new name in every answer (templated). */
    private static ObjectNode answer() {
        ObjectNode answer = Json.mapper().createObjectNode().put("code", 24404).put("msg", "Nope")
                .put("requestId", "{{randomValue type='UUID'}}");
        answer.putNull("data");
        answer.put("x{{randomValue length=8 type='ALPHANUMERIC'}}", 1);
        return answer;
    }

    @AfterEach
    void stopTarget() {
        wrong.stop();
    }

    @Test
    void aLongSessionKeepsCountsAndABoundedNumberOfExamples() {
        int calls = 400;
        try (ValidatingProxy proxy = ValidatingProxy.start(ProxyOptions.proxyOptions().dynamicPort()
                .target(wrong.baseUrl()).reportDir(reports).maxFindings(50))) {
            for (int i = 0; i < calls; i++) {
                given().baseUri(proxy.baseUrl()).get(GET_MISSING).then().statusCode(200);
            }

            DriftReport report = proxy.report();

            Item notFound = report.findings().stream().filter(item -> item.id().equals("GET-24404")).findFirst()
                    .orElseThrow();
            assertThat(notFound.count()).isEqualTo(calls);
            assertThat(notFound.examples()).hasSize(ProxyOptions.DEFAULT_EXAMPLES_PER_FINDING);
            assertThat(report.items()).hasSize(50);
            assertThat(report.items()).allSatisfy(item -> assertThat(item.examples()).hasSizeLessThanOrEqualTo(3));
            // 400 answers, each with a field of a new name: GET-24404 and the first 49 names are kept, the other
            // 351 occurrences only counted
            assertThat(report.findingsOverflow()).isEqualTo(calls - (50 - 1));
            assertThat(report.exchanges()).isEqualTo(calls);
        }
    }

    @Test
    void theReportIsWrittenOnPostAndWhenTheProxyStops() throws Exception {
        ValidatingProxy proxy = ValidatingProxy.start(ProxyOptions.proxyOptions().dynamicPort()
                .target(wrong.baseUrl()).reportDir(reports.resolve("drift")));
        try {
            given().baseUri(proxy.baseUrl()).get(GET_MISSING).then().statusCode(200);

            given().baseUri(proxy.baseUrl()).post("/__admin/ota/report").then().statusCode(200)
                    .body("files", hasSize(3)).body("exchanges", equalTo(1)).body("findings", equalTo(1));
            assertThat(reports.resolve("drift/drift-report.json")).content().contains("GET-24404");

            // a web page of another origin may not make the proxy write files
            given().baseUri(proxy.baseUrl()).header("Origin", "https://evil.example").contentType("text/plain")
                    .body("x").post("/__admin/ota/report").then().statusCode(403)
                    .body("error", containsString("another origin"));
            given().baseUri(proxy.baseUrl()).get(GET_MISSING).then().statusCode(200);
        } finally {
            proxy.close();
        }
        assertThat(Json.mapper().readTree(reports.resolve("drift/drift-report.json").toFile())
                .at("/summary/exchanges").asLong()).isEqualTo(2);
        assertThat(reports.resolve("drift/drift-report.html")).exists();
        assertThat(reports.resolve("drift/drift-report.sarif")).exists();
    }

    @Test
    void withAnAdminTokenTheReportRouteAsksForIt() {
        try (ValidatingProxy proxy = ValidatingProxy.start(ProxyOptions.proxyOptions().dynamicPort()
                .target(wrong.baseUrl()).reportDir(reports).adminToken("s3cret-admin"))) {
            given().baseUri(proxy.baseUrl()).post("/__admin/ota/report").then().statusCode(401);
            assertThat(reports.resolve("drift-report.json")).doesNotExist();
            given().baseUri(proxy.baseUrl()).header("Authorization", "Token s3cret-admin")
                    .post("/__admin/ota/report").then().statusCode(200);
            assertThat(reports.resolve("drift-report.json")).exists();
            // the admin token is not the target's: API calls pass without it
            given().baseUri(proxy.baseUrl()).get(GET_MISSING).then().statusCode(200).body("code", equalTo(24404));
        }
    }

    @Test
    void beyondLoopbackWithoutAnAdminTokenTheProxyDoesNotStart() {
        assertThatThrownBy(() -> ValidatingProxy.start(ProxyOptions.proxyOptions().dynamicPort()
                .bindAddress("0.0.0.0").target(wrong.baseUrl()).reportDir(reports)))
                .isInstanceOf(ProxyOptionException.class)
                .hasMessageContaining("adminToken must be given when the proxy listens beyond loopback");
    }

    @Test
    void aTargetThatDoesNotAnswerGets502AndIsCounted() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ValidatingProxy proxy = ValidatingProxy.start(ProxyOptions.proxyOptions().dynamicPort()
                .target("http://127.0.0.1:" + closedPort).reportDir(reports))) {
            given().baseUri(proxy.baseUrl()).get(GET_MISSING).then().statusCode(502);

            DriftReport report = proxy.report();

            assertThat(report.failedForwards()).isEqualTo(1);
            assertThat(report.exchanges()).isZero();
            assertThat(report.items()).isEmpty();
        }
        assertThat(Files.readString(reports.resolve("drift-report.html"))).contains("1 unanswered by the target");
    }

    @Test
    void aSettingOutOfRangeNamesItself() {
        assertThatThrownBy(() -> ProxyOptions.proxyOptions().target("ftp://x"))
                .isInstanceOf(ProxyOptionException.class).hasMessageStartingWith("ProxyOptions.target must be an http");
        assertThatThrownBy(() -> ProxyOptions.proxyOptions().port(70_000))
                .hasMessage("ProxyOptions.port must be from 0 to 65535, was 70000");
        assertThat(Map.of("proxy", ProxyOptions.proxyOptions().target("http://h:1/base/").target()))
                .containsEntry("proxy", "http://h:1/base");
    }
}
