package io.enoskit.ota.cli;

import io.cucumber.core.cli.Main;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code conform}: runs the conformance features packaged in the jar against a base URL and reports where the
 * target deviates from the documented behaviour. Exit codes: 0 every documented rule held (skips allowed), 1 a
 * rule failed, 2 wrong usage, 4 the gateway refused the credentials (nothing else ran).
 */
@Command(name = "conform", mixinStandardHelpOptions = true,
        description = "Run the conformance features against an EnOS API gateway or any implementation.")
final class ConformCommand implements Callable<Integer> {
    /** The gateway refused the credentials. */
    static final int EXIT_AUTH = 4;

    @Option(names = "--base-url", required = true, paramLabel = "URL",
            description = "The server under test, e.g. https://apigw.example.com.")
    String baseUrl;

    @Option(names = "--org-id", paramLabel = "ID", defaultValue = "${env:OTA_ORG_ID}",
            description = "The organization to create jobs in (env OTA_ORG_ID).")
    String orgId;

    @Option(names = "--ready-firmware-id", paramLabel = "ID", defaultValue = "${env:OTA_READY_FIRMWARE_ID}",
            description = "A firmware an upgrade job may use (env OTA_READY_FIRMWARE_ID).")
    String readyFirmwareId;

    @Option(names = "--unverified-firmware-id", paramLabel = "ID", defaultValue = "${env:OTA_UNVERIFIED_FIRMWARE_ID}",
            description = "A firmware awaiting verification, for 24610 (env OTA_UNVERIFIED_FIRMWARE_ID).")
    String unverifiedFirmwareId;

    @Option(names = "--missing-firmware-id", paramLabel = "ID", defaultValue = "${env:OTA_MISSING_FIRMWARE_ID}",
            description = "An id no firmware of the org has, for 24404 (env OTA_MISSING_FIRMWARE_ID; default: a random id).")
    String missingFirmwareId;

    @Option(names = "--device-keys", paramLabel = "KEYS", defaultValue = "${env:OTA_DEVICE_KEYS}",
            description = "Comma-separated devices a created job may name; no other device is used (env OTA_DEVICE_KEYS).")
    String deviceKeys;

    @Option(names = "--verification-limit", paramLabel = "COUNT", defaultValue = "${env:OTA_VERIFICATION_LIMIT}",
            description = "The ready firmware's verification limit, to check N in max[N] (env OTA_VERIFICATION_LIMIT).")
    String verificationLimit;

    @Option(names = "--fixtures", paramLabel = "FILE",
            description = "A properties file with any of: orgId, readyFirmwareId, unverifiedFirmwareId,"
                    + " missingFirmwareId, deviceKeys, verificationLimit.")
    Path fixtures;

    @Option(names = "--auth", paramLabel = "MODE", defaultValue = "none",
            description = "Gateway authentication: none, token (APIM token service, signed calls) or poseidon (the"
                    + " official EnOS Java client sends the requests; needs its jar on the class path)"
                    + " (default: ${DEFAULT-VALUE}).")
    String auth;

    @Option(names = "--app-key", paramLabel = "KEY", defaultValue = "${env:OTA_APP_KEY}",
            description = "Application key for --auth token (env OTA_APP_KEY).")
    String appKey;

    @Option(names = "--app-secret", paramLabel = "SECRET", defaultValue = "${env:OTA_APP_SECRET}",
            description = "Application secret for --auth token (env OTA_APP_SECRET, preferred: a command line can be"
                    + " seen by other users). Never printed or written to a report.")
    String appSecret;

    @Option(names = "--allow-writes",
            description = "Run the scenarios that create jobs (tagged @creates-job); they name only --device-keys,"
                    + " and every job created is stopped and deleted at the end.")
    boolean allowWrites;

    @Option(names = "--tags", paramLabel = "EXPRESSION",
            description = "Run only the scenarios matching this Cucumber tag expression, e.g. \"not @parameter-rules\".")
    String tags;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "conformance-report",
            description = "Where report.html, junit.xml, summary.txt and scenarios.tsv go (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ota.baseUrl", baseUrl);
        settings.put("ota.orgId", orgId);
        settings.put("ota.readyFirmwareId", readyFirmwareId);
        settings.put("ota.unverifiedFirmwareId", unverifiedFirmwareId);
        settings.put("ota.missingFirmwareId", missingFirmwareId);
        settings.put("ota.deviceKeys", deviceKeys);
        settings.put("ota.verificationLimit", verificationLimit);
        settings.put("ota.fixtures", fixtures == null ? null : fixtures.toString());
        settings.put("ota.allowWrites", String.valueOf(allowWrites));
        settings.put("ota.auth", auth);
        settings.put("ota.appKey", appKey);
        settings.put("ota.appSecret", appSecret);
        settings.values().removeIf(value -> value == null || value.isBlank());
        settings.forEach(System::setProperty);
        try {
            String unusable = io.enoskit.ota.conformance.Conformance.unusableTarget();
            if (unusable != null) {
                spec.commandLine().getErr().println("error: " + unusable);
                return KitCommand.EXIT_USAGE;
            }
            String refused = io.enoskit.ota.conformance.Conformance.checkCredentials();
            if (refused != null) {
                spec.commandLine().getErr().println("authentication failed: " + refused);
                return EXIT_AUTH;
            }
            List<String> args = new ArrayList<>(List.of("--glue", "io.enoskit.ota.conformance",
                    "--plugin", "html:" + reportDir.resolve("report.html"),
                    "--plugin", "junit:" + reportDir.resolve("junit.xml"),
                    "--plugin", "io.enoskit.ota.conformance.ConformanceSummary:" + reportDir.resolve("summary.txt"),
                    "--monochrome"));
            if (tags != null) {
                args.addAll(List.of("--tags", tags));
            }
            args.add("classpath:io/enoskit/ota/features");
            byte status = Main.run(args.toArray(String[]::new), Thread.currentThread().getContextClassLoader());
            PrintWriter out = spec.commandLine().getOut();
            out.println("reports: " + reportDir.toAbsolutePath().normalize());
            out.flush();
            return status == 0 ? 0 : 1;
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }
}
