package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.enoskit.ota.contract.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The kit sends the Content-Type of the EnOS API convention, {@code application/json;charset=UTF-8} (EnOS API
 * overview, "Request URI"), byte for byte: on the calls of its scenarios, the token service and the removal of its
 * jobs. The server is the JDK's own, which hands over header values as they came.
 */
class ContentTypeOnTheWireTest {
    private static final String ENVELOPE = "{\"code\":0,\"msg\":\"OK\",\"requestId\":\"r-1\",\"data\":null}";

    /** One request as the server saw it: its method, path and every Content-Type header value it carried. */
    record Seen(String method, String path, List<String> contentTypes) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private ConformanceRun run;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        run = new ConformanceRun(new TargetConfig(baseUrl, "yourOrgId", null, "yourFirmwareId", null, null,
                List.of("deviceKey1"), null, true, TargetConfig.Auth.NONE, null, null, Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void everyCallCarriesExactlyTheDocumentedContentType() {
        ConformanceWorld world = new ConformanceWorld(run);
        world.answer(world.request().queryParam("action", "create").queryParam("orgId", "yourOrgId")
                .queryParam("firmwareId", "yourFirmwareId")
                .body(Json.write(JobRequests.minimalUpgrade(List.of("deviceKey1")))).post(ConformanceWorld.JOBS));
        world.answer(world.request().queryParam("action", "get").queryParam("orgId", "yourOrgId")
                .queryParam("jobId", "j-1").get(ConformanceWorld.JOBS));
        run.tokens().requestToken("app-key", "encryption", 1L);
        run.createdJobs().record("yourOrgId", "j-1");
        run.createdJobs().removeAll();

        assertThat(seen).extracting(Seen::path).contains(ConformanceWorld.JOBS, TokenAuthFilter.TOKEN_PATH);
        assertThat(seen).extracting(Seen::method).contains("POST", "GET");
        assertThat(seen).hasSize(5).allSatisfy(request -> assertThat(request.contentTypes())
                .as("Content-Type of %s %s", request.method(), request.path())
                .containsExactly("application/json;charset=UTF-8"));
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = exchange.getRequestHeaders();
        seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                List.copyOf(headers.getOrDefault("Content-Type", List.of()))));
        exchange.getRequestBody().readAllBytes();
        byte[] body = ENVELOPE.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
