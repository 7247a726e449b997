package io.enoskit.ota.conformance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.model.SchedulePolicy;
import io.enoskit.ota.model.StringI18n;
import io.enoskit.ota.model.UpgradeJobRequest;
import io.enoskit.ota.model.UpgradeScope;
import io.enoskit.ota.model.VerificationJobRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/**
 * Request bodies of the conformance scenarios, built from the generated models (and, for deliberately broken
 * ones, from their JSON tree with one field removed or changed). Every body names only the device keys the world
 * hands out: the target's own in scenarios that create a job, made-up ones elsewhere.
 */
final class JobRequests {
    /** The vendor page's request sample, verbatim (the spec carries it as its {@code vendorSample} example). */
    private static final String SAMPLE = "/io/enoskit/ota/spec/examples/vendor-request-sample.json";
    /** A firmware version no device runs: a job scoped to it selects no device. */
    static final String NO_SUCH_VERSION = "enos-ota-kit-no-such-version";
    /** How far ahead a dormant job's schedule opens. */
    static final Duration DORMANT_FOR = Duration.ofDays(30);
    private static final String NAME = "enos-ota-kit conformance";

    private JobRequests() {
    }

    /** The vendor page's request sample, with its deviceKeys replaced by the given ones. */
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
        return withoutDefaults(Json.mapper().valueToTree(upgradeModel(deviceKeys)));
    }

    /**
     * A verification job with a partial (or the given) scope on the given devices, without upgradeTimeout; and without
     * {@code name}, which the page's "Firmware Verification Task" table does not list (a server may refuse it).
     */
    static ObjectNode verification(List<String> deviceKeys, UpgradeScope.TypeEnum scope) {
        VerificationJobRequest model = new VerificationJobRequest()
                .type("verify")
                .upgradeScope(new UpgradeScope().type(scope).deviceKeys(deviceKeys));
        return withoutDefaults(Json.mapper().valueToTree(model));
    }

    /** An upgrade job with only the mandatory fields, whose scope is the given one. */
    static ObjectNode minimalUpgrade(UpgradeScope scope) {
        return withoutDefaults(Json.mapper().valueToTree(upgradeModel(List.of()).upgradeScope(scope)));
    }

    /**
     * An upgrade job that touches no device even when started: its scope selects only devices that run a firmware
     * version no device has ({@link #NO_SUCH_VERSION}), and its schedule opens {@link #DORMANT_FOR} from now.
     */
    static ObjectNode dormantUpgrade(List<String> deviceKeys, long nowMillis) {
        UpgradeJobRequest model = upgradeModel(deviceKeys);
        model.getUpgradeScope().versionNumbers(List.of(NO_SUCH_VERSION));
        long opens = nowMillis + DORMANT_FOR.toMillis();
        model.schedulePolicy(new SchedulePolicy().isRepeatDaily(false).startTimestamp(opens)
                .endTimestamp(opens + Duration.ofHours(1).toMillis()));
        return withoutDefaults(Json.mapper().valueToTree(model));
    }

    /**
     * A verification job on the given devices that touches none of them even if started: its scope selects only
     * devices on a firmware version no device runs ({@link #NO_SUCH_VERSION}); verification jobs take no schedule,
     * and no {@code name} (their table does not list it).
     */
    static ObjectNode dormantVerification(List<String> deviceKeys) {
        VerificationJobRequest model = new VerificationJobRequest()
                .type("verify")
                .upgradeScope(new UpgradeScope().type(UpgradeScope.TypeEnum.PARTIAL).deviceKeys(deviceKeys)
                        .versionNumbers(List.of(NO_SUCH_VERSION)));
        return withoutDefaults(Json.mapper().valueToTree(model));
    }

    /** The generated models start with the spec's defaults filled in; a request that relies on them leaves them out. */
    private static ObjectNode withoutDefaults(ObjectNode body) {
        body.remove(List.of("upgradeTimeout", "maximumConcurrency"));
        return body;
    }

    private static UpgradeJobRequest upgradeModel(List<String> deviceKeys) {
        return new UpgradeJobRequest()
                .name(new StringI18n().defaultValue(NAME))
                .type("upgrade")
                .upgradePolicy(UpgradeJobRequest.UpgradePolicyEnum.SNAPSHOT)
                .enableUpgradeRequest(false)
                .upgradeScope(new UpgradeScope().type(UpgradeScope.TypeEnum.PARTIAL).deviceKeys(deviceKeys));
    }
}
