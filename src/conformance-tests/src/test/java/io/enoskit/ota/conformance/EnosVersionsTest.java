package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
import io.enoskit.ota.profile.BehaviourProfile;
import io.enoskit.ota.profile.EnosVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * {@code conform --enos-version V} checks the rules of release V (reference notes §7): against a mock serving V it
 * passes; against a mock of a later release the fields V lacks are observations, not failures; the rules of later
 * releases are not run, and the reports name the release checked.
 */
class EnosVersionsTest {
    /** The searches: where the releases differ in what a gateway accepts. */
    private static final String SEARCHES = "@search-ota-job or @ota-tasks or @firmware-files";

    @Test
    void conform23PassesAgainstAMockServing23AndTheReportsNameTheRelease() throws IOException {
        Targets.Run run = run("conform-2.3-on-mock-2.3", EnosVersion.V2_3, EnosVersion.V2_3, null);

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(ConformanceRunner.PASSED);
        assertThat(run.printed()).contains("EnOS release 2.3").doesNotContain("firmwareVersion' is not defined");
        assertThat(Files.readString(run.reports().resolve("summary.txt"), StandardCharsets.UTF_8))
                .contains("EnOS release 2.3");
        assertThat(Files.readString(run.reports().resolve("report.html"), StandardCharsets.UTF_8))
                .contains("EnOS release 2.3");
    }

    @Test
    void conform23PassesAgainstA24MockAndObservesThe24Fields() {
        Targets.Run run = run("conform-2.3-on-mock-2.4", EnosVersion.V2_3, EnosVersion.V2_4, null);

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(ConformanceRunner.PASSED);
        assertThat(run.printed()).contains("Observations (undocumented behaviour; not failures)",
                "property 'firmwareVersion' is not defined in the schema",
                "property 'firmwareName' is not defined in the schema",
                "property 'maxAllowedForVerification' is not defined in the schema");
    }

    @Test
    void conform22DoesNotRunTheRulesOf23() {
        Targets.Run run = run("conform-2.2-on-mock-2.2", EnosVersion.V2_2, EnosVersion.V2_2, SEARCHES);

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(ConformanceRunner.PASSED);
        assertThat(run.printed()).contains("not applicable to EnOS 2.2 1",
                "Not applicable to EnOS 2.2 (rules of later releases; not run, not failed):",
                "SEARCH-JOB-BY-VERSION (from EnOS 2.3):");
        assertThat(run.outcome().summary().passedRules()).doesNotContain("SEARCH-JOB-BY-VERSION");
    }

    /** The default release checks 2.3's search by firmwareVersion, which a 2.2 gateway refuses: allowed to fail. */
    @Test
    void theNewestReleaseFailsA22MockOnTheSearchOf23() {
        Targets.Run run = run("conform-default-on-mock-2.2", null, EnosVersion.V2_2, SEARCHES);

        assertThat(run.exitCode()).as(run.printed()).isEqualTo(ConformanceRunner.RULE_FAILED);
        assertThat(run.failedRules()).containsExactly("SEARCH-JOB-BY-VERSION");
        assertThat(run.printed()).contains("EnOS release 3.0", "field 'firmwareVersion' is not in EnOS 2.2");
    }

    /**
     * Starts a mock serving {@code served} and runs conform at it, checking {@code checked} (null: the default).
     */
    private static Targets.Run run(String name, EnosVersion checked, EnosVersion served, String tags) {
        try (OtaMockServer mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().journalEntries(0)
                .profile(BehaviourProfile.of(served)))) {
            TargetConfig target = Targets.foreign(mock.baseUrl(), TargetConfig.Auth.NONE);
            return Targets.run(name, checked == null ? target : target.withEnosVersion(checked), tags);
        }
    }
}
