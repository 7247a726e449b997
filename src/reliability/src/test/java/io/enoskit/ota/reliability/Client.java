package io.enoskit.ota.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/** A well-behaved client (java.net.http) for set-up, read-back and the "normal client" of the load tests. */
final class Client {
    private final HttpClient http;
    private final String base;

    /** An answer: status and body. */
    record Reply(int status, String body, long millis) {
        JsonNode json() {
            try {
                return Api.parse(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + (body.length() > 300
                        ? body.substring(0, 300) + "…" : body), e);
            }
        }
    }

    Client(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    Client(int port) {
        this("http://127.0.0.1:" + port);
    }

    Reply send(String method, String target, String body, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + target)).timeout(timeout);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(b.build(), BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body(), (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + target + " failed after "
                    + (System.nanoTime() - start) / 1_000_000 + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply send(String method, String target, String body) {
        return send(method, target, body, Duration.ofSeconds(10));
    }

    /** A valid create (a verification job on the default firmware); its job id, or fails. */
    String createJob(String org, String firmware) {
        Reply r = send("POST", Api.create(org, firmware), Api.VERIFY_BODY);
        JsonNode json = r.json();
        if (r.status() != 200 || json.path("code").asLong(-1) != 0) {
            throw new AssertionError("a valid create failed: HTTP " + r.status() + " " + r.body());
        }
        return json.path("data").path("jobId").asText();
    }

    String createJob() {
        return createJob(Api.ORG, Api.FIRMWARE);
    }
}
