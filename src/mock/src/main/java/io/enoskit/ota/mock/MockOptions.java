package io.enoskit.ota.mock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.common.NetworkAddressRules;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.security.TokenAuthenticator;
import com.fasterxml.jackson.databind.node.TextNode;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.domain.Simulation;
import io.enoskit.ota.profile.BehaviourProfile;
import io.enoskit.ota.profile.ProfileLayer;
import io.enoskit.ota.profile.Setting;
import io.enoskit.ota.profile.SettingSource;
import io.enoskit.ota.profile.SettingValue;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
    /**
     * The largest firmware upload (a Create Firmware File multipart body) accepted, in bytes, by default (64 MiB: a
     * device firmware image of tens of megabytes). The gateway's own limit is not documented; this one is the mock's.
     */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 64L * 1024 * 1024;
    /** How long a request body may take to arrive, in seconds; a slower one is answered HTTP 408. */
    public static final int DEFAULT_BODY_TIMEOUT_SECONDS = 10;
    /** {@link #DEFAULT_BODY_TIMEOUT_SECONDS} as a duration. */
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(DEFAULT_BODY_TIMEOUT_SECONDS);
    /** Jetty worker threads, a count. Bodies are read without holding one, so slow clients do not use them up. */
    public static final int DEFAULT_CONTAINER_THREADS = 32;
    /**
     * Jobs kept at most, a count (about 1 KiB of heap each without device tasks): past it, the oldest stopped jobs
     * are dropped first, then the oldest of any status. The store's own default.
     */
    public static final int DEFAULT_MAX_JOBS = OtaStore.DEFAULT_MAX_JOBS;
    /** Bytes the uploaded firmware files may take on disk when no limit is given (256 MiB). */
    public static final long DEFAULT_FIRMWARE_STORE_BYTES = 256L * 1024 * 1024;

    // The ranges each setting accepts, in one place: the builder methods refuse values outside them and the
    // command line shows them in its help (compile-time constants, so annotations can use them).
    /** The lowest {@link #port(int)}, which picks a free port. */
    public static final int PORT_FROM = 0;
    /** The highest {@link #port(int)}: TCP has 16-bit ports. */
    public static final int PORT_TO = 65_535;
    /** The fewest {@link #journalEntries(int)}: none, the journal off. */
    public static final int JOURNAL_ENTRIES_FROM = 0;
    /** The smallest {@link #maxBodyBytes(long)}, in bytes. */
    public static final long MAX_BODY_BYTES_FROM = 1;
    /** The largest {@link #maxBodyBytes(long)}, in bytes: the largest byte array a JVM allocates, which holds it. */
    public static final long MAX_BODY_BYTES_TO = Integer.MAX_VALUE - 8;
    /** The shortest {@link #bodyTimeout(Duration)}, in milliseconds (Jetty's unit). */
    public static final long BODY_TIMEOUT_MILLIS_FROM = 1;
    /** The longest {@link #bodyTimeout(Duration)}, in seconds: a day. */
    public static final long BODY_TIMEOUT_SECONDS_TO = 86_400;
    /**
     * The fewest {@link #containerThreads(int)}: Jetty's acceptor, its selector and a reserved thread need threads of
     * their own, and one must be left to serve; with 4 Jetty refuses to start (tried with 1, 2, 16 and 64 CPUs).
     */
    public static final int CONTAINER_THREADS_FROM = 5;
    /** The fewest {@link #maxJobs(int)}. */
    public static final int MAX_JOBS_FROM = 1;
    /** The smallest {@link #firmwareStoreBytes(long)}, in bytes. */
    public static final long FIRMWARE_STORE_BYTES_FROM = 1;
    /** The largest {@link #firmwareStoreBytes(long)}, in bytes (1 TiB). */
    public static final long FIRMWARE_STORE_BYTES_TO = 1L << 40;
    /** The shortest {@link #taskPace(Duration)}, in milliseconds (the simulation clock's unit). */
    public static final long TASK_PACE_MILLIS_FROM = 1;
    /** The longest {@link #taskPace(Duration)}, in seconds: a day. */
    public static final long TASK_PACE_SECONDS_TO = 86_400;
    /** The lowest {@link #taskFailureShare(double)}: no attempt fails. */
    public static final double TASK_FAILURE_SHARE_FROM = 0;
    /** The highest {@link #taskFailureShare(double)}: every attempt fails. */
    public static final double TASK_FAILURE_SHARE_TO = 1;

    private int port = DEFAULT_PORT;
    private String bindAddress = DEFAULT_BIND_ADDRESS;
    private String rootDir;
    private int journalEntries = DEFAULT_JOURNAL_ENTRIES;
    private int containerThreads = DEFAULT_CONTAINER_THREADS;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
    private Duration bodyTimeout = DEFAULT_BODY_TIMEOUT;
    private int maxJobs = DEFAULT_MAX_JOBS;
    private long firmwareStoreBytes = DEFAULT_FIRMWARE_STORE_BYTES;
    private Duration taskPace = Duration.ofSeconds(Simulation.DEFAULT_PACE_SECONDS);
    private double taskFailureShare;
    private Path stateFile;
    private boolean frozenClock;
    /** The layer {@link #lenient(boolean)} stacks on the profile. */
    private static final ProfileLayer LENIENT = ProfileLayer.of("--lenient", "unknown body fields and query"
            + " parameters let through", List.of(new SettingValue(Setting.UNKNOWN_FIELDS, TextNode.valueOf("ignore"),
            SettingSource.inferred("the mock was started lenient (--lenient, MockOptions.lenient)"), "--lenient")));
    private boolean lenient;
    private BehaviourProfile profile = BehaviourProfile.defaults();
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

    /**
     * The TCP port, {@value #PORT_FROM} to {@value #PORT_TO}; 0 picks a free one.
     *
     * @throws MockOptionException outside that range
     */
    public MockOptions port(int port) {
        this.port = ListenAddress.port(port, MockOptionException::new);
        return this;
    }

    public MockOptions dynamicPort() {
        return port(0);
    }

    /**
     * The address to listen on, an IP address or a name that resolves to one; anything but loopback needs an
     * {@link #adminToken(String)}.
     *
     * @throws MockOptionException when the name does not resolve
     */
    public MockOptions bindAddress(String bindAddress) {
        resolve(Objects.requireNonNull(bindAddress, "bindAddress"));
        this.bindAddress = bindAddress;
        return this;
    }

    private static InetAddress resolve(String bindAddress) {
        return ListenAddress.resolve(bindAddress, MockOptionException::new);
    }

    /**
     * A WireMock root dir with {@code mappings/} and {@code ota-state.json}; null for the embedded one.
     *
     * @throws MockOptionException when it does not exist, is a file, or has no {@code mappings/} folder
     */
    public MockOptions rootDir(String rootDir) {
        if (rootDir != null) {
            String rule = "must be a folder with mappings/ and ota-state.json in it: " + rootDir;
            Path dir = path("rootDir", rule, rootDir);
            if (!Files.exists(dir)) {
                throw new MockOptionException("rootDir", rule + " does not exist");
            }
            if (!Files.isDirectory(dir)) {
                throw new MockOptionException("rootDir", rule + " is a file");
            }
            if (!Files.isDirectory(dir.resolve("mappings"))) {
                throw new MockOptionException("rootDir", rule + " has no mappings/ folder (copy the kit's stubs/ to"
                        + " start from)");
            }
        }
        this.rootDir = rootDir;
        return this;
    }

    private static Path path(String setting, String rule, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException invalid) {
            throw new MockOptionException(setting, rule + " is not a path (" + invalid.getReason() + ")");
        }
    }

    /**
     * Requests kept in WireMock's request journal, at least {@value #JOURNAL_ENTRIES_FROM}; 0 turns it off.
     *
     * @throws MockOptionException below that
     */
    public MockOptions journalEntries(int journalEntries) {
        if (journalEntries < JOURNAL_ENTRIES_FROM) {
            throw atLeast("journalEntries", JOURNAL_ENTRIES_FROM, journalEntries);
        }
        this.journalEntries = journalEntries;
        return this;
    }

    /**
     * The largest request body, in bytes, {@value #MAX_BODY_BYTES_FROM} to {@value #MAX_BODY_BYTES_TO}; larger
     * bodies (as sent or decoded) are answered with HTTP 413 and 99400.
     *
     * @throws MockOptionException outside that range
     */
    public MockOptions maxBodyBytes(long maxBodyBytes) {
        if (maxBodyBytes < MAX_BODY_BYTES_FROM || maxBodyBytes > MAX_BODY_BYTES_TO) {
            throw outOfRange("maxBodyBytes", MAX_BODY_BYTES_FROM, MAX_BODY_BYTES_TO, maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
        return this;
    }

    /**
     * The largest firmware upload (a {@code multipart/*} body: Create Firmware File), in bytes,
     * {@value #MAX_BODY_BYTES_FROM} to {@value #MAX_BODY_BYTES_TO}; larger uploads are answered with HTTP 413 and
     * 99400. Every other body keeps {@link #maxBodyBytes(long)}.
     *
     * @throws MockOptionException outside that range
     */
    public MockOptions maxUploadBytes(long maxUploadBytes) {
        if (maxUploadBytes < MAX_BODY_BYTES_FROM || maxUploadBytes > MAX_BODY_BYTES_TO) {
            throw outOfRange("maxUploadBytes", MAX_BODY_BYTES_FROM, MAX_BODY_BYTES_TO, maxUploadBytes);
        }
        this.maxUploadBytes = maxUploadBytes;
        return this;
    }

    /**
     * How long a body may take to arrive, {@value #BODY_TIMEOUT_MILLIS_FROM} ms to {@value #BODY_TIMEOUT_SECONDS_TO}
     * s; a slower one is answered with HTTP 408 and 99400.
     *
     * @throws MockOptionException outside that range (the message gives seconds)
     */
    public MockOptions bodyTimeout(Duration bodyTimeout) {
        this.bodyTimeout = within("bodyTimeout", BODY_TIMEOUT_MILLIS_FROM, BODY_TIMEOUT_SECONDS_TO, bodyTimeout);
        return this;
    }

    /**
     * Jetty worker threads, at least {@value #CONTAINER_THREADS_FROM}.
     *
     * @throws MockOptionException below that
     */
    public MockOptions containerThreads(int containerThreads) {
        if (containerThreads < CONTAINER_THREADS_FROM) {
            throw atLeast("containerThreads", CONTAINER_THREADS_FROM, containerThreads);
        }
        this.containerThreads = containerThreads;
        return this;
    }

    /**
     * The most jobs kept, at least {@value #MAX_JOBS_FROM}; past it the oldest stopped jobs are dropped first.
     *
     * @throws MockOptionException below that
     */
    public MockOptions maxJobs(int maxJobs) {
        if (maxJobs < MAX_JOBS_FROM) {
            throw atLeast("maxJobs", MAX_JOBS_FROM, maxJobs);
        }
        this.maxJobs = maxJobs;
        return this;
    }

    /**
     * The most bytes the files uploaded with Create Firmware File may take on disk, {@value #FIRMWARE_STORE_BYTES_FROM}
     * to {@value #FIRMWARE_STORE_BYTES_TO}; an upload past it is refused with 99400 naming {@code file}. The files lie
     * beside the state file ({@code FILE.firmware/}) when there is one, else in a temporary folder removed at stop.
     *
     * @throws MockOptionException outside that range
     */
    public MockOptions firmwareStoreBytes(long firmwareStoreBytes) {
        if (firmwareStoreBytes < FIRMWARE_STORE_BYTES_FROM || firmwareStoreBytes > FIRMWARE_STORE_BYTES_TO) {
            throw outOfRange("firmwareStoreBytes", FIRMWARE_STORE_BYTES_FROM, FIRMWARE_STORE_BYTES_TO,
                    firmwareStoreBytes);
        }
        this.firmwareStoreBytes = firmwareStoreBytes;
        return this;
    }

    /** The most bytes uploaded firmware files may take, {@link #firmwareStoreBytes(long)}. */
    public long firmwareStoreBytes() {
        return firmwareStoreBytes;
    }

    /**
     * How long each step of a simulated device task takes on the job's running time (default
     * {@value Simulation#DEFAULT_PACE_SECONDS} s): published, upgrading, progress 25, 50, 75,
     * succeeded. Tests move the clock instead of waiting ({@link OtaMockServer#advanceClock(Duration)}).
     *
     * @throws MockOptionException outside {@value #TASK_PACE_MILLIS_FROM} ms to {@value #TASK_PACE_SECONDS_TO} s
     *                             (the message gives seconds)
     */
    public MockOptions taskPace(Duration taskPace) {
        this.taskPace = within("taskPace", TASK_PACE_MILLIS_FROM, TASK_PACE_SECONDS_TO, taskPace);
        return this;
    }

    /**
     * The share of task attempts that fail, {@value #TASK_FAILURE_SHARE_FROM} to {@value #TASK_FAILURE_SHARE_TO}
     * (default 0), on devices the state file gives no outcomes of their own.
     *
     * @throws MockOptionException outside that range, or NaN
     */
    public MockOptions taskFailureShare(double taskFailureShare) {
        if (!(taskFailureShare >= TASK_FAILURE_SHARE_FROM && taskFailureShare <= TASK_FAILURE_SHARE_TO)) {
            throw outOfRange("taskFailureShare", plain(TASK_FAILURE_SHARE_FROM), plain(TASK_FAILURE_SHARE_TO),
                    Double.isNaN(taskFailureShare) ? "NaN" : plain(taskFailureShare));
        }
        this.taskFailureShare = taskFailureShare;
        return this;
    }

    /**
     * Keeps the state in a file: loaded at start when it exists, saved within a second of each change and at
     * shutdown, written atomically (a temporary file renamed over it). Null (the default): memory only.
     *
     * @throws MockOptionException when it is a folder, or its folder does not exist
     */
    public MockOptions stateFile(Path stateFile) {
        if (stateFile != null) {
            String rule = "must name a file in a folder that exists: ";
            Path file = stateFile.toAbsolutePath().normalize();
            if (Files.isDirectory(file)) {
                throw new MockOptionException("stateFile", rule + stateFile + " is a folder");
            }
            Path folder = file.getParent();
            if (folder != null && !Files.isDirectory(folder)) {
                throw new MockOptionException("stateFile", rule + folder + " does not exist");
            }
        }
        this.stateFile = stateFile;
        return this;
    }

    private static MockOptionException outOfRange(String setting, Object from, Object to, Object was) {
        return new MockOptionException(setting, "must be from " + from + " to " + to + ", was " + was);
    }

    private static MockOptionException atLeast(String setting, Object from, Object was) {
        return new MockOptionException(setting, "must be at least " + from + ", was " + was);
    }

    /** The duration when within the range; the message gives seconds, never ISO-8601 ({@code PT0S}). */
    private static Duration within(String setting, long fromMillis, long toSeconds, Duration value) {
        Objects.requireNonNull(value, setting);
        if (value.compareTo(Duration.ofMillis(fromMillis)) < 0 || value.compareTo(Duration.ofSeconds(toSeconds)) > 0) {
            throw new MockOptionException(setting, "must be from " + seconds(Duration.ofMillis(fromMillis)) + " to "
                    + toSeconds + " seconds, was " + seconds(value));
        }
        return value;
    }

    /** A duration in seconds, as few digits as it needs: {@code 0.001}, {@code 2.5}, {@code 86400}. */
    public static String seconds(Duration duration) {
        return plain(new BigDecimal(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9)));
    }

    private static String plain(double value) {
        return plain(BigDecimal.valueOf(value));
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
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

    /**
     * The behaviour profile the mock follows where the vendor pages are silent (HTTP status of errors, id formats,
     * the EnOS release served, ...): {@link BehaviourProfile#defaults()} unless set; stack files with
     * {@link BehaviourProfile#of(List)}.
     */
    public MockOptions profile(BehaviourProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
        return this;
    }

    /**
     * The behaviour profile in force: the one given, with {@code request.unknownFields: ignore} on top when
     * {@link #lenient(boolean)} is on.
     */
    public BehaviourProfile profile() {
        return lenient ? profile.with(LENIENT) : profile;
    }

    /**
     * Accept unknown body fields and query parameters instead of answering 99400: a shortcut for the profile setting
     * {@code request.unknownFields: ignore}, stacked on whatever profile is given (a layer named {@code --lenient}).
     */
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

    /** Whether unknown body fields are let through: {@link #lenient(boolean)}, or the profile says {@code ignore}. */
    public boolean lenient() {
        return !profile().refusesUnknownFields();
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** The largest firmware upload accepted, in bytes, {@link #maxUploadBytes(long)}. */
    public long maxUploadBytes() {
        return maxUploadBytes;
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
        // resolved again: a name may resolve to another address by the time the mock starts
        return resolve(bindAddress).isLoopbackAddress();
    }

    /** The extension factory these options stand for (one per server: it builds the server's state). */
    MockWiring wiring() {
        return new MockWiring(profile(), gatewayAuth, maxJobs,
                new Simulation(taskPace, taskFailureShare, 0), stateFile, firmwareStoreBytes);
    }

    /**
     * The WireMock configuration these options stand for.
     *
     * @throws MockOptionException when the mock would listen beyond loopback with an open admin API
     */
    WireMockConfiguration toWireMockConfiguration(MockWiring wiring) {
        if (!loopbackOnly() && adminToken == null) {
            throw new MockOptionException("adminToken", "must be given when the mock listens beyond loopback (bind"
                    + " address " + bindAddress + "): the admin API can read and reset every job");
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
                .extensions(wiring)
                .httpServerFactory(new EnvelopeHttpServerFactory(this, wiring.exchanges()));
        if (adminToken != null) {
            config.adminAuthenticator(new TokenAuthenticator(adminToken));
        }
        if (rootDirOnClasspath()) {
            config.usingFilesUnderClasspath(EMBEDDED_ROOT);
        } else {
            config.usingFilesUnderDirectory(Path.of(rootDir).toAbsolutePath().toString());
        }
        if (journalEntries == 0) {
            config.disableRequestJournal();
        } else {
            config.maxRequestJournalEntries(journalEntries);
        }
        return config;
    }
}
