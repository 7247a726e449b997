package io.enoskit.ota.conformance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.model.StringI18n;
import io.enoskit.ota.model.UpgradeJobRequest;
import io.enoskit.ota.model.UpgradeScope;
import io.enoskit.ota.model.VerificationJobRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Request bodies of the conformance scenarios, built from the generated models (and, for deliberately broken
 * ones, from their JSON tree with one field removed or changed). Every body names only the target's own device
 * keys, so no device the user did not name is ever touched.
 */
final class JobRequests {
    private static final String SAMPLE = "/io/enoskit/ota/spec/examples/vendor-request-sample.json";

    private JobRequests() {
    }

    /** The vendor page's request sample, with its deviceKeys replaced by the target's. */
    static ObjectNode vendorSample(List<String> deviceKeys) {
        try (InputStream in = JobRequests.class.getResourceAsStream(SAMPLE)) {
            ObjectNode sample = (ObjectNode) Json.mapper().readTree(in);
            ArrayNode keys = ((ObjectNode) sample.get("upgradeScope")).putArray("deviceKeys");
            deviceKeys.forEach(keys::add);
            return sample;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An upgrade job with only the mandatory fields: the optional ones (upgradeTimeout, maximumConcurrency,
     * retryPolicy, schedulePolicy) are left out so that the server's defaults show.
     */
    static ObjectNode minimalUpgrade(List<String> deviceKeys) {
        UpgradeJobRequest model = new UpgradeJobRequest()
                .name(new StringI18n().defaultValue("enos-ota-kit conformance"))
                .type("upgrade")
                .upgradePolicy(UpgradeJobRequest.UpgradePolicyEnum.SNAPSHOT)
                .enableUpgradeRequest(false)
                .upgradeScope(new UpgradeScope().type(UpgradeScope.TypeEnum.PARTIAL).deviceKeys(deviceKeys));
        ObjectNode body = Json.mapper().valueToTree(model);
        body.remove(List.of("upgradeTimeout", "maximumConcurrency", "retryPolicy", "schedulePolicy"));
        return body;
    }

    /** A verification job with a partial (or the given) scope on the given devices. */
    static ObjectNode verification(List<String> deviceKeys, UpgradeScope.TypeEnum scope) {
        VerificationJobRequest model = new VerificationJobRequest()
                .name(new StringI18n().defaultValue("enos-ota-kit conformance"))
                .type("verify")
                .upgradeScope(new UpgradeScope().type(scope).deviceKeys(deviceKeys));
        ObjectNode body = Json.mapper().valueToTree(model);
        body.remove("upgradeTimeout");
        return body;
    }
}
