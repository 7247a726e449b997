package io.enoskit.ota.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the integration tests read from a kit process they started (the jar or its launcher). */
final class KitProcesses {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private KitProcesses() {
    }

    /**
     * The base URL a mock or proxy prints once it listens ("... listening on http://127.0.0.1:PORT"); its later
     * output is drained on a daemon thread so that the process never blocks on a full pipe.
     *
     * @throws AssertionError when the process ends its output without listening, with what it printed
     */
    static String baseUrlOf(Process server) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            seen.append(line).append('\n');
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                Thread drain = new Thread(() -> lines.lines().forEach(ignored -> { }));
                drain.setDaemon(true);
                drain.start();
                return listening.group(1);
            }
        }
        throw new AssertionError("the mock did not start: " + seen);
    }
}
