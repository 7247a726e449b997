package io.enoskit.ota.mock;

import static io.enoskit.ota.mock.RunningMock.JOBS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The request line read as RFC 9110 and RFC 9112 write it, over a raw socket (no client library sends these): the
 * method and the version are case-sensitive, so {@code Post} and {@code http/1.1} are refused with HTTP 400 and the
 * envelope, never served as {@code POST} and {@code HTTP/1.1}; and the HTTP/2 preface, which this HTTP/1.1 server
 * does not speak, is answered at once.
 */
class RequestLineHttpTest {
    private static final String CREATE = JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId";
    private static final String GET = JOBS + "?action=get&orgId=yourOrgId&jobId=5ee1a91029b990001b9c188e";
    private static final String VERIFY = "{\"type\":\"verify\",\"upgradeScope\":{\"type\":\"partial\","
            + "\"deviceKeys\":[\"deviceKey1\"]}}";

    @BeforeEach
    void resetState() {
        RunningMock.reset();
    }

    private static String create(String method, String version) {
        return method + " " + CREATE + " " + version + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + VERIFY.length() + "\r\n\r\n" + VERIFY;
    }

    private static RawHttp.Answer send(String request) throws IOException {
        return RawHttp.sendBytes(RunningMock.get().port(), request.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aMethodSpelledInAnotherCaseIs400AndCreatesNothing() throws IOException {
        for (String method : new String[] {"Post", "post", "pOST"}) {
            RawHttp.Answer answer = send(create(method, "HTTP/1.1"));

            assertThat(answer.status()).as(method).isEqualTo(400);
            assertThat(answer.body()).as(method).contains("\"code\":99400")
                    .contains("Invalid Argument request: the method '" + method + "' is not 'POST': HTTP methods are"
                            + " case-sensitive (RFC 9110 section 9.1)");
        }
        RawHttp.Answer get = send("get " + GET + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");

        assertThat(get.status()).isEqualTo(400);
        assertThat(get.body()).contains("the method 'get' is not 'GET'").doesNotContain("24404");
        RunningMock.admin().get("/orgs/yourOrgId/jobs").then().body("jobs.size()", equalTo(0));
    }

    @Test
    void aVersionSpelledInAnotherCaseIs400() throws IOException {
        for (String version : new String[] {"http/1.1", "Http/1.1", "HTTp/1.1", "http/1.0"}) {
            RawHttp.Answer answer = send(create("POST", version));

            assertThat(answer.status()).as(version).isEqualTo(400);
            assertThat(answer.body()).as(version).contains("\"code\":99400")
                    .contains("Invalid Argument request: the HTTP version '" + version + "' is not '"
                            + version.toUpperCase(Locale.ROOT) + "': it is case-sensitive (RFC 9112 section"
                            + " 2.3)")
                    .doesNotContain("<html").doesNotContain("at org.");
        }
        RunningMock.admin().get("/orgs/yourOrgId/jobs").then().body("jobs.size()", equalTo(0));
    }

    @Test
    void theExactSpellingsAreStillServed() throws IOException {
        RawHttp.Answer http11 = send(create("POST", "HTTP/1.1"));
        RawHttp.Answer http10 = send(create("POST", "HTTP/1.0"));

        assertThat(http11.status()).isEqualTo(200);
        assertThat(http11.body()).contains("\"code\":0");
        assertThat(http10.body()).contains("\"code\":0");
    }

    @Test
    void eachRequestOnAKeepAliveConnectionIsHeldToTheRule() throws IOException {
        String valid = "GET " + GET + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        String wrong = "Get " + GET + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

        String answers = exchange((valid + wrong).getBytes(StandardCharsets.ISO_8859_1), Duration.ofSeconds(10));

        assertThat(answers).startsWith("HTTP/1.1 200").contains("\"code\":24404")
                .contains("HTTP/1.1 400").contains("the method 'Get' is not 'GET'");
    }

    @Test
    void theHttp2PrefaceIsAnsweredAtOnce() throws IOException {
        long started = System.nanoTime();
        String answer = exchange("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                Duration.ofSeconds(5));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(answer).startsWith("HTTP/1.1 426 ").contains("\"code\":99400")
                .contains("Invalid Argument request: HTTP/2 is not served here (HTTP 426); send HTTP/1.1");
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    /** Sends the bytes (the sending side left open) and reads until the server closes, or the deadline. */
    private static String exchange(byte[] request, Duration deadline) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RunningMock.get().port())) {
            socket.setSoTimeout((int) deadline.toMillis());
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    all.write(buffer, 0, read);
                    if (all.toString(StandardCharsets.ISO_8859_1).contains("\"code\":99400")) {
                        break; // the second answer of the keep-alive exchange: the server may keep it open
                    }
                }
            } catch (SocketTimeoutException silent) {
                return all.toString(StandardCharsets.ISO_8859_1) + "<no close within " + deadline.toSeconds()
                        + " s>";
            }
            return all.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
