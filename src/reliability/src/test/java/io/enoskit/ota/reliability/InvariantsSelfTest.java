package io.enoskit.ota.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
import io.enoskit.ota.reliability.HostileRequest.Expect;
import io.enoskit.ota.reliability.HostileRequest.Route;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The suite can fail: each invariant is shown to catch a deliberately broken answer (a stub of higher priority than
 * the mock's own mappings), and to pass the real mock's answer to the same request.
 */
class InvariantsSelfTest {
    private static OtaMockServer mock;

    @BeforeAll
    static void start() {
        mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort());
        broken("html", aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>"));
        broken("server-error", aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":99500}"));
        broken("not-json", aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":0,"));
        broken("accepts-anything", okJson("{\"code\":0,\"msg\":\"OK\",\"requestId\":\"r\",\"data\":{\"jobId\":"
                + "\"feedface0000000000000009\"}}"));
        broken("slow", okJson("{\"code\":99400}").withFixedDelay(3000));
        // creates "succeed", but Get OTA Job (the real mock) knows no such job
        mock.wireMock().stubFor(post(urlPathEqualTo(Api.JOBS)).withQueryParam("orgId", equalTo("forgets-jobs"))
                .atPriority(1).willReturn(okJson("{\"code\":0,\"msg\":\"OK\",\"requestId\":\"r\",\"data\":"
                        + "{\"jobId\":\"feedface0000000000000009\"}}")));
    }

    private static void broken(String orgId, ResponseDefinitionBuilder answer) {
        mock.wireMock().stubFor(any(urlPathEqualTo(Api.JOBS)).withQueryParam("orgId", equalTo(orgId)).atPriority(1)
                .willReturn(answer));
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    private static HostileRequest invalidCreate(String org) {
        return HostileRequest.of("self-test", Route.CREATE, Expect.INVALID, "POST", Api.create(org, Api.FIRMWARE),
                List.of("Content-Type: application/json"), "{\"type\":\"verify\"}".getBytes(StandardCharsets.UTF_8),
                List.of("upgradeScope missing"));
    }

    private static HostileRequest validCreate(String org) {
        return HostileRequest.of("self-test", Route.CREATE, Expect.ANY, "POST", Api.create(org, Api.FIRMWARE),
                List.of("Content-Type: application/json"), Api.VERIFY_BODY.getBytes(StandardCharsets.UTF_8),
                List.of("valid"));
    }

    private static void check(HostileRequest request) {
        Invariants.sendAndCheck(mock.port(), request, new Tally(), Duration.ofSeconds(1));
    }

    @Test
    void theRealMockPassesTheSameRequests() {
        check(invalidCreate(Api.ORG));
        check(validCreate(Api.ORG));
    }

    @Test
    void aServerErrorFailsA() {
        assertThatThrownBy(() -> check(invalidCreate("server-error"))).hasMessageStartingWith("(a) HTTP status 500");
    }

    @Test
    void aHangFailsB() {
        assertThatThrownBy(() -> check(invalidCreate("slow"))).hasMessageStartingWith("(b) no answer");
    }

    @Test
    void anHtmlAnswerOnTheApiFailsC() {
        assertThatThrownBy(() -> check(invalidCreate("html"))).hasMessageStartingWith("(c) an answer on the API's path"
                + " that is not JSON");
    }

    @Test
    void aBodyThatIsNotTheJsonItClaimsFailsC() {
        assertThatThrownBy(() -> check(invalidCreate("not-json"))).hasMessageStartingWith("(c) Content-Type says JSON");
    }

    @Test
    void successForAnInvalidRequestFailsD() {
        assertThatThrownBy(() -> check(invalidCreate("accepts-anything"))).hasMessageStartingWith("(d) success");
    }

    @Test
    void anAnswerBelow400ToARequestHttpSaysToRefuseFailsD() {
        HostileRequest refused = HostileRequest.of("self-test", Route.CREATE, Expect.REFUSED, "POST",
                Api.create("accepts-anything", Api.FIRMWARE), List.of("Content-Type: application/json"),
                Api.VERIFY_BODY.getBytes(StandardCharsets.UTF_8), List.of("claimed refused"));
        HostileRequest lowerCase = HostileRequest.of("self-test", Route.CREATE, Expect.REFUSED, "Post",
                Api.create(Api.ORG, Api.FIRMWARE), List.of("Content-Type: application/json"),
                Api.VERIFY_BODY.getBytes(StandardCharsets.UTF_8), List.of("method Post"));

        assertThatThrownBy(() -> check(refused)).hasMessageStartingWith("(d) an answer below 400 to a request HTTP"
                + " says to refuse");
        check(lowerCase);
    }

    @Test
    void anEmptyAdmin404FailsC() throws Exception {
        HostileRequest unknown = HostileRequest.of("self-test", Route.ADMIN, Expect.INVALID, "GET", "/__admin/nope",
                List.of(), null, List.of("no such admin path"));
        byte[] empty404 = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> againstAServerThatAnswers(empty404, unknown))
                .hasMessageStartingWith("(c) an admin 404 that is not {\"error\": \"...\"}");
        check(unknown);
    }

    @Test
    void http2FramesAndThenSilenceFailB() throws Exception {
        HostileRequest preface = HostileRequest.raw("self-test", Route.CREATE, Expect.REFUSED, Api.JOBS,
                "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), false,
                List.of("HTTP/2 preface"));
        byte[] settingsFrame = {0, 0, 0, 4, 0, 0, 0, 0, 0};

        assertThatThrownBy(() -> againstAServerThatAnswers(settingsFrame, preface))
                .hasMessageStartingWith("(b) no answer within");
        check(preface);
    }

    /**
     * Sends the request to a server on a port of its own that writes {@code answer} and then holds the connection
     * open without a word (closing it after 3 s), and checks the answer with a deadline of 1 s.
     */
    private static void againstAServerThatAnswers(byte[] answer, HostileRequest request) throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[1000]);
                    s.getOutputStream().write(answer);
                    s.getOutputStream().flush();
                    Thread.sleep(3000);
                } catch (IOException | InterruptedException e) {
                    // done
                }
            });
            t.start();
            try {
                Invariants.sendAndCheck(server.getLocalPort(), request, new Tally(), Duration.ofSeconds(1));
            } finally {
                t.interrupt();
                t.join(4000);
            }
        }
    }

    @Test
    void aJobThatDoesNotReadBackFailsE() {
        assertThatThrownBy(() -> check(validCreate("forgets-jobs"))).hasMessageStartingWith("(e) the job created");
    }

    @Test
    void aCloseWithoutAnswerToAWellFramedRequestFailsB() throws Exception {
        try (ServerSocket closer = new ServerSocket(0)) {
            Thread t = new Thread(() -> {
                try (Socket s = closer.accept()) {
                    s.getInputStream().read(new byte[100]);
                } catch (IOException e) {
                    // done
                }
            });
            t.start();
            assertThatThrownBy(() -> Invariants.sendAndCheck(closer.getLocalPort(), validCreate(Api.ORG), new Tally(),
                    Duration.ofSeconds(2))).hasMessageStartingWith("(b) the connection was closed");
            t.join(2000);
        }
        assertThat(mock.port()).isPositive();
    }
}
