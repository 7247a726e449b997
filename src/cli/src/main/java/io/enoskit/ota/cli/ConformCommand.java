package io.enoskit.ota.cli;

import io.enoskit.ota.conformance.ConformanceRunner;
import io.enoskit.ota.conformance.TargetConfig;
import io.enoskit.ota.profile.EnosVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code conform}: runs the conformance features packaged in the jar against a base URL and reports where the
 * target deviates from the documented behaviour ({@link ConformanceRunner} does the work; this maps options).
 */
@Command(name = "conform", mixinStandardHelpOptions = true,
        description = {"Run the conformance features against an EnOS API gateway or any implementation.",
            "A failure means a documented rule is broken; what the vendor pages leave open is reported as an"
                    + " observation. Options may also come from a file: conform @target.args (one option per line)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every documented rule the run exercised held (skips and observations allowed)",
            "1:a documented rule failed (the summary names it)",
            "2:wrong usage: a setting missing or wrong (named by its option), no scenario matches --tags, or"
                    + " --base-url answers but is not the API (HTTP 404 at its paths, or no EnOS envelope)",
            "4:the gateway refused the credentials, or asks for some and none were given",
            "5:could not judge: the target is unreachable, silent (--timeout) or dropped connections"})
final class ConformCommand implements Callable<Integer> {
    @Option(names = "--base-url", required = true, paramLabel = "URL", converter = CommandOptions.BaseUrlConverter.class,
            description = "The server under test, an http or https URL the API's paths are added to, e.g."
                    + " https://apigw.example.com.")
    String baseUrl;

    @Option(names = "--org-id", paramLabel = "ID", defaultValue = "${env:OTA_ORG_ID}",
            description = "The organization to create jobs in (env OTA_ORG_ID).")
    String orgId;

    @Option(names = "--other-org-id", paramLabel = "ID", defaultValue = "${env:OTA_OTHER_ORG_ID}",
            description = "A second organization of yours, for the isolation rules (env OTA_OTHER_ORG_ID;"
                    + " default: an organization id that cannot exist).")
    String otherOrgId;

    @Option(names = "--ready-firmware-id", paramLabel = "ID", defaultValue = "${env:OTA_READY_FIRMWARE_ID}",
            description = "A firmware an upgrade job may use (env OTA_READY_FIRMWARE_ID).")
    String readyFirmwareId;

    @Option(names = "--unverified-firmware-id", paramLabel = "ID", defaultValue = "${env:OTA_UNVERIFIED_FIRMWARE_ID}",
            description = "A firmware awaiting verification, for 24610 (env OTA_UNVERIFIED_FIRMWARE_ID).")
    String unverifiedFirmwareId;

    @Option(names = "--missing-firmware-id", paramLabel = "ID", defaultValue = "${env:OTA_MISSING_FIRMWARE_ID}",
            description = "An id no firmware of the org has, for 24404 (env OTA_MISSING_FIRMWARE_ID; default: a"
                    + " random id).")
    String missingFirmwareId;

    @Option(names = "--device-keys", paramLabel = "KEYS", split = ",", defaultValue = "${env:OTA_DEVICE_KEYS}",
            description = "Comma-separated devices a created job may name; no other device is used"
                    + " (env OTA_DEVICE_KEYS).")
    List<String> deviceKeys;

    @Option(names = "--verification-limit", paramLabel = "COUNT", defaultValue = "${env:OTA_VERIFICATION_LIMIT}",
            description = "The ready firmware's verification limit, to check N in max[N] and that N devices are"
                    + " accepted (env OTA_VERIFICATION_LIMIT).")
    Integer verificationLimit;

    @Option(names = "--auth", paramLabel = "MODE", defaultValue = "none",
            description = "Gateway authentication: none, token or poseidon (token: APIM token service, signed"
                    + " calls; poseidon: the official EnOS Java client sends the requests, its jar on the class"
                    + " path) (default: ${DEFAULT-VALUE}).")
    TargetConfig.Auth auth;

    @Option(names = "--app-key", paramLabel = "KEY", defaultValue = "${env:OTA_APP_KEY}",
            description = "Application key for --auth token or poseidon (env OTA_APP_KEY).")
    String appKey;

    @Option(names = "--app-secret", paramLabel = "SECRET", defaultValue = "${env:OTA_APP_SECRET}",
            description = "Application secret for --auth token or poseidon (env OTA_APP_SECRET, preferred: a"
                    + " command line can be seen by other users). Never printed or written to a report.")
    String appSecret;

    @Option(names = "--allow-writes",
            description = "Run the scenarios that create jobs (tagged @creates-job and @starts-job); they name only"
                    + " --device-keys, started jobs are dormant (a version no device runs, a schedule 30 days"
                    + " ahead), and every job created is stopped and deleted at the end.")
    boolean allowWrites;

    @Option(names = "--tags", paramLabel = "EXPRESSION",
            description = "Run only the scenarios matching this Cucumber tag expression, e.g. \"not @parameter-rules\".")
    String tags;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = CommandOptions.TIMEOUT_SECONDS,
            description = "Connect and read timeout of every call, in seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--enos-version", paramLabel = "VERSION", converter = MockCommand.EnosVersionConverter.class,
            description = "The EnOS release whose rules are checked: 2.2, 2.3, 2.4 or 3.0 (2.4.4 and enos-2.4 name"
                    + " 2.4). Fields of later releases in answers are observations, not failures; rules of later"
                    + " releases are not run (not applicable); the reports name the release (default: the newest the"
                    + " kit covers, " + MockCommand.EnosVersionConverter.NEWEST + ").")
    EnosVersion enosVersion;

    @Option(names = "--write-profile", paramLabel = "FILE",
            description = "Write the target's observed behaviour profile to FILE (YAML): only the settings the run saw"
                    + " evidence for, each with source observed, the target, the time and the exchange (credentials"
                    + " masked); start the mock with --profile FILE to behave as the target did. Adds a few"
                    + " harmless probes before the scenarios (a create on the missing firmware, a search, a POST Get"
                    + " of a job that does not exist).")
    Path profileFile;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = CommandOptions.REPORT_DIR,
            description = "Where report.html, junit.xml, summary.txt and scenarios.tsv go (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TargetConfig target = target();
        ConformanceRunner runner = new ConformanceRunner(target, tags, reportDir, spec.commandLine().getOut());
        ConformanceRunner.Outcome outcome = (profileFile == null ? runner : runner.writeProfile(profileFile)).run();
        if (outcome.summary() != null) {
            spec.commandLine().getOut().println("reports: " + reportDir.toAbsolutePath().normalize());
            spec.commandLine().getOut().flush();
        }
        if (profileFile != null && outcome.observed() == null) {
            spec.commandLine().getErr().println("--write-profile " + profileFile + ": nothing written, the run"
                    + " stopped before the scenarios");
        }
        if (outcome.exitCode() == ConformanceRunner.PASSED) {
            spec.commandLine().getOut().println(outcome.message());
        } else {
            spec.commandLine().getErr().println(outcome.message());
        }
        return outcome.exitCode();
    }

    /**
     * The target these options describe.
     *
     * @throws ParameterException naming every missing or wrong setting by its option
     */
    TargetConfig target() {
        List<String> problems = new ArrayList<>();
        if (blank(orgId)) {
            problems.add("--org-id is required (or env OTA_ORG_ID)");
        }
        if (blank(readyFirmwareId)) {
            problems.add("--ready-firmware-id is required (or env OTA_READY_FIRMWARE_ID)");
        }
        if (auth != TargetConfig.Auth.NONE && blank(appKey)) {
            problems.add("--app-key is required with --auth " + name(auth) + " (or env OTA_APP_KEY)");
        }
        if (auth != TargetConfig.Auth.NONE && blank(appSecret)) {
            problems.add("--app-secret is required with --auth " + name(auth) + " (or env OTA_APP_SECRET)");
        }
        if (auth == TargetConfig.Auth.POSEIDON && !poseidonAvailable()) {
            problems.add("--auth poseidon needs com.envisioniot:apim-poseidon on the class path (see the README)");
        }
        if (verificationLimit != null && verificationLimit < 1) {
            problems.add("--verification-limit must be at least 1, was " + verificationLimit);
        }
        String timeout = CommandOptions.timeoutProblem(timeoutSeconds);
        if (timeout != null) {
            problems.add(timeout);
        }
        if (!problems.isEmpty()) {
            throw new ParameterException(spec.commandLine(), String.join(System.lineSeparator(), problems));
        }
        CommandOptions.writableDir(spec, "--report-dir", reportDir);
        if (profileFile != null) {
            CommandOptions.writableFile(spec, "--write-profile", profileFile);
        }
        List<String> keys = deviceKeys == null ? List.of()
                : deviceKeys.stream().map(String::strip).filter(key -> !key.isEmpty()).toList();
        return new TargetConfig(baseUrl, orgId, blank(otherOrgId) ? null : otherOrgId, readyFirmwareId,
                blank(unverifiedFirmwareId) ? null : unverifiedFirmwareId,
                blank(missingFirmwareId) ? null : missingFirmwareId, keys, verificationLimit, allowWrites, auth,
                appKey, appSecret, Duration.ofSeconds(timeoutSeconds), enosVersion);
    }

    private static boolean poseidonAvailable() {
        try {
            Class.forName("com.envision.apim.poseidon.core.Poseidon");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static String name(TargetConfig.Auth auth) {
        return auth.name().toLowerCase(Locale.ROOT);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
