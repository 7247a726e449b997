package io.enoskit.ota.domain;

import io.enoskit.ota.model.CreateOtaJobRequest;
import io.enoskit.ota.model.UpgradeJobRequest;
import io.enoskit.ota.model.UpgradeScope;
import io.enoskit.ota.model.VerificationJobRequest;
import java.util.List;

/**
 * The business rules of Create OTA Job, checked after the request has passed the spec, in the order of
 * DESIGN.md (24404 is checked by the store, which owns the firmware lookup):
 * <ol>
 *   <li>24611: a verification job must use {@code upgradeScope.type} {@code partial} (vendor page, body table
 *       of the verification task and error table);</li>
 *   <li>24612: a verification job may name at most the firmware's {@code maxAllowedForVerification} devices,
 *       else the state's default (vendor page, error table; the limit's source is inferred); a device named twice
 *       counts once (inferred: the limit is on devices, not on list entries);</li>
 *   <li>24610: an upgrade job needs a verified firmware when the firmware has {@code enableVerification} on
 *       (vendor page, error table).</li>
 * </ol>
 * Each check raises exactly one {@link OtaRuleException}. Stateless.
 */
public final class CreateJobRules {
    private CreateJobRules() {
    }

    /**
     * Checks the request against the firmware it names.
     *
     * @param firmware       the target firmware (already found in the org)
     * @param request        the decoded, spec-valid body
     * @param defaultMaxKeys the verification limit when the firmware sets none, a count
     * @throws OtaRuleException 24611, 24612 or 24610 as above
     */
    public static void check(Firmware firmware, CreateOtaJobRequest request, int defaultMaxKeys) {
        if (request instanceof VerificationJobRequest verification) {
            checkVerification(firmware, verification, defaultMaxKeys);
        } else if (request instanceof UpgradeJobRequest) {
            checkUpgrade(firmware);
        } else {
            throw new IllegalArgumentException("unknown job type " + request.getType());
        }
    }

    /** The verification limit that applies to a firmware, a count of device keys. */
    public static int verificationLimit(Firmware firmware, int defaultMaxKeys) {
        Integer own = firmware.maxAllowedForVerification();
        return own != null ? own : defaultMaxKeys;
    }

    private static void checkVerification(Firmware firmware, VerificationJobRequest request, int defaultMaxKeys) {
        UpgradeScope scope = request.getUpgradeScope();
        if (scope.getType() == UpgradeScope.TypeEnum.TOTAL) {
            throw new OtaRuleException(OtaError.TOTAL_SCOPE_FOR_VERIFICATION);
        }
        int limit = verificationLimit(firmware, defaultMaxKeys);
        List<String> deviceKeys = scope.getDeviceKeys();
        if (deviceKeys != null && deviceKeys.stream().distinct().count() > limit) {
            throw new OtaRuleException(OtaError.TOO_MANY_VERIFICATION_DEVICE_KEYS, limit);
        }
    }

    private static void checkUpgrade(Firmware firmware) {
        if (firmware.enableVerification() && !firmware.isVerified()) {
            throw new OtaRuleException(OtaError.FIRMWARE_NOT_VERIFIED);
        }
    }
}
