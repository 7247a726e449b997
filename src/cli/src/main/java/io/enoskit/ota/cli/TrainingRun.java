package io.enoskit.ota.cli;

import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.OpenApiContract;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The build's training run for the jar's class-data sharing archive ({@code src/cli/target/enos-ota-kit.jsa}, written by
 * {@code -XX:ArchiveClassesAtExit} when this ends): starts the mock as {@code mock} does, sends one request through
 * every operation (its spec examples) and the admin API, and stops. Not a command for users.
 */
public final class TrainingRun {
    private TrainingRun() {
    }

    public static void main(String[] args) throws Exception {
        KitCommand.quietLibraryLogs();
        HttpClient http = HttpClient.newHttpClient();
        try (OtaMockServer mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort())) {
            for (int round = 0; round < 2; round++) {
                for (Operation operation : Operation.values()) {
                    send(http, mock.baseUrl(), operation);
                }
                http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/ota/state")).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        }
        System.exit(0);
    }

    private static void send(HttpClient http, String base, Operation operation) throws Exception {
        io.swagger.v3.oas.models.Operation spec = OpenApiContract.load(operation.document())
                .operation(operation.path(), operation.method()).orElseThrow();
        String url = base + operation.path() + "?action=" + operation.action()
                + "&orgId=yourOrgId&firmwareId=yourFirmwareId&jobId=training";
        MediaType json = spec.getRequestBody() == null ? null
                : spec.getRequestBody().getContent().get("application/json");
        Map<String, Example> examples = json == null || json.getExamples() == null ? Map.of() : json.getExamples();
        String body = examples.isEmpty() ? null : Json.write(examples.values().iterator().next().getValue());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/json");
        request = body == null && operation.method().equals("GET") ? request.GET()
                : request.method(operation.method(), HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
        http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }
}
