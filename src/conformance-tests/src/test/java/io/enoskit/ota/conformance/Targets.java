package io.enoskit.ota.conformance;

import com.github.tomakehurst.wiremock.extension.Extension;
import io.enoskit.ota.mock.GatewayAuth;
import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the conformance features through {@link ConformanceRunner}, as against a foreign gateway, at a mock (or a
 * test double of it) started for the run; the summary goes to a string, not to the build log.
 */
final class Targets {
    static final String APP_KEY = "8c1a2b3d-4e5f-6789-abcd-ef0123456789";
    static final String APP_SECRET = "1b2c3d4e-5f60-7182-93a4-b5c6d7e8f901";

    /** What one run showed and printed, and where its reports are. */
    record Run(ConformanceRunner.Outcome outcome, String printed, Path reports) {
        int exitCode() {
            return outcome.exitCode();
        }

        List<String> failedRules() {
            return outcome.summary() == null ? List.of() : outcome.summary().failedRules();
        }
    }

    private Targets() {
    }

    /**
     * Devices the mock's default state does not list. The mock makes such a device up on the first version a job's
     * scope names, so the kit's started dormant jobs get a task for each, which stays init (their schedule opens in 30
     * days): the target is a gateway that makes tasks for a dormant job, and CANCEL-24620 and RETRY-24621 run there.
     */
    static final List<String> UNLISTED_DEVICES = List.of("gatewayDevice1", "gatewayDevice2", "gatewayDevice3",
            "gatewayDevice4", "gatewayDevice5");
    /** The devices of the mock's default state, on version 1.0: a dormant job's scope selects none of them. */
    static final List<String> LISTED_DEVICES = List.of("deviceKey1", "deviceKey2", "deviceKey3", "deviceKey4",
            "deviceKey5");

    /**
     * The fixtures of the mock's default state, as a user of a real gateway would give them, with devices the state
     * does not list ({@link #UNLISTED_DEVICES}).
     */
    static TargetConfig foreign(String baseUrl, TargetConfig.Auth auth) {
        return foreign(baseUrl, auth, UNLISTED_DEVICES);
    }

    /** The fixtures of the mock's default state with the given device keys. */
    static TargetConfig foreign(String baseUrl, TargetConfig.Auth auth, List<String> deviceKeys) {
        return new TargetConfig(baseUrl, "yourOrgId", null, "yourFirmwareId", "unverifiedFirmwareId",
                "noSuchFirmware", deviceKeys, 5, true, auth, auth == TargetConfig.Auth.NONE ? null : APP_KEY,
                auth == TargetConfig.Auth.NONE ? null : APP_SECRET, Duration.ofSeconds(10));
    }

    /** A test double that needs the mock it stands in front of. */
    interface ServerAware {
        void server(OtaMockServer server);
    }

    /** Starts a mock with the given gateway authentication and test-double extensions, runs the features at it. */
    static Run run(String name, GatewayAuth gatewayAuth, TargetConfig.Auth auth, String tags, Extension... doubles) {
        try (OtaMockServer server = OtaMockServer.start(MockOptions.mockOptions().dynamicPort()
                .gatewayAuth(gatewayAuth).extensions(doubles))) {
            for (Extension extension : doubles) {
                if (extension instanceof ServerAware aware) {
                    aware.server(server);
                }
            }
            return run(name, foreign(server.baseUrl(), auth), tags);
        }
    }

    /** The fixtures of the mock's default state for the in-process mock, with the given authentication of calls. */
    static TargetConfig inProcess(TargetConfig.Auth auth) {
        TargetConfig mock = TargetConfig.inProcessMock();
        return new TargetConfig(null, mock.orgId(), null, mock.readyFirmwareId(), mock.unverifiedFirmwareId(),
                "noSuchFirmware", mock.deviceKeys(), mock.verificationLimit(), true, auth,
                auth == TargetConfig.Auth.NONE ? null : APP_KEY, auth == TargetConfig.Auth.NONE ? null : APP_SECRET,
                Duration.ofSeconds(10));
    }

    /**
     * Starts a mock with the given extensions and runs the features with it as the in-process target, so that the
     * scenarios tagged {@code @mock-only} (the mock's admin routes and simulation) run too.
     */
    static Run runInProcess(String name, TargetConfig.Auth auth, String tags, Extension... doubles) {
        try (OtaMockServer server = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().frozenClock(true)
                .extensions(doubles))) {
            for (Extension extension : doubles) {
                if (extension instanceof ServerAware aware) {
                    aware.server(server);
                }
            }
            StringWriter printed = new StringWriter();
            ConformanceRunner.Outcome outcome = new ConformanceRunner(inProcess(auth), tags, reports(name),
                    new PrintWriter(printed, true), server::baseUrl).run();
            return new Run(outcome, printed + outcome.message(), reports(name));
        }
    }

    /** The extensions of a correct gateway in front of the given doubles (the gateway checks first). */
    static Extension[] behindGateway(Extension... doubles) {
        List<Extension> all = new ArrayList<>(List.of(TestGateway.correct()));
        all.addAll(List.of(doubles));
        return all.toArray(Extension[]::new);
    }

    static Run run(String name, TargetConfig target, String tags) {
        return run(name, target, tags, null);
    }

    /** Runs the features at a target; with a profile file, writes the target's observed profile there. */
    static Run run(String name, TargetConfig target, String tags, Path profile) {
        StringWriter printed = new StringWriter();
        ConformanceRunner runner = new ConformanceRunner(target, tags, reports(name), new PrintWriter(printed, true));
        ConformanceRunner.Outcome outcome = (profile == null ? runner : runner.writeProfile(profile)).run();
        return new Run(outcome, printed + outcome.message(), reports(name));
    }

    /**
     * Starts a mock with the given options and test-double extensions, runs the features at it (no gateway
     * authentication) and writes its observed profile to {@code profile}.
     */
    static Run observe(String name, MockOptions options, Path profile, Extension... doubles) {
        try (OtaMockServer server = OtaMockServer.start(options.dynamicPort().extensions(doubles))) {
            for (Extension extension : doubles) {
                if (extension instanceof ServerAware aware) {
                    aware.server(server);
                }
            }
            return run(name, foreign(server.baseUrl(), TargetConfig.Auth.NONE), null, profile);
        }
    }

    private static Path reports(String name) {
        return Path.of("target", "conformance-runs", name.replaceAll("\\W+", "-"));
    }
}
