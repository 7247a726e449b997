package io.enoskit.ota.proxy;

import io.enoskit.ota.mock.ListenAddress;
import io.enoskit.ota.mock.MockOptions;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a {@link ValidatingProxy}, a fluent builder with named defaults; each setter checks its value and
 * throws {@link ProxyOptionException} naming itself. Port and bind address mean what they mean for the mock.
 */
public final class ProxyOptions {
    /** Connect and read timeout towards the target by default, in seconds ({@code conform}'s default). */
    public static final int DEFAULT_TIMEOUT_SECONDS = 30;
    /** Where the reports go by default ({@code conform}'s default report folder). */
    public static final String DEFAULT_REPORT_DIR = "conformance-report";
    /** Example exchanges kept per distinct finding. */
    public static final int DEFAULT_EXAMPLES_PER_FINDING = 3;
    /** Distinct findings kept; further ones are only counted. */
    public static final int DEFAULT_MAX_FINDINGS = 1000;
    /** Bytes of each body kept for the checks (bodies are forwarded whole whatever their size). */
    public static final int DEFAULT_CAPTURE_BYTES = 1024 * 1024;
    /** Exchanges waiting for their check at most; past it they are forwarded unchecked (counted). */
    public static final int DEFAULT_CHECK_QUEUE = 10_000;

    private String target;
    private int port = MockOptions.DEFAULT_PORT;
    private String bindAddress = MockOptions.DEFAULT_BIND_ADDRESS;
    private Duration timeout = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    private Path reportDir = Path.of(DEFAULT_REPORT_DIR);
    private String adminToken;
    private int examplesPerFinding = DEFAULT_EXAMPLES_PER_FINDING;
    private int maxFindings = DEFAULT_MAX_FINDINGS;
    private int captureBytes = DEFAULT_CAPTURE_BYTES;
    private final List<ExchangeListener> listeners = new ArrayList<>();
    private Path profileFile;

    private ProxyOptions() {
    }

    /** Defaults: port 8080 on 127.0.0.1, timeout 30 s, reports in {@code conformance-report}; a target is required. */
    public static ProxyOptions proxyOptions() {
        return new ProxyOptions();
    }

    /** The target's base URL, http or https; the request's path and query follow it (a trailing slash is dropped). */
    public ProxyOptions target(String url) {
        URI uri;
        try {
            uri = new URI(Objects.requireNonNull(url, "target"));
        } catch (URISyntaxException notAUrl) {
            throw new ProxyOptionException("target", "must be an http or https URL, was " + url);
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ProxyOptionException("target", "must be an http or https URL with a host and neither query nor"
                    + " fragment, was " + url);
        }
        this.target = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return this;
    }

    /** TCP port, 0 to 65535; 0 picks a free one. */
    public ProxyOptions port(int port) {
        this.port = ListenAddress.port(port, ProxyOptionException::new);
        return this;
    }

    public ProxyOptions dynamicPort() {
        return port(0);
    }

    /** The address to listen on; anything but loopback needs an {@link #adminToken(String)}. */
    public ProxyOptions bindAddress(String bindAddress) {
        resolve(Objects.requireNonNull(bindAddress, "bindAddress"));
        this.bindAddress = bindAddress;
        return this;
    }

    /** Connect and read timeout of each forwarded call, at least a millisecond. */
    public ProxyOptions timeout(Duration timeout) {
        if (timeout.toMillis() < 1) {
            throw new ProxyOptionException("timeout", "must be at least 1 ms, was " + timeout.toMillis() + " ms");
        }
        this.timeout = timeout;
        return this;
    }

    /** Where {@code drift-report.html}, {@code .json} and {@code .sarif} are written. */
    public ProxyOptions reportDir(Path reportDir) {
        this.reportDir = Objects.requireNonNull(reportDir, "reportDir");
        return this;
    }

    /** The token the admin API requires ({@code Authorization: Token t}); null for none (loopback only). */
    public ProxyOptions adminToken(String adminToken) {
        this.adminToken = adminToken == null || adminToken.isBlank() ? null : adminToken;
        return this;
    }

    /** Example exchanges kept per distinct finding, at least 1. */
    public ProxyOptions examplesPerFinding(int count) {
        if (count < 1) {
            throw new ProxyOptionException("examplesPerFinding", "must be at least 1, was " + count);
        }
        this.examplesPerFinding = count;
        return this;
    }

    /** Distinct findings kept, at least 1. */
    public ProxyOptions maxFindings(int count) {
        if (count < 1) {
            throw new ProxyOptionException("maxFindings", "must be at least 1, was " + count);
        }
        this.maxFindings = count;
        return this;
    }

    /** Bytes of each body kept for the checks, at least 1; a longer exchange is forwarded but not checked. */
    public ProxyOptions captureBytes(int bytes) {
        if (bytes < 1) {
            throw new ProxyOptionException("captureBytes", "must be at least 1, was " + bytes);
        }
        this.captureBytes = bytes;
        return this;
    }

    /**
     * Also writes the target's observed behaviour profile (YAML, the format of {@code mock --profile}) to
     * {@code file} whenever the report is written: only the settings the traffic showed, each with its evidence.
     */
    public ProxyOptions writeProfile(Path file) {
        this.profileFile = Objects.requireNonNull(file, "file");
        return this;
    }

    /** Where the observed profile is written, or null when it is not. */
    public Path profileFile() {
        return profileFile;
    }

    /** Adds a listener that receives every checked exchange ({@link ExchangeListener}). */
    public ProxyOptions listener(ExchangeListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    public String target() {
        return target;
    }

    public int port() {
        return port;
    }

    public String bindAddress() {
        return bindAddress;
    }

    public Duration timeout() {
        return timeout;
    }

    public Path reportDir() {
        return reportDir;
    }

    public String adminToken() {
        return adminToken;
    }

    public int examplesPerFinding() {
        return examplesPerFinding;
    }

    public int maxFindings() {
        return maxFindings;
    }

    public int captureBytes() {
        return captureBytes;
    }

    public List<ExchangeListener> listeners() {
        return List.copyOf(listeners);
    }

    /** True when the bind address is a loopback address. */
    public boolean loopbackOnly() {
        return resolve(bindAddress).isLoopbackAddress();
    }

    private static InetAddress resolve(String bindAddress) {
        return ListenAddress.resolve(bindAddress, ProxyOptionException::new);
    }
}
