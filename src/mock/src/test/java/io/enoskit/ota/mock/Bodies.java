package io.enoskit.ota.mock;

import io.enoskit.ota.contract.Json;
import io.enoskit.ota.model.StringI18n;
import io.enoskit.ota.model.UpgradeJobRequest;
import io.enoskit.ota.model.UpgradeScope;
import io.enoskit.ota.model.VerificationJobRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Request bodies for the HTTP tests: the vendor page's sample verbatim, and models serialised by Jackson. */
final class Bodies {
    private Bodies() {
    }

    /** The request sample of the vendor page "V2.1 Create OTA Job", byte for byte. */
    static String vendorSample() {
        try (InputStream in = Bodies.class.getResourceAsStream("/io/enoskit/ota/spec/examples/vendor-request-sample.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static UpgradeJobRequest upgradeModel() {
        return new UpgradeJobRequest()
                .name(new StringI18n().defaultValue("nightly"))
                .type("upgrade")
                .upgradePolicy(UpgradeJobRequest.UpgradePolicyEnum.SNAPSHOT)
                .enableUpgradeRequest(false)
                .upgradeScope(new UpgradeScope().type(UpgradeScope.TypeEnum.PARTIAL)
                        .deviceKeys(List.of("deviceKey1")).versionNumbers(List.of("1.0")));
    }

    static String upgrade() {
        return Json.write(upgradeModel());
    }

    static String upgradeWithTimeout(long seconds) {
        return Json.write(upgradeModel().upgradeTimeout(seconds));
    }

    static VerificationJobRequest verificationModel(int deviceKeys) {
        List<String> keys = new ArrayList<>();
        for (int i = 1; i <= deviceKeys; i++) {
            keys.add("deviceKey" + i);
        }
        return new VerificationJobRequest().type("verify")
                .upgradeScope(new UpgradeScope().type(UpgradeScope.TypeEnum.PARTIAL).deviceKeys(keys));
    }

    static String verification(int deviceKeys) {
        return Json.write(verificationModel(deviceKeys));
    }
}
