package io.enoskit.ota.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy never alters traffic: a request arrives at the target with the client's method, raw path, raw query,
 * headers and body bytes (multipart, gzip, binary), and the target's status, headers and body bytes reach the
 * client as sent. The only differences are the ones HTTP gives each connection: {@code Host} names the target, and
 * hop-by-hop headers are the connection's ({@code Connection}, {@code Transfer-Encoding} and the like). The target
 * is the JDK's own HTTP server, which hands over the bytes as they came.
 */
class ProxyForwardsUnchangedTest {
    /** Headers of the connection, not of the message (RFC 9110, 7.6.1), and what each side's library adds. */
    private static final Set<String> CONNECTION_HEADERS = Set.of("host", "connection", "keep-alive",
            "transfer-encoding", "te", "trailer", "upgrade");
    private final AtomicReference<Received> received = new AtomicReference<>();
    private HttpServer target;
    private Map<String, List<String>> answerHeaders;
    private byte[] answerBody;

    @TempDir
    Path reports;

    record Received(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    }

    @BeforeEach
    void startTarget() throws IOException {
        answerBody = gzip("{\"code\":0,\"msg\":\"OK\",\"requestId\":\"r\",\"data\":null}");
        answerHeaders = new LinkedHashMap<>();
        answerHeaders.put("Content-Type", List.of("application/json;charset=UTF-8"));
        answerHeaders.put("Content-Encoding", List.of("gzip"));
        answerHeaders.put("X-Odd", List.of("a,  b;c=\"d\"  "));
        answerHeaders.put("Set-Cookie", List.of("s=1; Path=/", "t=2; HttpOnly"));
        answerHeaders.put("Access-Control-Allow-Origin", List.of("https://console.example.com"));
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        target.createContext("/", this::answer);
        target.start();
    }

    @AfterEach
    void stopTarget() {
        target.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        received.set(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), lowerCased(exchange.getRequestHeaders()),
                exchange.getRequestBody().readAllBytes()));
        answerHeaders.forEach((name, values) -> values.forEach(value -> exchange.getResponseHeaders().add(name, value)));
        exchange.sendResponseHeaders(207, answerBody.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answerBody);
        }
    }

    @Test
    void aMultipartBodyWithBinaryBytesArrivesAsSent() throws Exception {
        ByteArrayOutputStream multipart = new ByteArrayOutputStream();
        multipart.write(("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fw.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 256; i++) {
            multipart.write(i);
        }
        multipart.write("\r\n--XyZ--\r\n".getBytes(StandardCharsets.US_ASCII));

        assertForwardedUnchanged("POST", "/connect-service/v2.1/ota-firmwares/upload%2Fraw",
                "action=upload&orgId=o%201&name=a+b&c=%E4%BD%A0&empty=&flag", multipart.toByteArray(),
                Map.of("Content-Type", "multipart/form-data; boundary=XyZ", "X-Odd", "  spaced  value ",
                        "apim-accesstoken", "token-value-1", "Authorization", "Bearer abc.def"));
    }

    @Test
    void aGzipBodyArrivesStillGzipped() throws Exception {
        assertForwardedUnchanged("POST", "/connect-service/v2.1/ota-jobs", "action=create&orgId=o1&firmwareId=f1",
                gzip("{\"type\":\"upgrade\"}"), Map.of("Content-Type", "application/json", "Content-Encoding",
                        "gzip", "Accept-Encoding", "gzip"));
    }

    @Test
    void aGetWithoutBodyArrivesAsSent() throws Exception {
        assertForwardedUnchanged("GET", "/connect-service/v2.1/ota-jobs", "action=get&orgId=o1&jobId=%2F..%2F",
                null, Map.of("Accept", "*/*", "X-Request-Id", "abc"));
    }

    private void assertForwardedUnchanged(String method, String rawPath, String rawQuery, byte[] body,
                                          Map<String, String> headers) throws Exception {
        try (ValidatingProxy proxy = ValidatingProxy.start(ProxyOptions.proxyOptions().dynamicPort()
                .target("http://127.0.0.1:" + target.getAddress().getPort()).reportDir(reports));
             HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(proxy.baseUrl() + rawPath + "?" + rawQuery))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);

            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());

            Received atTarget = received.get();
            assertThat(atTarget.method()).isEqualTo(method);
            assertThat(atTarget.rawPath()).isEqualTo(rawPath);
            assertThat(atTarget.rawQuery()).isEqualTo(rawQuery);
            assertThat(atTarget.body()).isEqualTo(body == null ? new byte[0] : body);
            Map<String, List<String>> sent = new TreeMap<>();
            headers.forEach((name, value) -> sent.put(name.toLowerCase(Locale.ROOT), List.of(value.strip())));
            sent.put("user-agent", List.of(client.version() == null ? "" : userAgent()));
            if (body != null) {
                sent.put("content-length", List.of(String.valueOf(body.length)));
            }
            assertThat(withoutConnectionHeaders(atTarget.headers())).as("headers at the target")
                    .isEqualTo(sent);
            assertThat(atTarget.headers().get("host")).containsExactly("127.0.0.1:" + target.getAddress().getPort());

            assertThat(answer.statusCode()).isEqualTo(207);
            assertThat(answer.body()).isEqualTo(answerBody);
            Map<String, List<String>> came = withoutConnectionHeaders(lowerCased(answer.headers().map()));
            came.remove("date");
            came.remove("content-length");
            Map<String, List<String>> expected = new TreeMap<>();
            answerHeaders.forEach((name, values) -> expected.put(name.toLowerCase(Locale.ROOT),
                    values.stream().map(String::strip).toList()));
            assertThat(came).as("headers at the client").isEqualTo(expected);
            assertThat(answer.headers().firstValue("content-length")).contains(String.valueOf(answerBody.length));
        }
    }

    /** The JDK client's own User-Agent, which it adds to every request (the proxy passes it on). */
    private static String userAgent() {
        return "Java-http-client/" + System.getProperty("java.version");
    }

    private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> {
            if (name != null) {
                lower.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                        .addAll(values);
            }
        });
        return lower;
    }

    private static Map<String, List<String>> withoutConnectionHeaders(Map<String, List<String>> headers) {
        Map<String, List<String>> kept = new TreeMap<>(headers);
        kept.keySet().removeIf(CONNECTION_HEADERS::contains);
        return kept;
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
