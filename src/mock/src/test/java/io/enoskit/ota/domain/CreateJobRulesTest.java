package io.enoskit.ota.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enoskit.ota.model.UpgradeScope;
import io.enoskit.ota.model.VerificationJobRequest;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class CreateJobRulesTest {
    private static final int DEFAULT_LIMIT = 5;
    /** A store's selection where each named device exists: the distinct deviceKeys, none when none are named. */
    private static final ToIntFunction<UpgradeScope> NAMED_DEVICES = scope -> scope.getDeviceKeys() == null ? 0
            : (int) scope.getDeviceKeys().stream().distinct().count();

    @Test
    void verificationJobWithTotalScopeIs24611() {
        VerificationJobRequest request = Requests.verification(1);
        request.getUpgradeScope().type(UpgradeScope.TypeEnum.TOTAL);

        assertThatThrownBy(() -> CreateJobRules.check(Requests.firmware("o", "f"), request, DEFAULT_LIMIT,
                NAMED_DEVICES))
                .isInstanceOfSatisfying(OtaRuleException.class, e -> {
                    assertThat(e.code()).isEqualTo(24611);
                    assertThat(e.getMessage())
                            .isEqualTo("upgradeScope type total is not allowed for verification task");
                });
    }

    @Test
    void verificationJobOverTheFirmwareLimitIs24612WithThatLimit() {
        Firmware limitedToThree = new Firmware("o", "f", "fw", "1.1", false, false, 3);

        assertThatThrownBy(() -> CreateJobRules.check(limitedToThree, Requests.verification(4), DEFAULT_LIMIT,
                NAMED_DEVICES))
                .isInstanceOf(OtaRuleException.class)
                .hasMessage("Exceeded max verification deviceKeys, max[3]")
                .extracting(e -> ((OtaRuleException) e).code()).isEqualTo(24612);
    }

    @Test
    void verificationJobOverTheDefaultLimitIs24612WhenTheFirmwareSetsNone() {
        assertThatThrownBy(() -> CreateJobRules.check(Requests.firmware("o", "f"), Requests.verification(6), 5,
                NAMED_DEVICES))
                .isInstanceOf(OtaRuleException.class)
                .hasMessage("Exceeded max verification deviceKeys, max[5]");
    }

    @Test
    void verificationJobAtTheLimitPasses() {
        assertThatCode(() -> CreateJobRules.check(Requests.firmware("o", "f"), Requests.verification(5), 5,
                NAMED_DEVICES))
                .doesNotThrowAnyException();
    }

    @Test
    void verificationJobOnAFirmwareNeedingVerificationPasses() {
        assertThatCode(() -> CreateJobRules.check(Requests.needingVerification("o", "f"),
                Requests.verification(1), DEFAULT_LIMIT, NAMED_DEVICES)).doesNotThrowAnyException();
    }

    @Test
    void totalScopeIsReportedBeforeTheDeviceLimit() {
        VerificationJobRequest request = Requests.verification(9);
        request.getUpgradeScope().type(UpgradeScope.TypeEnum.TOTAL);

        assertThatThrownBy(() -> CreateJobRules.check(Requests.firmware("o", "f"), request, DEFAULT_LIMIT,
                NAMED_DEVICES))
                .isInstanceOf(OtaRuleException.class)
                .extracting(e -> ((OtaRuleException) e).code()).isEqualTo(24611);
    }

    @Test
    void upgradeJobOnAnUnverifiedFirmwareNeedingVerificationIs24610() {
        assertThatThrownBy(() -> CreateJobRules.check(Requests.needingVerification("o", "f"),
                Requests.upgrade(), DEFAULT_LIMIT, NAMED_DEVICES))
                .isInstanceOf(OtaRuleException.class)
                .hasMessage("Not allowed to create job as firmware is not verified while enable verification"
                        + " is switched on")
                .extracting(e -> ((OtaRuleException) e).code()).isEqualTo(24610);
    }

    @Test
    void upgradeJobOnAVerifiedFirmwarePasses() {
        Firmware verified = Requests.needingVerification("o", "f").verified();

        assertThatCode(() -> CreateJobRules.check(verified, Requests.upgrade(), DEFAULT_LIMIT, NAMED_DEVICES))
                .doesNotThrowAnyException();
    }

    @Test
    void upgradeJobOnAFirmwareWithoutVerificationPassesUnverified() {
        assertThatCode(() -> CreateJobRules.check(Requests.firmware("o", "f"), Requests.upgrade(), DEFAULT_LIMIT,
                NAMED_DEVICES))
                .doesNotThrowAnyException();
    }

    @Test
    void verificationJobNamingNoDeviceIs24612WhenItsScopeSelectsMoreThanTheLimit() {
        VerificationJobRequest noDeviceKeys = Requests.verification(0);
        noDeviceKeys.getUpgradeScope().deviceKeys(null);

        assertThatThrownBy(() -> CreateJobRules.check(Requests.firmware("o", "f"), noDeviceKeys, DEFAULT_LIMIT,
                scope -> 12))
                .isInstanceOf(OtaRuleException.class)
                .hasMessage("Exceeded max verification deviceKeys, max[5]")
                .extracting(e -> ((OtaRuleException) e).code()).isEqualTo(24612);
    }

    @Test
    void verificationJobWhoseScopeSelectsAsManyAsTheLimitOrNoDevicePasses() {
        VerificationJobRequest noDeviceKeys = Requests.verification(0);
        noDeviceKeys.getUpgradeScope().deviceKeys(null);

        assertThatCode(() -> CreateJobRules.check(Requests.firmware("o", "f"), noDeviceKeys, DEFAULT_LIMIT,
                scope -> 5)).doesNotThrowAnyException();
        assertThatCode(() -> CreateJobRules.check(Requests.firmware("o", "f"), noDeviceKeys, DEFAULT_LIMIT,
                scope -> 0)).doesNotThrowAnyException();
    }

    @Test
    void upgradeJobsHaveNoVerificationLimitOnWhatTheySelect() {
        assertThatCode(() -> CreateJobRules.check(Requests.firmware("o", "f"), Requests.upgrade(), DEFAULT_LIMIT,
                scope -> 1000)).doesNotThrowAnyException();
    }
}
