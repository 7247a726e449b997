package io.enoskit.ota.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the integration tests read from a kit process they started (the jar or its launcher). */
final class KitProcesses {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private KitProcesses() {
    }

    /**
     * The base URL a mock or proxy prints once it listens ("... listening on http://127.0.0.1:PORT").
     *
     * @throws AssertionError when the process ends its output without listening, with what it printed
     */
    static String baseUrlOf(Process server) throws IOException {
        List<String> lines = linesUntilListening(server);
        Matcher listening = LISTENING.matcher(lines.getLast());
        listening.find();
        return listening.group(1);
    }

    /**
     * What a mock or proxy printed up to its "listening on" line (the last one returned). Its later output is
     * drained on a daemon thread so that the process never blocks on a full pipe.
     *
     * @throws AssertionError when the process ends its output without listening, with what it printed
     */
    static List<String> linesUntilListening(Process server) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            seen.add(line);
            if (LISTENING.matcher(line).find()) {
                Thread drain = new Thread(() -> lines.lines().forEach(ignored -> { }));
                drain.setDaemon(true);
                drain.start();
                return seen;
            }
        }
        throw new AssertionError("the mock did not start: " + String.join("\n", seen));
    }

    /** Create OTA Job (org yourOrgId, firmware yourFirmwareId, one device of the default state): the answer's text. */
    static HttpResponse<String> createJob(HttpClient http, String baseUrl) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl
                        + "/connect-service/v2.1/ota-jobs?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"upgrade\",\"upgradePolicy\":"
                        + "\"snapshot\",\"enableUpgradeRequest\":true,\"upgradeScope\":{\"type\":\"partial\","
                        + "\"deviceKeys\":[\"deviceKey1\"]}}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
