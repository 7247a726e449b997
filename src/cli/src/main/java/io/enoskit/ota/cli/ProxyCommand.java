package io.enoskit.ota.cli;

import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.proxy.ProxyOptionException;
import io.enoskit.ota.proxy.ProxyOptions;
import io.enoskit.ota.proxy.ValidatingProxy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code proxy}: the validating proxy ({@link ValidatingProxy}) until Ctrl-C: forwards every call to {@code --target}
 * unchanged, checks each exchange against the spec and the documented rules, and writes the drift report when it
 * stops and on {@code POST /__admin/ota/report}.
 */
@Command(name = "proxy", mixinStandardHelpOptions = true,
        description = {"Listen like the mock and forward every call to --target unchanged (credentials pass"
                + " through; none is stored or logged); check each exchange against the spec and the documented rules"
                + " (the rule ids of conform) and write the drift report: drift-report.html, drift-report.json and"
                + " drift-report.sarif in --report-dir, when the proxy stops (Ctrl-C, SIGTERM) and on"
                + " POST /__admin/ota/report.",
            "A finding is a documented rule or shape the target broke; what the pages leave open is an observation."
                + " Tokens and signatures are masked in every report."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped (130 after Ctrl-C, as for any process ended by SIGINT)",
            "1:a fault of the kit",
            "2:wrong usage or settings, the option named (a --target that is no http(s) URL, a value out of range,"
                    + " a --report-dir the kit cannot write, beyond loopback without --admin-token)",
            "3:the address or port could not be opened"})
final class ProxyCommand implements Callable<Integer> {
    @Option(names = "--target", required = true, paramLabel = "URL", converter = CommandOptions.BaseUrlConverter.class,
            description = "Where calls go: the gateway or implementation, an http or https URL the request's path and"
                    + " query are added to, e.g. https://apigw.example.com.")
    String target;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + MockOptions.DEFAULT_PORT,
            description = "TCP port, " + MockOptions.PORT_FROM + " to " + MockOptions.PORT_TO + "; 0 picks a free one"
                    + " (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind-address", paramLabel = "ADDRESS", defaultValue = MockOptions.DEFAULT_BIND_ADDRESS,
            description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    String bindAddress;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = CommandOptions.TIMEOUT_SECONDS,
            description = "Connect and read timeout of every forwarded call, in seconds; a target that does not"
                    + " answer in time gets the client HTTP 504, one that cannot be reached 502"
                    + " (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = CommandOptions.REPORT_DIR,
            description = "Where drift-report.html, drift-report.json and drift-report.sarif go"
                    + " (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--write-profile", paramLabel = "FILE",
            description = "Also write the target's observed behaviour profile to FILE (YAML) with the reports: only"
                    + " the settings the traffic showed (HTTP status of errors, id forms, null or absent fields,"
                    + " methods, messages, ...), each with source observed, the target, the time and the exchange"
                    + " (credentials masked); start the mock with --profile FILE to behave as the target did.")
    Path profileFile;

    @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:OTA_ADMIN_TOKEN}",
            description = "Require this token on the admin API (header Authorization: Token <token>); required"
                    + " with a --bind-address other than loopback (env OTA_ADMIN_TOKEN).")
    String adminToken;

    @Spec
    CommandSpec spec;

    private volatile ValidatingProxy running;

    @Override
    public Integer call() throws InterruptedException {
        String timeout = CommandOptions.timeoutProblem(timeoutSeconds);
        if (timeout != null) {
            throw new ParameterException(spec.commandLine(), timeout);
        }
        CommandOptions.writableDir(spec, "--report-dir", reportDir);
        if (profileFile != null) {
            CommandOptions.writableFile(spec, "--write-profile", profileFile);
        }
        ValidatingProxy started;
        try {
            ProxyOptions options = ProxyOptions.proxyOptions()
                    .target(target)
                    .port(port)
                    .bindAddress(bindAddress)
                    .timeout(Duration.ofSeconds(timeoutSeconds))
                    .reportDir(reportDir)
                    .adminToken(adminToken);
            started = ValidatingProxy.start(profileFile == null ? options : options.writeProfile(profileFile));
        } catch (ProxyOptionException refused) {
            throw CommandOptions.refusal(spec, refused.setting(), refused.rule(), refused);
        }
        try (ValidatingProxy proxy = started) {
            running = proxy;
            Foreground.untilStopped("enos-ota-proxy-shutdown", proxy::close, () -> {
                printBanner(spec.commandLine().getOut(), proxy);
                proxy.awaitStop();
            });
        } finally {
            running = null;
        }
        spec.commandLine().getOut().println("drift report: " + reportDir.toAbsolutePath().normalize());
        if (profileFile != null) {
            spec.commandLine().getOut().println("observed profile: " + profileFile.toAbsolutePath().normalize());
        }
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The running proxy, or null before start and after stop (for tests in the same JVM). */
    ValidatingProxy running() {
        return running;
    }

    /** Asks a running {@link #call()} to stop the proxy (which writes the report) and return. */
    void stop() {
        ValidatingProxy proxy = running;
        if (proxy != null) {
            proxy.close();
        }
    }

    private void printBanner(PrintWriter out, ValidatingProxy proxy) {
        String base = proxy.baseUrl();
        out.println("EnOS OTA validating proxy listening on " + base + " (forwarding to " + target + ")");
        if (!proxy.options().loopbackOnly()) {
            out.println("  WARNING: listening on " + bindAddress + ": other machines can send calls through it"
                    + " (the admin API needs the admin token)");
        }
        out.println("  drift report: " + reportDir.toAbsolutePath().normalize() + " (drift-report.html, .json,"
                + " .sarif)" + (profileFile == null ? "" : " and the observed profile "
                + profileFile.toAbsolutePath().normalize()) + ", written when the proxy stops and on POST " + base
                + "/__admin/ota/report");
        out.println("  point your client at " + base + " instead of the target; press Ctrl-C to stop.");
        out.flush();
    }
}
