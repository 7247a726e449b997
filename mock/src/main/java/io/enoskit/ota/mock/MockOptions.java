package io.enoskit.ota.mock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Settings of the mock server, a fluent builder with named defaults: {@code MockOptions.mockOptions().port(0)}.
 */
public final class MockOptions {
    /** TCP port; 0 picks a free one. */
    public static final int DEFAULT_PORT = 8080;
    /** Loopback only, so a mock on a laptop is not reachable from the network unless asked. */
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    /** Where the embedded WireMock root ({@code mappings/} and {@code ota-state.json}) lies on the class path. */
    public static final String EMBEDDED_ROOT = "io/enoskit/ota/stubs";
    /**
     * Requests kept in WireMock's request journal, a count: none by default (the journal costs about a tenth of
     * the mock's throughput, see bench/RESULTS.md); with N, older entries are dropped, so memory stays bounded.
     */
    public static final int DEFAULT_JOURNAL_ENTRIES = 0;
    /**
     * The largest request body accepted, in bytes (1 MiB: room for tens of thousands of device keys). The gateway's
     * own limit is not documented; this one is the mock's, so that a journal of bodies stays bounded.
     */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** Jetty worker threads, a count. */
    public static final int DEFAULT_CONTAINER_THREADS = 16;

    private int port = DEFAULT_PORT;
    private String bindAddress = DEFAULT_BIND_ADDRESS;
    private String rootDir;
    private int journalEntries = DEFAULT_JOURNAL_ENTRIES;
    private int containerThreads = DEFAULT_CONTAINER_THREADS;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private boolean lenient;
    private boolean verbose;
    private GatewayAuth gatewayAuth = GatewayAuth.OFF;
    private final List<Extension> extensions = new ArrayList<>();

    private MockOptions() {
    }

    public static MockOptions mockOptions() {
        return new MockOptions();
    }

    public MockOptions port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
        }
        this.port = port;
        return this;
    }

    public MockOptions dynamicPort() {
        return port(0);
    }

    public MockOptions bindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
        return this;
    }

    /** A WireMock root dir with {@code mappings/} and {@code ota-state.json}; null for the embedded one. */
    public MockOptions rootDir(String rootDir) {
        this.rootDir = rootDir;
        return this;
    }

    /** 0 turns the request journal off. */
    public MockOptions journalEntries(int journalEntries) {
        if (journalEntries < 0) {
            throw new IllegalArgumentException("journal entries must be 0 or more, was " + journalEntries);
        }
        this.journalEntries = journalEntries;
        return this;
    }

    /** Larger bodies are answered with HTTP 413 and 99400. */
    public MockOptions maxBodyBytes(long maxBodyBytes) {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("the body limit must be at least 1 byte, was " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
        return this;
    }

    public MockOptions containerThreads(int containerThreads) {
        this.containerThreads = containerThreads;
        return this;
    }

    /** Accept unknown body fields instead of answering 99400. */
    public MockOptions lenient(boolean lenient) {
        this.lenient = lenient;
        return this;
    }

    /** Log every request and stub match (WireMock's verbose notifier). */
    public MockOptions verbose(boolean verbose) {
        this.verbose = verbose;
        return this;
    }

    /** Gateway authentication of API calls ({@link GatewayAuth}); off by default. */
    public MockOptions gatewayAuth(GatewayAuth gatewayAuth) {
        this.gatewayAuth = java.util.Objects.requireNonNull(gatewayAuth, "gatewayAuth");
        return this;
    }

    public GatewayAuth gatewayAuth() {
        return gatewayAuth;
    }

    /**
     * WireMock extensions of your own (request filters, response transformers, listeners), loaded before the
     * mock's: a request filter given here sees each request before the mock's gateway authentication does.
     */
    public MockOptions extensions(Extension... more) {
        extensions.addAll(List.of(more));
        return this;
    }

    public int port() {
        return port;
    }

    public String bindAddress() {
        return bindAddress;
    }

    public String rootDir() {
        return rootDir;
    }

    public boolean lenient() {
        return lenient;
    }

    /** True when the mock serves the embedded root (no root dir given). */
    public boolean rootDirOnClasspath() {
        return rootDir == null;
    }

    /** The extension factory these options stand for (one per server: it builds the server's state). */
    OtaMockExtensions extensions() {
        return new OtaMockExtensions(lenient, maxBodyBytes, gatewayAuth);
    }

    /**
     * The WireMock configuration these options stand for.
     *
     * @throws IllegalArgumentException when a root dir other than the default does not exist
     */
    WireMockConfiguration toWireMockConfiguration(OtaMockExtensions extensions) {
        WireMockConfiguration config = wireMockConfig()
                .port(port)
                .bindAddress(bindAddress)
                .containerThreads(containerThreads)
                .jettyAcceptors(1)
                .stubCorsEnabled(true)
                .notifier(new ConsoleNotifier(verbose))
                .extensions(this.extensions.toArray(Extension[]::new))
                .extensions(extensions)
                .httpServerFactory(new EnvelopeHttpServerFactory());
        if (rootDirOnClasspath()) {
            config.usingFilesUnderClasspath(EMBEDDED_ROOT);
        } else if (Files.isDirectory(Path.of(rootDir, "mappings"))) {
            config.usingFilesUnderDirectory(Path.of(rootDir).toAbsolutePath().toString());
        } else if (Files.isDirectory(Path.of(rootDir))) {
            throw new IllegalArgumentException("root dir " + rootDir + " has no mappings/ folder (copy stubs/ to"
                    + " start from)");
        } else {
            throw new IllegalArgumentException("root dir " + rootDir + " does not exist");
        }
        if (journalEntries == 0) {
            config.disableRequestJournal();
        } else {
            config.maxRequestJournalEntries(journalEntries);
        }
        return config;
    }
}
