import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The cold half of the benchmark: what a test suite sees of a server it has just started. A single-file
 * program (no build step): {@code java bench/ColdClient.java [options] [-- command args...]}.
 *
 * <p>With a command after {@code --} it starts that command (the server) and measures the milliseconds from just
 * before the process is started to the first answered create; without one it measures against a server already
 * running, from its first attempt. Then it sends {@code --requests} more creates one after the other, each once
 * the previous one is answered, on one keep-alive HTTP/1.1 connection (as a test suite does), and reports the
 * latency percentiles of those. A launched server is stopped (and waited for) before the program ends, also when
 * the program is ended by SIGTERM or SIGINT.
 *
 * <p>Before it starts the server it warms its own HTTP client against a stub of its own on loopback, so that the
 * figures are the server's, not the client's cold start, and waits until its own JVM is idle again.
 *
 * <p>Options: {@code --url} the create URL (with its query); {@code --body} a file with the JSON body;
 * {@code --requests N} (default 1000); {@code --expect code0|200}: what counts as an answered create, HTTP 200
 * with an envelope of code 0 (default) or any HTTP 200; {@code --timeout S} (default 60) for the first answered
 * create; {@code --log FILE} for the launched command's output (default: discarded).
 *
 * <p>Prints one line: {@code COLD ready_ms=.. requests=.. errors=.. non_ok=.. p50_ms=.. p90_ms=.. p99_ms=..
 * max_ms=.. attempts=.. pid=..} ({@code pid=0} when attached); {@code non_ok} counts answers that are not what
 * {@code --expect} asks for, {@code errors} requests that got no answer; {@code attempts} is how many creates it
 * took to get the first answered one. Exit status 2 when the server gave no answered create in time.
 */
public final class ColdClient {
    private static final String CODE_0 = "\"code\":0";

    public static void main(String[] args) throws Exception {
        String url = null;
        String bodyFile = null;
        int requests = 1000;
        boolean codeZero = true;
        int timeoutSeconds = 60;
        String log = null;
        List<String> command = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--body" -> bodyFile = args[++i];
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--expect" -> codeZero = switch (args[++i]) {
                    case "code0" -> true;
                    case "200" -> false;
                    default -> throw new IllegalArgumentException("--expect code0 or 200, not " + args[i]);
                };
                case "--timeout" -> timeoutSeconds = Integer.parseInt(args[++i]);
                case "--log" -> log = args[++i];
                case "--" -> {
                    command.addAll(Arrays.asList(args).subList(i + 1, args.length));
                    i = args.length;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (usage: --url URL --body FILE [--requests N] [--expect code0|200] [--timeout S]"
                        + " [--log FILE] [-- command args...])");
            }
        }
        if (url == null || bodyFile == null) {
            throw new IllegalArgumentException("--url and --body are required");
        }
        byte[] body = Files.readAllBytes(Path.of(bodyFile));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        warmUp(client, body);
        // An APIM access token header: Prism enforces the spec's security scheme; ours (auth off) and the
        // baseline ignore it.
        HttpRequest create = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("apim-accesstoken", "bench").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();

        Process server = null;
        long started = System.nanoTime();
        if (!command.isEmpty()) {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(new File(log)));
            started = System.nanoTime();
            server = builder.start();
            Process launched = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(launched)));
        }
        try {
            long deadline = started + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            int attempts = 0;
            long readyNanos = -1;
            while (readyNanos < 0) {
                attempts++;
                try {
                    HttpResponse<String> response = client.send(create, HttpResponse.BodyHandlers.ofString());
                    if (answered(response, codeZero)) {
                        readyNanos = System.nanoTime() - started;
                        break;
                    }
                } catch (ConnectException | HttpConnectTimeoutException e) {
                    // not listening yet
                } catch (IOException e) {
                    // listening, but the connection was closed before an answer (still starting)
                }
                if (server != null && !server.isAlive()) {
                    System.err.println("ColdClient: the server ended (exit status " + server.exitValue()
                            + ") before answering a create");
                    System.exit(2);
                }
                if (System.nanoTime() > deadline) {
                    System.err.println("ColdClient: no answered create within " + timeoutSeconds + " s (" + attempts
                            + " attempts)");
                    System.exit(2);
                }
                Thread.sleep(5);
            }

            long[] latencies = new long[requests];
            int errors = 0;
            int nonOk = 0;
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                try {
                    HttpResponse<String> response = client.send(create, HttpResponse.BodyHandlers.ofString());
                    latencies[i] = System.nanoTime() - t0;
                    if (!answered(response, codeZero)) {
                        nonOk++;
                    }
                } catch (IOException e) {
                    latencies[i] = System.nanoTime() - t0;
                    errors++;
                }
            }
            Arrays.sort(latencies);
            System.out.println(String.format(Locale.ROOT,
                    "COLD ready_ms=%d requests=%d errors=%d non_ok=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f"
                            + " attempts=%d pid=%d",
                    TimeUnit.NANOSECONDS.toMillis(readyNanos), requests, errors, nonOk, percentile(latencies, 50),
                    percentile(latencies, 90), percentile(latencies, 99),
                    requests == 0 ? 0.0 : latencies[requests - 1] / 1e6, attempts,
                    server == null ? 0 : server.pid()));
        } finally {
            if (server != null) {
                stop(server);
            }
        }
    }

    private static boolean answered(HttpResponse<String> response, boolean codeZero) {
        return response.statusCode() == 200 && (!codeZero || response.body().contains(CODE_0));
    }

    /** Nearest rank: the smallest latency with at least {@code p} % of the latencies at or below it, in ms. */
    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0.0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    /** Runs the client's own request path (and its JIT) against a stub of its own, so that it is warm. */
    private static void warmUp(HttpClient client, byte[] body) throws Exception {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // else 40 ms a request (Nagle and delayed ACKs)
        HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] answer = "{\"code\":0,\"msg\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
        stub.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        stub.start();
        try {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + "/warm-up?action=create"))
                    .header("Content-Type", "application/json").header("apim-accesstoken", "bench")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            for (int i = 0; i < 2000; i++) {
                client.send(request, HttpResponse.BodyHandlers.ofString());
            }
        } finally {
            stub.stop(0);
        }
        settle();
    }

    /**
     * Waits (at most 5 s) until this JVM is idle: its compiler threads go on compiling for a few hundred ms after
     * the warm-up, which would take CPU from the server's start.
     */
    private static void settle() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long before = cpuMillis();
        while (System.nanoTime() < deadline) {
            Thread.sleep(100);
            long now = cpuMillis();
            if (now - before <= 10) { // at most one clock tick of CPU in 100 ms
                return;
            }
            before = now;
        }
    }

    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
    }

    /** Stops the launched server and what it started, and waits for it (10 s, then forcibly). */
    private static void stop(Process server) {
        if (!server.isAlive()) {
            return;
        }
        server.descendants().forEach(ProcessHandle::destroy);
        server.destroy();
        try {
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
