package io.enoskit.ota.domain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enoskit.ota.model.UpgradeScope;
import io.enoskit.ota.model.VerificationJobRequest;
import org.junit.jupiter.api.Test;

class CreateJobRulesTest {
    private static final int DEFAULT_LIMIT = 5;

    @Test
    void verificationJobWithTotalScopeIs24611() {
        VerificationJobRequest request = Requests.verification(1);
        request.getUpgradeScope().type(UpgradeScope.TypeEnum.TOTAL);

        assertThatThrownBy(() -> CreateJobRules.check(Requests.firmware("o", "f"), request, DEFAULT_LIMIT))
                .isInstanceOfSatisfying(OtaRuleException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(24611);
                    org.assertj.core.api.Assertions.assertThat(e.getMessage())
                            .isEqualTo("upgradeScope type total is not allowed for verification task");
                });
    }

    @Test
    void verificationJobOverTheFirmwareLimitIs24612WithThatLimit() {
        Firmware limitedToThree = new Firmware("o", "f", "fw", "1.1", false, false, 3);

        assertThatThrownBy(() -> CreateJobRules.check(limitedToThree, Requests.verification(4), DEFAULT_LIMIT))
                .isInstanceOf(OtaRuleException.class)
                .hasMessage("Exceeded max verification deviceKeys, max[3]")
                .extracting(e -> ((OtaRuleException) e).code()).isEqualTo(24612);
    }

    @Test
    void verificationJobOverTheDefaultLimitIs24612WhenTheFirmwareSetsNone() {
        assertThatThrownBy(() -> CreateJobRules.check(Requests.firmware("o", "f"), Requests.verification(6), 5))
                .isInstanceOf(OtaRuleException.class)
                .hasMessage("Exceeded max verification deviceKeys, max[5]");
    }

    @Test
    void verificationJobAtTheLimitPasses() {
        assertThatCode(() -> CreateJobRules.check(Requests.firmware("o", "f"), Requests.verification(5), 5))
                .doesNotThrowAnyException();
    }

    @Test
    void verificationJobOnAFirmwareNeedingVerificationPasses() {
        assertThatCode(() -> CreateJobRules.check(Requests.needingVerification("o", "f"),
                Requests.verification(1), DEFAULT_LIMIT)).doesNotThrowAnyException();
    }

    @Test
    void totalScopeIsReportedBeforeTheDeviceLimit() {
        VerificationJobRequest request = Requests.verification(9);
        request.getUpgradeScope().type(UpgradeScope.TypeEnum.TOTAL);

        assertThatThrownBy(() -> CreateJobRules.check(Requests.firmware("o", "f"), request, DEFAULT_LIMIT))
                .isInstanceOf(OtaRuleException.class)
                .extracting(e -> ((OtaRuleException) e).code()).isEqualTo(24611);
    }

    @Test
    void upgradeJobOnAnUnverifiedFirmwareNeedingVerificationIs24610() {
        assertThatThrownBy(() -> CreateJobRules.check(Requests.needingVerification("o", "f"),
                Requests.upgrade(), DEFAULT_LIMIT))
                .isInstanceOf(OtaRuleException.class)
                .hasMessage("Not allowed to create job as firmware is not verified while enable verification"
                        + " is switched on")
                .extracting(e -> ((OtaRuleException) e).code()).isEqualTo(24610);
    }

    @Test
    void upgradeJobOnAVerifiedFirmwarePasses() {
        Firmware verified = Requests.needingVerification("o", "f").verified();

        assertThatCode(() -> CreateJobRules.check(verified, Requests.upgrade(), DEFAULT_LIMIT))
                .doesNotThrowAnyException();
    }

    @Test
    void upgradeJobOnAFirmwareWithoutVerificationPassesUnverified() {
        assertThatCode(() -> CreateJobRules.check(Requests.firmware("o", "f"), Requests.upgrade(), DEFAULT_LIMIT))
                .doesNotThrowAnyException();
    }
}
