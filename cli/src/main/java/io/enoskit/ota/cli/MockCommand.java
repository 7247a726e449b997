package io.enoskit.ota.cli;

import io.enoskit.ota.contract.Json;
import io.enoskit.ota.mock.GatewayAuth;
import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mock}: runs the stateful mock until Ctrl-C, printing its base URL and a curl line that works. */
@Command(name = "mock", mixinStandardHelpOptions = true,
        description = "Start the stateful mock of the EnOS OTA job API (Create OTA Job, Get OTA Job).")
final class MockCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + MockOptions.DEFAULT_PORT,
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind-address", paramLabel = "ADDRESS", defaultValue = MockOptions.DEFAULT_BIND_ADDRESS,
            description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    String bindAddress;

    @Option(names = "--root-dir", paramLabel = "DIR",
            description = "WireMock root dir with mappings/ and ota-state.json (default: the copy inside the jar,"
                    + " made from the project's stubs/).")
    String rootDir;

    @Option(names = "--lenient",
            description = "Accept unknown body fields instead of answering 99400.")
    boolean lenient;

    @Option(names = "--verbose", description = "Log every request WireMock receives.")
    boolean verbose;

    @Option(names = "--journal-entries", paramLabel = "COUNT",
            defaultValue = "" + MockOptions.DEFAULT_JOURNAL_ENTRIES,
            description = "Requests kept in WireMock's request journal (GET /__admin/requests); 0 = off"
                    + " (default: ${DEFAULT-VALUE}).")
    int journalEntries;

    @Option(names = "--max-body-bytes", paramLabel = "BYTES",
            defaultValue = "" + MockOptions.DEFAULT_MAX_BODY_BYTES,
            description = "Largest request body accepted; larger ones get HTTP 413 and 99400 (default: ${DEFAULT-VALUE}).")
    long maxBodyBytes;

    @Option(names = "--auth", paramLabel = "MODE", defaultValue = "off",
            converter = GatewayAuthConverter.class,
            description = "Gateway authentication of API calls: off; required (tokens from"
                    + " POST /apim-token-service/v2.0/token/get, keys in the state file's apps, signed calls, all"
                    + " verified); enos-client (as required, and the official EnOS Java client let through by the"
                    + " shape of its token, which no mock can verify) (default: ${DEFAULT-VALUE}).")
    GatewayAuth auth;

    /** {@code off}, {@code required}, {@code enos-client}. */
    static final class GatewayAuthConverter implements picocli.CommandLine.ITypeConverter<GatewayAuth> {
        @Override
        public GatewayAuth convert(String value) {
            try {
                return GatewayAuth.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not one of off, required, enos-client");
            }
        }
    }

    @Spec
    CommandSpec spec;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile OtaMockServer running;

    @Override
    public Integer call() throws InterruptedException {
        MockOptions options = MockOptions.mockOptions()
                .port(port)
                .bindAddress(bindAddress)
                .rootDir(rootDir)
                .lenient(lenient)
                .verbose(verbose)
                .journalEntries(journalEntries)
                .maxBodyBytes(maxBodyBytes)
                .gatewayAuth(auth);
        Thread hook = new Thread(this::stopAndWait, "enos-ota-mock-shutdown");
        try (OtaMockServer mock = OtaMockServer.start(options)) {
            running = mock;
            Runtime.getRuntime().addShutdownHook(hook);
            printBanner(spec.commandLine().getOut(), mock, options);
            stopRequested.await();
        } finally {
            running = null;
            stopped.countDown();
            removeHook(hook);
        }
        return 0;
    }

    /** The running server, or null before start and after stop (for tests in the same JVM). */
    OtaMockServer running() {
        return running;
    }

    /** Asks a running {@link #call()} to stop the server and return. */
    void stop() {
        stopRequested.countDown();
    }

    private void stopAndWait() {
        stop();
        try {
            stopped.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping: the hook is running or has run
        }
    }

    static void printBanner(PrintWriter out, OtaMockServer mock, MockOptions options) {
        String base = mock.baseUrl();
        String root = options.rootDirOnClasspath()
                ? "the copy inside the jar"
                : Path.of(options.rootDir()).toAbsolutePath().normalize().toString();
        out.println("EnOS OTA mock listening on " + base);
        out.println("  stub mappings and default state: " + root);
        out.println("  unknown body fields: " + (options.lenient() ? "accepted (--lenient)" : "rejected with 99400"));
        out.println("  gateway authentication: " + switch (options.gatewayAuth()) {
            case OFF -> "off";
            case REQUIRED -> "required (token service at " + base + "/apim-token-service/v2.0/token/get)";
            case ENOS_CLIENT -> "required, and the EnOS Java client's unverifiable tokens let through";
        });
        out.println("  admin API: " + base + "/__admin/ota/state");
        out.println("Try:");
        out.println("  " + sampleCurl(base));
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    /** A curl line creating an upgrade job on the default state's firmware. */
    static String sampleCurl(String base) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "upgrade");
        body.put("upgradePolicy", "snapshot");
        body.put("enableUpgradeRequest", true);
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("type", "partial");
        scope.put("deviceKeys", List.of("deviceKey1"));
        body.put("upgradeScope", scope);
        return "curl -s -X POST '" + base
                + "/connect-service/v2.1/ota-jobs?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId'"
                + " -H 'Content-Type: application/json' -d '" + Json.write(body) + "'";
    }
}
