package io.enoskit.ota.mock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.common.NetworkAddressRules;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.security.TokenAuthenticator;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
     * The largest request body accepted, in bytes, as sent and once decoded (1 MiB: room for tens of thousands of
     * device keys). The gateway's own limit is not documented; this one is the mock's.
     */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    /** How long a request body may take to arrive, in seconds; a slower one is answered HTTP 408. */
    public static final int DEFAULT_BODY_TIMEOUT_SECONDS = 10;
    /** {@link #DEFAULT_BODY_TIMEOUT_SECONDS} as a duration. */
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(DEFAULT_BODY_TIMEOUT_SECONDS);
    /** Jetty worker threads, a count. Bodies are read without holding one, so slow clients do not use them up. */
    public static final int DEFAULT_CONTAINER_THREADS = 32;
    /**
     * Jobs kept at most, a count (about 1 KiB of heap each without device tasks): past it, the oldest stopped jobs
     * are dropped first, then the oldest of any status.
     */
    public static final int DEFAULT_MAX_JOBS = 20_000;

    private int port = DEFAULT_PORT;
    private String bindAddress = DEFAULT_BIND_ADDRESS;
    private String rootDir;
    private int journalEntries = DEFAULT_JOURNAL_ENTRIES;
    private int containerThreads = DEFAULT_CONTAINER_THREADS;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private Duration bodyTimeout = DEFAULT_BODY_TIMEOUT;
    private int maxJobs = DEFAULT_MAX_JOBS;
    private Duration taskPace = Duration.ofSeconds(io.enoskit.ota.domain.Simulation.DEFAULT_PACE_SECONDS);
    private double taskFailureShare;
    private Path stateFile;
    private boolean frozenClock;
    private boolean lenient;
    private boolean verbose;
    private boolean exitOnOutOfMemory;
    private GatewayAuth gatewayAuth = GatewayAuth.OFF;
    private String adminToken;
    private final List<String> allowedProxyTargets = new ArrayList<>();
    private final List<Extension> extensions = new ArrayList<>();
    private final List<FaultRule> faultRules = new ArrayList<>();

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

    /** The address to listen on; anything but loopback needs an {@link #adminToken(String)}. */
    public MockOptions bindAddress(String bindAddress) {
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
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

    /** Larger bodies (as sent or decoded) are answered with HTTP 413 and 99400. */
    public MockOptions maxBodyBytes(long maxBodyBytes) {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("the body limit must be at least 1 byte, was " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
        return this;
    }

    /** A body that takes longer to arrive is answered with HTTP 408 and 99400. */
    public MockOptions bodyTimeout(Duration bodyTimeout) {
        if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalArgumentException("the body timeout must be positive, was " + bodyTimeout);
        }
        this.bodyTimeout = bodyTimeout;
        return this;
    }

    public MockOptions containerThreads(int containerThreads) {
        if (containerThreads < 4) {
            throw new IllegalArgumentException("container threads must be at least 4, was " + containerThreads);
        }
        this.containerThreads = containerThreads;
        return this;
    }

    /** The most jobs kept; past it the oldest stopped jobs are dropped first. */
    public MockOptions maxJobs(int maxJobs) {
        if (maxJobs < 1) {
            throw new IllegalArgumentException("max jobs must be at least 1, was " + maxJobs);
        }
        this.maxJobs = maxJobs;
        return this;
    }

    /**
     * How long each step of a simulated device task takes on the job's running time (default
     * {@value io.enoskit.ota.domain.Simulation#DEFAULT_PACE_SECONDS} s): published, upgrading, progress 25, 50, 75,
     * succeeded. Tests move the clock instead of waiting ({@link OtaMockServer#advanceClock(Duration)}).
     */
    public MockOptions taskPace(Duration taskPace) {
        if (taskPace.isNegative() || taskPace.isZero()) {
            throw new IllegalArgumentException("the task pace must be positive, was " + taskPace);
        }
        this.taskPace = taskPace;
        return this;
    }

    /**
     * The share of task attempts that fail, 0 to 1 (default 0), on devices the state file gives no outcomes of their
     * own.
     */
    public MockOptions taskFailureShare(double taskFailureShare) {
        if (!(taskFailureShare >= 0 && taskFailureShare <= 1)) {
            throw new IllegalArgumentException("the task failure share must be from 0 to 1, was " + taskFailureShare);
        }
        this.taskFailureShare = taskFailureShare;
        return this;
    }

    /**
     * Keeps the state in a file: loaded at start when it exists, saved within a second of each change and at
     * shutdown, written atomically (a temporary file renamed over it). Null (the default): memory only.
     */
    public MockOptions stateFile(Path stateFile) {
        this.stateFile = stateFile;
        return this;
    }

    /**
     * Starts the simulation clock frozen: real time does not move device tasks, only
     * {@link OtaMockServer#advanceClock(Duration)} and the admin route do, so a test sees exactly the steps it asks
     * for however slow the machine ({@code createTime} of jobs created between two advances is then the same).
     */
    public MockOptions frozenClock(boolean frozenClock) {
        this.frozenClock = frozenClock;
        return this;
    }

    public boolean frozenClock() {
        return frozenClock;
    }

    /** The state file, or null. */
    public Path stateFile() {
        return stateFile;
    }

    public Duration taskPace() {
        return taskPace;
    }

    public double taskFailureShare() {
        return taskFailureShare;
    }

    /** Accept unknown body fields and query parameters instead of answering 99400. */
    public MockOptions lenient(boolean lenient) {
        this.lenient = lenient;
        return this;
    }

    /** Log every request and stub match (WireMock's verbose notifier); access tokens are masked. */
    public MockOptions verbose(boolean verbose) {
        this.verbose = verbose;
        return this;
    }

    /**
     * Stop the JVM with exit status 1 and a message on an {@code OutOfMemoryError} rather than go on answering
     * nothing (the executable sets it; a library in someone's test JVM should not).
     */
    public MockOptions exitOnOutOfMemory(boolean exitOnOutOfMemory) {
        this.exitOnOutOfMemory = exitOnOutOfMemory;
        return this;
    }

    /** Gateway authentication of API calls ({@link GatewayAuth}); off by default. */
    public MockOptions gatewayAuth(GatewayAuth gatewayAuth) {
        this.gatewayAuth = Objects.requireNonNull(gatewayAuth, "gatewayAuth");
        return this;
    }

    /**
     * A token the admin API then requires ({@code Authorization: Token <token>}, WireMock's token authenticator);
     * required when the mock listens on anything but loopback.
     */
    public MockOptions adminToken(String adminToken) {
        this.adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken;
        return this;
    }

    /**
     * Hosts or addresses a stub mapping may proxy to (WireMock's expressions: {@code 10.1.2.3},
     * {@code 10.0.0.1-10.0.0.9}, {@code *.example.com}); none by default, so nobody can make the mock fetch a URL.
     */
    public MockOptions allowProxyTargets(List<String> targets) {
        allowedProxyTargets.addAll(targets);
        return this;
    }

    /** Fault and delay rules in force from the start ({@link FaultRule}); a reset clears them. */
    public MockOptions faults(FaultRule... rules) {
        faultRules.addAll(List.of(rules));
        return this;
    }

    List<FaultRule> faultRules() {
        return List.copyOf(faultRules);
    }

    /**
     * WireMock extensions of your own (request filters, response transformers, listeners), loaded before the
     * mock's: a request filter given here sees each request before the mock's gateway authentication does.
     */
    public MockOptions extensions(Extension... more) {
        extensions.addAll(List.of(more));
        return this;
    }

    /** The names of the extensions given with {@link #extensions(Extension...)}. */
    List<String> extensionNames() {
        return extensions.stream().map(Extension::getName).toList();
    }

    public GatewayAuth gatewayAuth() {
        return gatewayAuth;
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

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    public Duration bodyTimeout() {
        return bodyTimeout;
    }

    public int maxJobs() {
        return maxJobs;
    }

    public boolean exitOnOutOfMemory() {
        return exitOnOutOfMemory;
    }

    /** The admin token, or null when the admin API is open. */
    String adminToken() {
        return adminToken;
    }

    /** True when an admin token protects the admin API. */
    public boolean adminTokenSet() {
        return adminToken != null;
    }

    /** True when the mock serves the embedded root (no root dir given). */
    public boolean rootDirOnClasspath() {
        return rootDir == null;
    }

    /** True when the bind address is a loopback address (only this machine can reach the mock). */
    public boolean loopbackOnly() {
        try {
            return InetAddress.getByName(bindAddress).isLoopbackAddress();
        } catch (UnknownHostException unknown) {
            throw new IllegalArgumentException("bind address " + bindAddress + " is not an address of this machine");
        }
    }

    /** The extension factory these options stand for (one per server: it builds the server's state). */
    OtaMockExtensions extensions() {
        return new OtaMockExtensions(lenient, gatewayAuth, maxJobs,
                new io.enoskit.ota.domain.Simulation(taskPace, taskFailureShare, 0));
    }

    /**
     * The WireMock configuration these options stand for.
     *
     * @throws IllegalArgumentException when the root dir does not exist, or the mock would listen beyond loopback
     *                                  with an open admin API
     */
    WireMockConfiguration toWireMockConfiguration(OtaMockExtensions factory) {
        if (!loopbackOnly() && adminToken == null) {
            throw new IllegalArgumentException("listening on " + bindAddress + " (not loopback) lets other machines"
                    + " reach the admin API, which can read and reset every job: give it a token with --admin-token");
        }
        NetworkAddressRules.Builder proxyTargets = NetworkAddressRules.builder();
        if (allowedProxyTargets.isEmpty()) {
            proxyTargets.deny("0.0.0.0-255.255.255.255").deny("*");
        } else {
            allowedProxyTargets.forEach(proxyTargets::allow);
        }
        WireMockConfiguration config = wireMockConfig()
                .port(port)
                .bindAddress(bindAddress)
                .containerThreads(containerThreads)
                .jettyAcceptors(1)
                .stubCorsEnabled(true)
                .limitProxyTargets(proxyTargets.build())
                .notifier(new MaskingNotifier(new ConsoleNotifier(verbose)))
                // WireMock formats every request for the notifier unless told not to; without --verbose nobody
                // reads it (about a tenth of the time per request went to formatting and masking it)
                .stubRequestLoggingDisabled(!verbose)
                .extensions(extensions.toArray(Extension[]::new))
                .extensions(factory)
                .httpServerFactory(new EnvelopeHttpServerFactory(this));
        if (adminToken != null) {
            config.adminAuthenticator(new TokenAuthenticator(adminToken));
        }
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
