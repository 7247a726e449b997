package io.enoskit.ota.proxy;

import io.enoskit.ota.mock.OtaMockServer;
import io.enoskit.ota.profile.ExchangeObserver;
import io.enoskit.ota.profile.ObservedExchange;
import io.enoskit.ota.profile.ProfileLayer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.security.TokenAuthenticator;
import io.enoskit.ota.contract.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validating proxy: listens like the mock, forwards every call to a target unchanged
 * ({@link TransparentProxyServlet}), and checks each exchange against the spec and the documented rules
 * ({@link ExchangeChecker}) on one thread of its own, after the answer has gone back to the client, so checking adds
 * no wait to the traffic. What it found accumulates in bounded memory ({@link DriftLedger}) and is written as the
 * drift report on {@link #writeReport()}, on {@code POST /__admin/ota/report} and when it is closed.
 * <pre>{@code
 * try (ValidatingProxy proxy = ValidatingProxy.start(ProxyOptions.proxyOptions().dynamicPort()
 *         .target("https://apigw.example.com").reportDir(Path.of("target/drift")))) {
 *     // point the client at proxy.baseUrl(), run it, then:
 *     DriftReport report = proxy.report();
 * }   // the report files are written here
 * }</pre>
 * Nothing is journalled or logged per request; credentials never reach a report ({@link Credentials}).
 */
public final class ValidatingProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ValidatingProxy.class);
    private final ProxyOptions options;
    private final WireMockServer server;
    private final DriftLedger ledger;
    private final ExchangeChecker checker = new ExchangeChecker();
    private final ExchangeObserver observer = new ExchangeObserver();
    private final ThreadPoolExecutor checks;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ValidatingProxy(ProxyOptions options) {
        this.options = options;
        this.ledger = new DriftLedger(options.examplesPerFinding(), options.maxFindings());
        this.checks = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(ProxyOptions.DEFAULT_CHECK_QUEUE), runnable -> {
                    Thread thread = new Thread(runnable, "enos-ota-proxy-checks");
                    thread.setDaemon(true);
                    return thread;
                });
        TransparentProxyServlet servlet = new TransparentProxyServlet(options.target(),
                options.timeout().toMillis(), options.captureBytes(), this::answered, ledger::failedForward);
        WireMockConfiguration config = WireMockConfiguration.options()
                .port(options.port())
                .bindAddress(options.bindAddress())
                .disableRequestJournal()
                .stubRequestLoggingDisabled(true)
                .notifier(new Slf4jNotifier(false))
                .gzipDisabled(true)
                .timeout((int) Math.min(Integer.MAX_VALUE, options.timeout().toMillis() + 5_000))
                .extensions(new DriftReportAdminExtension(this))
                .httpServerFactory(new ProxyHttpServerFactory(servlet, options.timeout().toMillis(),
                        options.adminToken()));
        if (options.adminToken() != null) {
            config.adminAuthenticator(new TokenAuthenticator(options.adminToken()));
        }
        this.server = new WireMockServer(config);
    }

    /**
     * Starts a proxy and returns once it accepts requests.
     *
     * @throws ProxyOptionException when it would listen beyond loopback without an admin token, or has no target
     */
    public static ValidatingProxy start(ProxyOptions options) {
        if (options.target() == null) {
            throw new ProxyOptionException("target", "must be given: the URL calls are forwarded to");
        }
        if (!options.loopbackOnly() && options.adminToken() == null) {
            throw new ProxyOptionException("adminToken", "must be given when the proxy listens beyond loopback (bind"
                    + " address " + options.bindAddress() + "): its admin API writes reports");
        }
        ValidatingProxy proxy = new ValidatingProxy(options);
        proxy.server.start();
        return proxy;
    }

    /** The port it listens on. */
    public int port() {
        return server.port();
    }

    /** {@code http://host:port}, with a loopback host when bound to every address. */
    public String baseUrl() {
        return OtaMockServer.baseUrl(options.bindAddress(), port());
    }

    /** The settings it runs with. */
    public ProxyOptions options() {
        return options;
    }

    /** What was found so far, once every exchange answered before this call is checked. */
    public DriftReport report() {
        return afterChecks(() -> ledger.snapshot(options.target()));
    }

    /**
     * Writes {@code drift-report.html}, {@code .json} and {@code .sarif} into the report folder, once every exchange
     * answered before this call is checked.
     *
     * @return the three files
     * @throws UncheckedIOException when the folder cannot be written
     */
    public List<Path> writeReport() {
        DriftReport report = report();
        List<Path> files;
        try {
            files = new ArrayList<>(DriftReportFiles.write(report, options.reportDir()));
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot write the drift report into " + options.reportDir() + ": "
                    + failed.getMessage(), failed);
        }
        if (options.profileFile() != null) {
            files.add(writeProfile(options.profileFile()));
        }
        return List.copyOf(files);
    }

    /**
     * What the traffic so far showed about the behaviour profile's settings (only the settings seen, each
     * {@code source: observed} with the target, the time and the first exchange that showed it, credentials masked).
     */
    public ProfileLayer observedProfile() {
        return afterChecks(() -> observer.layer("observed " + options.target(), options.target()));
    }

    /** Writes the observed profile to {@code file}, through a temporary file so a reader never sees half of it. */
    private Path writeProfile(Path file) {
        try {
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path partial = Files.createTempFile(absolute.getParent(), absolute.getFileName().toString(), ".part");
            Files.writeString(partial, observedProfile().toYaml(), StandardCharsets.UTF_8);
            return Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failed) {
            throw new UncheckedIOException("cannot write the observed profile " + file + ": " + failed.getMessage(),
                    failed);
        }
    }

    /** Blocks until the server has stopped (by {@link #close()} or WireMock's {@code POST /__admin/shutdown}). */
    public void awaitStop() throws InterruptedException {
        while (server.isRunning()) {
            Thread.sleep(200);
        }
    }

    /** Stops listening, checks what is still queued and writes the report; a second call does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop();
        try {
            writeReport();
        } finally {
            checks.shutdown();
        }
    }

    /** Called on Jetty's thread once the answer went back: queues the check, or counts it dropped. */
    private void answered(Exchange exchange) {
        try {
            checks.execute(() -> check(exchange));
        } catch (RejectedExecutionException full) {
            ledger.dropped();
        }
    }

    private void check(Exchange raw) {
        try {
            Optional<Operation> operation = ExchangeChecker.operation(raw);
            Credentials credentials = Credentials.of(raw);
            Exchange masked = credentials.mask(raw);
            List<Finding> findings = List.of();
            if (operation.isEmpty()) {
                ledger.unchecked(masked);
            } else if (!raw.complete()) {
                ledger.incomplete();
            } else {
                findings = checker.check(operation.get(), raw).stream()
                        .map(f -> f.withActual(credentials.mask(f.actual())).withExpected(credentials.mask(
                                f.expected())))
                        .toList();
                ledger.record(operation.get().id(), masked, findings);
            }
            if (options.profileFile() != null && raw.complete()) {
                observer.observe(ObservedExchange.of(masked.method(), masked.rawQuery() == null ? masked.path()
                        : masked.path() + "?" + masked.rawQuery(), masked.requestText(), masked.status(),
                        masked.responseText()));
            }
            CheckedExchange checked = new CheckedExchange(masked, operation, findings);
            for (ExchangeListener listener : options.listeners()) {
                try {
                    listener.exchanged(checked);
                } catch (RuntimeException failed) {
                    LOG.warn("an exchange listener failed: {}", failed.toString());
                }
            }
        } catch (RuntimeException failed) {
            LOG.warn("checking an exchange failed: {}", failed.toString());
        }
    }

    private <T> T afterChecks(Callable<T> task) {
        if (checks.isShutdown()) {
            try {
                return task.call();
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
        }
        Future<T> done = checks.submit(task);
        try {
            return done.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the checks", interrupted);
        } catch (ExecutionException failed) {
            throw new IllegalStateException(failed.getCause());
        }
    }
}
