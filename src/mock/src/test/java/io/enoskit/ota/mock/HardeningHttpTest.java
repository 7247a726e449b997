package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enoskit.ota.contract.Json;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mock against a hostile client: bodies that are not what they claim, bodies too large as declared, as sent or
 * once inflated, bodies that stall, slow clients, odd methods, an admin API reached from a web page. Every answer is
 * JSON with a code, never a 5xx, and the mock keeps serving others meanwhile.
 */
class HardeningHttpTest {
    private static final String CREATE = RunningMock.JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId";
    private static OtaMockServer mock;

    @BeforeAll
    static void start() {
        mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().bodyTimeout(Duration.ofSeconds(1))
                .maxJobs(3));
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    @BeforeEach
    void reset() {
        mock.reset();
    }

    private static byte[] request(String method, String target, String headers, byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers + "\r\n";
        bytes.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(body);
        return bytes.toByteArray();
    }

    private static RawHttp.Answer post(String headers, byte[] body) throws IOException {
        return RawHttp.sendBytes(mock.port(), request("POST", CREATE, "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n" + headers, body));
    }

    @Test
    void aBodyStartingWithTheGzipMagicButNotSayingGzipIs99400NotInflated() throws IOException {
        RawHttp.Answer answer = post("", new byte[] {0x1f, (byte) 0x8b});

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"code\":99400").contains("gzip magic bytes");
    }

    @Test
    void aBodyThatIsNotTheGzipItSaysIs99400() throws IOException {
        RawHttp.Answer answer = post("Content-Encoding: gzip\r\n", new byte[] {0x1f});

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"code\":99400").contains("not valid gzip");
    }

    @Test
    void anEncodingTheMockDoesNotSupportIs415() throws IOException {
        for (String encoding : List.of("br", "zstd", "x-foo")) {
            RawHttp.Answer answer = post("Content-Encoding: " + encoding + "\r\n", Bodies.upgrade().getBytes());

            assertThat(answer.status()).as(encoding).isEqualTo(415);
            assertThat(answer.body()).contains("\"code\":99400").contains("'" + encoding + "' is not supported");
        }
    }

    @Test
    void aDeflatedBodyIsRead() throws IOException {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (var out = new DeflaterOutputStream(deflated)) {
            out.write(Bodies.upgrade().getBytes(StandardCharsets.UTF_8));
        }
        RawHttp.Answer answer = post("Content-Encoding: deflate\r\n", deflated.toByteArray());

        assertThat(answer.body()).contains("\"code\":0");
    }

    @Test
    void aDeclaredLengthOverTheLimitIs413BeforeTheBodyIsRead() throws IOException {
        long started = System.nanoTime();
        RawHttp.Answer answer = RawHttp.sendBytes(mock.port(), request("POST", CREATE,
                "Content-Type: application/json\r\nContent-Length: 629145600\r\n", new byte[0]));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("\"code\":99400").contains("declares 629145600 bytes");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aGzipThatInflatesPastTheLimitIs413() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bomb)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                gzip.write(zeros);
            }
        }
        RawHttp.Answer answer = post("Content-Encoding: gzip\r\n", bomb.toByteArray());

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("inflates to more than the 1048576 bytes");
    }

    @Test
    void aBrokenChunkIsAClientErrorNotAServerError() throws IOException {
        RawHttp.Answer answer = RawHttp.sendBytes(mock.port(), request("POST", CREATE,
                "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n", "z\r\n{}\r\n0\r\n\r\n".getBytes()));

        assertThat(answer.status()).isBetween(400, 499);
    }

    @Test
    void aBodyShorterThanDeclaredIs408AfterTheBodyTimeout() throws IOException {
        RawHttp.Answer answer = RawHttp.sendBytes(mock.port(), request("POST", CREATE,
                "Content-Type: application/json\r\nContent-Length: 100\r\n", "{\"type\":".getBytes()));

        assertThat(answer.status()).isEqualTo(408);
        assertThat(answer.body()).contains("\"code\":99400").contains("stalled");
    }

    /**
     * A body that has not all arrived with its headers is read as it comes (a body that has is read at once): both
     * end in the same answer.
     */
    @Test
    void aBodyArrivingInPartsAfterItsHeadersIsReadWhole() throws Exception {
        byte[] body = Bodies.upgrade().getBytes(StandardCharsets.UTF_8);
        byte[] whole = request("POST", CREATE, "Content-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n", body);
        int headers = whole.length - body.length;
        try (Socket socket = new Socket("127.0.0.1", mock.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(whole, 0, headers + 10);
            out.flush();
            // paced on purpose: the rest must arrive after the mock has seen the headers and a part of the body
            Thread.sleep(200);
            out.write(whole, headers + 10, body.length - 10);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"code\":0").contains("\"jobId\"");
        }
        assertThat(mock.jobs("yourOrgId")).hasSize(1);
    }

    @Test
    void slowUploadsDoNotDelayOtherClients() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Socket socket = new Socket("127.0.0.1", mock.port());
                OutputStream out = socket.getOutputStream();
                out.write(request("POST", CREATE, "Content-Type: application/json\r\nContent-Length: 500\r\n",
                        "{".getBytes()));
                out.flush();
                slow.add(socket);
            }
            for (int i = 0; i < 20; i++) {
                long started = System.nanoTime();
                Response answer = RestAssured.given().baseUri(mock.baseUrl()).contentType("application/json")
                        .body(Bodies.upgrade()).post(CREATE);
                assertThat(answer.path("code", new String[0]).toString()).isEqualTo("0");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            }
            RestAssured.given().baseUri(mock.baseUrl()).get("/__admin/ota/state").then().statusCode(200);
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    @Test
    void connectIsNoOperation() throws IOException {
        RawHttp.Answer answer = RawHttp.sendBytes(mock.port(), request("CONNECT", "example.com:443",
                "Content-Length: 0\r\n", new byte[0]));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("\"code\":99404");
    }

    @Test
    void headIsAnsweredLikeGetWithoutABody() {
        Response head = RestAssured.given().baseUri(mock.baseUrl())
                .head(RunningMock.JOBS + "?action=get&orgId=yourOrgId&jobId=nope");

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.header("Content-Type")).startsWith("application/json");
        assertThat(head.asString()).isEmpty();
    }

    @Test
    void theAdminApiAnswersNoOtherOriginWhileTheApiDoes() {
        Response admin = RestAssured.given().baseUri(mock.baseUrl()).header("Origin", "https://evil.example")
                .get("/__admin/ota/state");
        Response preflight = RestAssured.given().baseUri(mock.baseUrl()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").options("/__admin/ota/reset");
        Response api = RestAssured.given().baseUri(mock.baseUrl()).header("Origin", "https://console.example")
                .get(RunningMock.JOBS + "?action=get&orgId=yourOrgId&jobId=nope");

        assertThat(admin.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(api.header("Access-Control-Allow-Origin")).isEqualTo("https://console.example");
    }

    @Test
    void stateChangesAPageCouldSendWithoutAPreflightAreRefusedOnEveryAdminRoute() {
        String clock = "{\"advanceSeconds\":60}";
        Response otherOrigin = RestAssured.given().baseUri(mock.baseUrl()).header("Origin", "https://evil.example")
                .contentType("application/json").body(clock).post("/__admin/ota/clock");
        Response otherSite = RestAssured.given().baseUri(mock.baseUrl()).header("Sec-Fetch-Site", "cross-site")
                .post("/__admin/reset");
        Response plainText = RestAssured.given().baseUri(mock.baseUrl()).contentType("text/plain").body("{}")
                .post("/__admin/mappings");
        Response form = RestAssured.given().baseUri(mock.baseUrl())
                .contentType("application/x-www-form-urlencoded").body(clock).post("/__admin/ota/clock");

        assertThat(otherOrigin.statusCode()).isEqualTo(403);
        assertThat(otherOrigin.jsonPath().getString("error")).isEqualTo("POST /__admin/ota/clock refused: a web page"
                + " of another origin (Origin: https://evil.example) may not change the mock's state; call the admin"
                + " API from a tool or a test, not from a page");
        assertThat(otherSite.statusCode()).isEqualTo(403);
        assertThat(otherSite.jsonPath().getString("error")).contains("Sec-Fetch-Site: cross-site");
        assertThat(plainText.statusCode()).isEqualTo(403);
        assertThat(plainText.jsonPath().getString("error")).isEqualTo("POST /__admin/mappings refused: the admin API"
                + " takes JSON bodies only; send Content-Type: application/json (found: text/plain; charset=ISO-8859-1)");
        assertThat(form.statusCode()).isEqualTo(403);
        RestAssured.given().baseUri(mock.baseUrl()).get("/__admin/ota/clock").then()
                .body("advancedSeconds", Matchers.equalTo(0));
    }

    @Test
    void toolsAndPagesOfTheMocksOwnOriginStillChangeState() {
        try (OtaMockServer own = OtaMockServer.start(MockOptions.mockOptions().dynamicPort())) {
            RestAssured.given().baseUri(own.baseUrl()).post("/__admin/ota/reset").then().statusCode(200);
            RestAssured.given().baseUri(own.baseUrl()).header("Origin", "http://127.0.0.1:" + own.port())
                    .header("Sec-Fetch-Site", "same-origin").contentType("application/json")
                    .body("{\"advanceSeconds\":60}").post("/__admin/ota/clock").then().statusCode(200)
                    .body("advancedSeconds", Matchers.equalTo(60));
        }
    }

    @Test
    void theAdminTokenLetsAnyContentTypeThrough() {
        try (OtaMockServer guarded = OtaMockServer.start(MockOptions.mockOptions().dynamicPort()
                .adminToken("s3cret-admin"))) {
            RestAssured.given().baseUri(guarded.baseUrl()).header("Authorization", "Token s3cret-admin")
                    .contentType("text/plain").body("{\"advanceSeconds\":60}").post("/__admin/ota/clock").then()
                    .statusCode(200).body("advancedSeconds", Matchers.equalTo(60));
            RestAssured.given().baseUri(guarded.baseUrl()).header("Authorization", "Token wrong")
                    .contentType("text/plain").body("{}").post("/__admin/ota/clock").then().statusCode(403);
        }
    }

    @Test
    void stubMappingsCannotMakeTheMockFetchAUrl() {
        RestAssured.given().baseUri(mock.baseUrl()).contentType("application/json")
                .body(Json.write(Map.of("priority", 1, "request", Map.of("urlPath", "/proxied"),
                        "response", Map.of("proxyBaseUrl", "http://127.0.0.1:" + mock.port() + "/__admin/ota"))))
                .post("/__admin/mappings").then().statusCode(201);

        Response answer = RestAssured.given().baseUri(mock.baseUrl()).get("/proxied");

        assertThat(answer.asString()).as("HTTP %s %s", answer.statusCode(), answer.headers()).doesNotContain("counts").contains("denied");
    }

    @Test
    void pastTheJobLimitTheOldestStoppedJobsGo() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(RestAssured.given().baseUri(mock.baseUrl()).contentType("application/json")
                    .body(Bodies.upgrade()).post(CREATE).path("data.jobId"));
        }
        mock.startJob("yourOrgId", ids.get(2));
        RestAssured.given().baseUri(mock.baseUrl()).contentType("application/json").body(Bodies.upgrade())
                .post(CREATE);

        assertThat(mock.jobs("yourOrgId")).extracting(job -> job.getJobId())
                .doesNotContain(ids.get(0), ids.get(1), ids.get(3)).contains(ids.get(2), ids.get(4)).hasSize(3);
        RestAssured.given().baseUri(mock.baseUrl()).get("/__admin/ota/state").then()
                .body("counts.maxJobs", Matchers.equalTo(3))
                .body("counts.evictedJobs", Matchers.equalTo(3));
    }

    @Test
    void anAdminTokenClosesTheAdminApi() {
        try (OtaMockServer guarded = OtaMockServer.start(MockOptions.mockOptions().dynamicPort()
                .adminToken("s3cret-admin"))) {
            RestAssured.given().baseUri(guarded.baseUrl()).get("/__admin/ota/state").then().statusCode(401);
            RestAssured.given().baseUri(guarded.baseUrl()).header("Authorization", "Token s3cret-admin")
                    .get("/__admin/ota/state").then().statusCode(200);
        }
    }

    @Test
    void listeningBeyondLoopbackNeedsAnAdminToken() {
        assertThatThrownBy(() -> OtaMockServer.start(MockOptions.mockOptions().dynamicPort().bindAddress("0.0.0.0")))
                .isInstanceOfSatisfying(MockOptionException.class,
                        refused -> assertThat(refused.setting()).isEqualTo("adminToken"))
                .hasMessage("MockOptions.adminToken must be given when the mock listens beyond loopback (bind address"
                        + " 0.0.0.0): the admin API can read and reset every job");
    }
}
