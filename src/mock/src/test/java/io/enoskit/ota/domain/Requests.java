package io.enoskit.ota.domain;

import io.enoskit.ota.model.UpgradeJobRequest;
import io.enoskit.ota.model.UpgradeScope;
import io.enoskit.ota.model.VerificationJobRequest;
import java.util.ArrayList;
import java.util.List;

/** Minimal valid request bodies for the domain tests, as the generated models. */
final class Requests {
    private Requests() {
    }

    static UpgradeJobRequest upgrade() {
        return new UpgradeJobRequest()
                .type("upgrade")
                .upgradePolicy(UpgradeJobRequest.UpgradePolicyEnum.SNAPSHOT)
                .enableUpgradeRequest(true)
                .upgradeScope(new UpgradeScope().type(UpgradeScope.TypeEnum.PARTIAL).deviceKeys(List.of("dk1")));
    }

    static VerificationJobRequest verification(int deviceKeys) {
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= deviceKeys; i++) {
            keys.add("dk" + i);
        }
        return new VerificationJobRequest()
                .type("verify")
                .upgradeScope(new UpgradeScope().type(UpgradeScope.TypeEnum.PARTIAL).deviceKeys(keys));
    }

    static Firmware firmware(String orgId, String firmwareId) {
        return new Firmware(orgId, firmwareId, "fw", "1.1", false, false, null);
    }

    static Firmware needingVerification(String orgId, String firmwareId) {
        return new Firmware(orgId, firmwareId, "fw", "2.0", true, false, null);
    }
}
