package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.enoskit.ota.domain.Firmware;
import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
import org.junit.jupiter.api.Test;

/**
 * A fixture the user names that no longer is what the option says is not the target's fault: the scenario that needs
 * it is skipped with the reason, and the run still passes.
 */
class FixturesTest {
    private static final String ORG = "yourOrgId";
    private static final String UNVERIFIED = "unverifiedFirmwareId";

    @Test
    void aFirmwareVerifiedSinceItWasGivenAsUnverifiedSkips24610WithTheReason() {
        try (OtaMockServer server = OtaMockServer.start(MockOptions.mockOptions().dynamicPort())) {
            Firmware given = server.firmwares(ORG).stream().filter(firmware -> firmware.firmwareId().equals(UNVERIFIED))
                    .findFirst().orElseThrow();
            server.putFirmware(given.verified());

            Targets.Run run = Targets.run("fixture verified meanwhile",
                    Targets.foreign(server.baseUrl(), TargetConfig.Auth.NONE), null);

            assertThat(run.exitCode()).as(run.printed()).isEqualTo(ConformanceRunner.PASSED);
            assertThat(run.outcome().summary().passedRules()).as(run.printed()).doesNotContain("CREATE-24610");
            assertThat(run.printed()).contains("the firmware " + UNVERIFIED + " given with --unverified-firmware-id"
                    + " is verified already (Get Firmware File answers isVerified true), so no upgrade job on it can"
                    + " be refused with 24610; name a firmware that awaits verification");
        }
    }
}
