package io.enoskit.ota.cli;

import io.enoskit.ota.contract.Json;
import io.enoskit.ota.domain.Simulation;
import io.enoskit.ota.mock.FaultRule;
import io.enoskit.ota.mock.GatewayAuth;
import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
import io.enoskit.ota.mock.MockOptionException;
import io.enoskit.ota.profile.BehaviourProfile;
import io.enoskit.ota.profile.EnosVersion;
import io.enoskit.ota.profile.ProfileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code mock}: runs the stateful mock until Ctrl-C, printing its base URL and a curl line that works. */
@Command(name = "mock", mixinStandardHelpOptions = true,
        description = {"Start the stateful mock of the EnOS OTA job API. It serves, on"
                + " /connect-service/v2.1/ota-jobs: Create OTA Job (POST action=create), Get OTA Job (GET action=get),"
                + " Start, Stop and Delete OTA Job (POST action=start|stop|delete), Search OTA Job (POST action=search),"
                + " Search OTA Task (POST action=searchTask), Cancel and Retry OTA Task (POST"
                + " action=cancelTask|retryTask); on /connect-service/v2.1/ota-firmwares: Get Firmware File (GET"
                + " action=get), Search Firmware File (POST action=search), Create Firmware File (POST action=create,"
                + " multipart), Delete Firmware (POST action=delete) and Search Device Upgrade (POST"
                + " action=searchDeviceUpgrade); the APIM token service"
                + " (POST /apim-token-service/v2.0/token/get|refresh); and its admin routes under /__admin/ota/.",
            "Every answer is the EnOS envelope; bad input gets 99400 naming the field and the rule.",
            "Started jobs get one device task per device in scope; the tasks progress on a simulation clock"
                + " (--task-pace), which POST /__admin/ota/clock {\"advanceSeconds\": n} moves on."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:stopped (130 after Ctrl-C, as for any process ended by SIGINT)",
            "1:a fault of the kit, or out of memory (the message says so)",
            "2:wrong usage or settings, the option named: a value out of its range (shown above), a root dir"
                    + " without mappings/ or ota-state.json, a malformed state file or stub mapping, a --profile"
                    + " that is missing or sets what its setting does not allow, a stub mapping"
                    + " that serves no operation, beyond loopback without --admin-token",
            "3:the address or port could not be opened"})
final class MockCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + MockOptions.DEFAULT_PORT,
            description = "TCP port, " + MockOptions.PORT_FROM + " to " + MockOptions.PORT_TO + "; 0 picks a free one"
                    + " (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind-address", paramLabel = "ADDRESS", defaultValue = MockOptions.DEFAULT_BIND_ADDRESS,
            description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    String bindAddress;

    @Option(names = "--root-dir", paramLabel = "DIR",
            description = "WireMock root dir with mappings/ and ota-state.json (default: the copy inside the jar,"
                    + " made from the project's stubs/).")
    String rootDir;

    @Option(names = "--lenient",
            description = "Accept unknown body fields instead of answering 99400 (a shortcut for the profile setting"
                    + " request.unknownFields: ignore).")
    boolean lenient;

    @Option(names = "--profile", paramLabel = "FILE_OR_NAME",
            description = "A behaviour profile: how the mock decides what the vendor pages leave open (HTTP status of"
                    + " errors, status of a created job, methods, id formats, ...). A YAML file, or a built-in name: "
                    + "default, enos-2.2, enos-2.3, enos-2.4, enos-3.0. Repeatable: a later profile overrides the"
                    + " settings of an earlier one; what none sets keeps the default profile's value. GET"
                    + " /__admin/ota/profile shows the profile in force; the README's \"Profile reference\" lists"
                    + " every setting.")
    List<String> profiles;

    @Option(names = "--verbose", description = "Log every request WireMock receives.")
    boolean verbose;

    @Option(names = "--journal-entries", paramLabel = "COUNT",
            defaultValue = "" + MockOptions.DEFAULT_JOURNAL_ENTRIES,
            description = "Requests kept in WireMock's request journal (GET /__admin/requests), "
                    + MockOptions.JOURNAL_ENTRIES_FROM + " or more; 0 = off (default: ${DEFAULT-VALUE}).")
    int journalEntries;

    @Option(names = "--max-body-bytes", paramLabel = "BYTES",
            defaultValue = "" + MockOptions.DEFAULT_MAX_BODY_BYTES,
            description = "Largest request body accepted, " + MockOptions.MAX_BODY_BYTES_FROM + " to "
                    + MockOptions.MAX_BODY_BYTES_TO + " bytes; larger ones get HTTP 413 and 99400"
                    + " (default: ${DEFAULT-VALUE}).")
    long maxBodyBytes;

    @Option(names = "--max-upload-bytes", paramLabel = "BYTES",
            defaultValue = "" + MockOptions.DEFAULT_MAX_UPLOAD_BYTES,
            description = "Largest firmware upload (Create Firmware File's multipart body) accepted, "
                    + MockOptions.MAX_BODY_BYTES_FROM + " to " + MockOptions.MAX_BODY_BYTES_TO + " bytes; larger"
                    + " ones get HTTP 413 and 99400 (default: ${DEFAULT-VALUE}).")
    long maxUploadBytes;

    @Option(names = "--body-timeout", paramLabel = "SECONDS", converter = SecondsConverter.class,
            defaultValue = "" + MockOptions.DEFAULT_BODY_TIMEOUT_SECONDS,
            description = "How long a request body may take to arrive, " + MockOptions.BODY_TIMEOUT_MILLIS_FROM / 1000.0
                    + " to " + MockOptions.BODY_TIMEOUT_SECONDS_TO + " seconds; a slower one gets HTTP 408 and 99400."
                    + " Bodies are read without holding a thread (default: ${DEFAULT-VALUE}).")
    Duration bodyTimeout;

    @Option(names = "--container-threads", paramLabel = "COUNT",
            defaultValue = "" + MockOptions.DEFAULT_CONTAINER_THREADS,
            description = "Jetty worker threads, " + MockOptions.CONTAINER_THREADS_FROM + " or more"
                    + " (default: ${DEFAULT-VALUE}).")
    int containerThreads;

    @Option(names = "--max-jobs", paramLabel = "COUNT", defaultValue = "" + MockOptions.DEFAULT_MAX_JOBS,
            description = "Jobs kept at most, " + MockOptions.MAX_JOBS_FROM + " or more; past it the oldest stopped"
                    + " jobs are dropped first, then the oldest (counted in /__admin/ota/state)"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxJobs;

    @Option(names = "--admin-token", paramLabel = "TOKEN", defaultValue = "${env:OTA_ADMIN_TOKEN}",
            description = "Require this token on the admin API (header Authorization: Token <token>); required"
                    + " with a --bind-address other than loopback (env OTA_ADMIN_TOKEN).")
    String adminToken;

    @Option(names = "--allow-proxy-targets", paramLabel = "TARGETS", split = ",",
            description = "Hosts or addresses a stub mapping may proxy to (WireMock's expressions, e.g."
                    + " 10.0.0.1-10.0.0.9,*.example.com); none by default.")
    List<String> allowProxyTargets;

    @Option(names = "--fault", paramLabel = "RULE", converter = FaultRuleConverter.class,
            completionCandidates = FaultOperations.class,
            description = "A fault or delay on an operation, repeatable: OPERATION:EFFECT[:EFFECT...] with OPERATION"
                    + " one of ${COMPLETION-CANDIDATES}; EFFECT one of 500, 502,"
                    + " 503, 429, reset, empty, malformed, delay=MS, delay=MIN-MAX, share=P (0-1], next=N. E.g."
                    + " create-job:503:next=2, *:delay=100-300, get-job:reset:share=0.1.")
    List<FaultRule> faults;

    @Option(names = "--task-pace", paramLabel = "SECONDS", converter = SecondsConverter.class,
            defaultValue = "" + Simulation.DEFAULT_PACE_SECONDS,
            description = "Time each step of a device task takes on the job's running time, "
                    + MockOptions.TASK_PACE_MILLIS_FROM / 1000.0 + " to " + MockOptions.TASK_PACE_SECONDS_TO
                    + " seconds (published, upgrading, progress 25, 50, 75, succeeded); decimals allowed, e.g. 0.5"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration taskPace;

    @Option(names = "--task-failure-share", paramLabel = "FRACTION", defaultValue = "0",
            description = "Share of task attempts that fail, " + (int) MockOptions.TASK_FAILURE_SHARE_FROM + " to "
                    + (int) MockOptions.TASK_FAILURE_SHARE_TO + ", on devices the state file gives no outcomes"
                    + " (default: ${DEFAULT-VALUE}).")
    double taskFailureShare;

    @Option(names = "--firmware-store-bytes", paramLabel = "BYTES",
            defaultValue = "" + MockOptions.DEFAULT_FIRMWARE_STORE_BYTES,
            description = "Most bytes the files uploaded with Create Firmware File take on disk, "
                    + MockOptions.FIRMWARE_STORE_BYTES_FROM + " to " + MockOptions.FIRMWARE_STORE_BYTES_TO + "; an upload"
                    + " past it gets 99400 naming file. They lie beside --state-file (FILE.firmware/) and survive a"
                    + " restart with it, else in a temporary folder removed at stop (default: ${DEFAULT-VALUE}).")
    long firmwareStoreBytes;

    @Option(names = "--state-file", paramLabel = "FILE",
            description = "Keep the state (firmware, devices, jobs, tasks, the clock) in FILE: loaded at start when it"
                    + " exists, saved after changes (within a second) and at shutdown, written atomically. Without"
                    + " it, the state lives in memory only.")
    Path stateFile;

    @Option(names = "--auth", paramLabel = "MODE", defaultValue = "off",
            converter = GatewayAuthConverter.class,
            description = "Gateway authentication of API calls: off; required (tokens from"
                    + " POST /apim-token-service/v2.0/token/get, keys in the state file's apps, signed calls, all"
                    + " verified); enos-client (as required, and the official EnOS Java client let through by the"
                    + " shape of its token, which no mock can verify) (default: ${DEFAULT-VALUE}).")
    GatewayAuth auth;

    @Option(names = "--enos-version", paramLabel = "VERSION", converter = EnosVersionConverter.class,
            description = "The EnOS release to serve: 2.2, 2.3, 2.4 or 3.0 (2.4.4 and enos-2.4 name 2.4). Fields and"
                    + " search fields of later releases are left out of answers and refused in searches (99400)"
                    + " (default: the newest the kit covers, " + EnosVersionConverter.NEWEST + "). It stacks the built-in profile"
                    + " enos-VERSION on the others, so it wins over a profile file's enos.version.")
    EnosVersion enosVersion;

    /** {@code 2.3}, {@code 2.3.0}, {@code 2.4.4}, {@code enos-2.3}: an EnOS release the kit covers. */
    static final class EnosVersionConverter implements ITypeConverter<EnosVersion> {
        /** The default release, for the help text (an annotation needs a constant). */
        static final String NEWEST = "3.0";

        @Override
        public EnosVersion convert(String value) {
            return EnosVersion.parse(value).orElseThrow(() -> new TypeConversionException("'" + value
                    + "' is not an EnOS release the kit covers: " + EnosVersion.labels()
                    + " (also written 2.4.4 or enos-2.4)"));
        }
    }

    /**
     * The behaviour profile in force: the default profile, the {@code --profile} layers in order, and the built-in
     * {@code enos-VERSION} on top when {@code --enos-version} is given (so the flag wins over a profile file's
     * {@code enos.version}).
     *
     * @throws ParameterException naming --profile, the file, the setting and its allowed values
     */
    BehaviourProfile profile() {
        BehaviourProfile profile;
        try {
            profile = BehaviourProfile.of(profiles == null ? List.of() : profiles);
        } catch (ProfileException wrong) {
            throw new ParameterException(spec.commandLine(), "--profile " + wrong.getMessage(), wrong,
                    spec.findOption("--profile"), null);
        }
        return enosVersion == null ? profile : profile.with(BehaviourProfile.builtIn(enosVersion.profileName()));
    }

    /** The operations a fault rule may name, from the {@code Operation} enum, so the help cannot miss one. */
    static final class FaultOperations implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return FaultRule.operations().iterator();
        }
    }

    /** {@code OPERATION:EFFECT[:EFFECT...]}, e.g. {@code create-job:503:next=2}. */
    static final class FaultRuleConverter implements ITypeConverter<FaultRule> {
        @Override
        public FaultRule convert(String value) {
            String[] parts = value.split(":");
            try {
                FaultRule rule = FaultRule.on(parts[0].strip());
                for (int i = 1; i < parts.length; i++) {
                    rule = apply(rule, parts[i].strip());
                }
                if (!rule.hasEffect()) {
                    throw new IllegalArgumentException("it names no fault and no delay");
                }
                return rule;
            } catch (IllegalArgumentException wrong) {
                throw new TypeConversionException("'" + value + "' is not a fault rule: "
                        + wrong.getMessage());
            }
        }

        private static FaultRule apply(FaultRule rule, String effect) {
            if (effect.startsWith("delay=")) {
                String[] range = effect.substring("delay=".length()).split("-", 2);
                Duration from = Duration.ofMillis(whole(effect, range[0], "milliseconds", Long.MAX_VALUE));
                return range.length == 1 ? rule.delay(from)
                        : rule.delay(from, Duration.ofMillis(whole(effect, range[1], "milliseconds", Long.MAX_VALUE)));
            }
            if (effect.startsWith("share=")) {
                String share = effect.substring("share=".length());
                try {
                    return rule.share(Double.parseDouble(share));
                } catch (NumberFormatException notANumber) {
                    throw new IllegalArgumentException(effect + ": '" + share + "' is not a number (0 < share <= 1)");
                }
            }
            if (effect.startsWith("next=")) {
                return rule.nextCalls((int) whole(effect, effect.substring("next=".length()), "calls",
                        Integer.MAX_VALUE));
            }
            return rule.fail(FaultRule.Fault.of(effect));
        }

        /**
         * A whole number of {@code unit} in an effect, at most {@code max}; the message names the effect, not Java's
         * parser. Whether it is in the rule's range (not negative, at least 1 call) is FaultRule's to say.
         */
        private static long whole(String effect, String text, String unit, long max) {
            long value;
            try {
                value = Long.parseLong(text.strip());
            } catch (NumberFormatException notWhole) {
                throw new IllegalArgumentException(effect + ": '" + text + "' is not a whole number of " + unit);
            }
            if (value > max) {
                throw new IllegalArgumentException(effect + ": " + value + " is more " + unit + " than " + max);
            }
            return value;
        }
    }

    /**
     * Seconds, decimals allowed ({@code 0.5}), as a duration; whether the value is in range is the builder's
     * ({@link MockOptions}) to say.
     */
    static final class SecondsConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            BigDecimal seconds;
            try {
                seconds = new BigDecimal(value.strip());
            } catch (NumberFormatException notANumber) {
                throw new TypeConversionException("'" + value + "' is not a number of seconds");
            }
            try {
                return Duration.ofNanos(seconds.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact());
            } catch (ArithmeticException tooLarge) {
                throw new TypeConversionException("'" + value + "' is more seconds than a duration holds");
            }
        }
    }

    /** {@code off}, {@code required}, {@code enos-client}. */
    static final class GatewayAuthConverter implements ITypeConverter<GatewayAuth> {
        @Override
        public GatewayAuth convert(String value) {
            try {
                return GatewayAuth.valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(
                        "'" + value + "' is not one of off, required, enos-client");
            }
        }
    }

    @Spec
    CommandSpec spec;

    private volatile OtaMockServer running;

    @Override
    public Integer call() throws InterruptedException {
        MockOptions options;
        OtaMockServer started;
        BehaviourProfile profile = profile();
        try {
            options = MockOptions.mockOptions()
                    .profile(profile)
                    .port(port)
                    .bindAddress(bindAddress)
                    .rootDir(rootDir)
                    .lenient(lenient)
                    .verbose(verbose)
                    .journalEntries(journalEntries)
                    .maxBodyBytes(maxBodyBytes)
                    .maxUploadBytes(maxUploadBytes)
                    .bodyTimeout(bodyTimeout)
                    .containerThreads(containerThreads)
                    .maxJobs(maxJobs)
                    .firmwareStoreBytes(firmwareStoreBytes)
                    .adminToken(adminToken)
                    .allowProxyTargets(allowProxyTargets == null ? List.of() : allowProxyTargets)
                    .exitOnOutOfMemory(true)
                    .faults(faults == null ? new FaultRule[0] : faults.toArray(FaultRule[]::new))
                    .gatewayAuth(auth)
                    .taskPace(taskPace)
                    .taskFailureShare(taskFailureShare)
                    .stateFile(stateFile);
            started = OtaMockServer.start(options);
        } catch (MockOptionException refused) {
            throw usageError(refused);
        }
        try (OtaMockServer mock = started) {
            running = mock;
            Foreground.untilStopped("enos-ota-mock-shutdown", mock::close, () -> {
                printBanner(spec.commandLine().getOut(), mock, options);
                mock.awaitStop();
            });
        } finally {
            running = null;
        }
        return 0;
    }

    private ParameterException usageError(MockOptionException refused) {
        return CommandOptions.refusal(spec, refused.setting(), refused.rule(), refused);
    }

    /** The running server, or null before start and after stop (for tests in the same JVM). */
    OtaMockServer running() {
        return running;
    }

    /** Asks a running {@link #call()} to stop the server and return. */
    void stop() {
        OtaMockServer mock = running;
        if (mock != null) {
            mock.close();
        }
    }

    static void printBanner(PrintWriter out, OtaMockServer mock, MockOptions options) {
        String base = mock.baseUrl();
        String root = options.rootDirOnClasspath()
                ? "the copy inside the jar"
                : Path.of(options.rootDir()).toAbsolutePath().normalize().toString();
        out.println("EnOS OTA mock listening on " + base);
        if (!options.loopbackOnly()) {
            out.println("  WARNING: listening on " + options.bindAddress() + ": other machines can reach the mock at "
                    + String.join(", ", reachableAt(options.bindAddress(), mock.port()))
                    + "; the admin API needs the admin token (Authorization: Token ...)");
        }
        out.println("  stub mappings and default state: " + root);
        out.println("  behaviour profile: " + String.join(" + ", options.profile().layers())
                + " (GET " + base + "/__admin/ota/profile shows every setting)");
        out.println("  unknown body fields: " + (options.lenient() ? "accepted (--lenient or request.unknownFields:"
                + " ignore)" : "rejected with 99400"));
        out.println("  gateway authentication: " + switch (options.gatewayAuth()) {
            case OFF -> "off";
            case REQUIRED -> "required (token service at " + base + "/apim-token-service/v2.0/token/get;"
                    + " the README's \"The mock as a gateway\" shows a signed curl)";
            case ENOS_CLIENT -> "required, and the EnOS Java client's unverifiable tokens let through";
        });
        out.println("  device tasks: a step every " + MockOptions.seconds(options.taskPace()) + " s of a job's running time"
                + (options.taskFailureShare() > 0 ? ", " + options.taskFailureShare() + " of attempts failing" : "")
                + "; move the clock with POST " + base + "/__admin/ota/clock {\"advanceSeconds\": 60}");
        out.println("  EnOS release: " + options.profile().enosVersion() + " (--enos-version; fields and search"
                + " fields of later releases are left out and refused)");
        out.println("  state: " + (mock.stateFile() == null ? "in memory (--state-file keeps it across restarts)"
                : "kept in " + mock.stateFile()));
        out.println("  admin API: " + base + "/__admin/ota/state");
        out.println("Try:");
        out.println("  " + sampleCurl(base));
        out.println("Press Ctrl-C to stop.");
        out.flush();
    }

    /** The URLs that serve, for each address of this machine's interfaces the bind address covers. */
    static List<String> reachableAt(String bindAddress, int port) {
        List<String> urls = new ArrayList<>();
        try {
            InetAddress bound = InetAddress.getByName(bindAddress);
            if (!bound.isAnyLocalAddress()) {
                return List.of("http://" + bound.getHostAddress() + ":" + port);
            }
            for (NetworkInterface nic : Collections.list(
                    NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        urls.add("http://" + address.getHostAddress() + ":" + port);
                    }
                }
            }
        } catch (IOException unknown) {
            urls.add("http://" + bindAddress + ":" + port);
        }
        return urls.isEmpty() ? List.of("http://" + bindAddress + ":" + port) : urls;
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
