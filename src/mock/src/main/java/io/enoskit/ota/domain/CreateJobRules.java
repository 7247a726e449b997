package io.enoskit.ota.domain;

import io.enoskit.ota.model.CreateOtaJobRequest;
import io.enoskit.ota.model.UpgradeJobRequest;
import io.enoskit.ota.model.UpgradeScope;
import io.enoskit.ota.model.VerificationJobRequest;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The business rules of Create OTA Job, each a named step of the behaviour profile's {@code create.checkOrder}
 * ({@link #REQUEST} is the spec check and {@link #FIRMWARE} the store's firmware lookup, 24404; both run where the
 * order puts them, in {@link OtaStore#createJob(String, String, CreateRequest)}). The default order is DESIGN.md's,
 * {@link #DEFAULT_ORDER}; each rule's source is at its name. Each check raises exactly one {@link OtaRuleException}.
 * Stateless.
 */
public final class CreateJobRules {
    /** The spec check of the request (99400). */
    public static final String REQUEST = "request";
    /** The firmware named exists in the org (24404). */
    public static final String FIRMWARE = "firmware";
    /**
     * 24611: a verification job must use {@code upgradeScope.type} {@code partial} (vendor page, body table of the
     * verification task and error table).
     */
    public static final String TOTAL_SCOPE = "totalScope";
    /**
     * 24612: a verification job may name at most the firmware's {@code maxAllowedForVerification} devices, else the
     * state's default (vendor page, error table; the limit's source is inferred); a device named twice counts once
     * (inferred: the limit is on devices, not on list entries). Then the same limit on the devices the scope selects
     * ({@link #checkSelection}).
     */
    public static final String VERIFICATION_LIMIT = "verificationLimit";
    /**
     * 24610: an upgrade job needs a verified firmware when the firmware has {@code enableVerification} on (vendor
     * page, error table).
     */
    public static final String UNVERIFIED_FIRMWARE = "unverifiedFirmware";
    /** The order of the default profile. */
    public static final List<String> DEFAULT_ORDER = List.of(REQUEST, FIRMWARE, TOTAL_SCOPE, VERIFICATION_LIMIT,
            UNVERIFIED_FIRMWARE);

    private CreateJobRules() {
    }

    /**
     * One business rule, by its name in {@code create.checkOrder}. A rule that needs what an earlier step could not
     * give (the body, when the request breaks the spec; the firmware, when it does not exist) is skipped: the step
     * that failed answers when its turn comes.
     *
     * @param step           {@link #TOTAL_SCOPE}, {@link #VERIFICATION_LIMIT} or {@link #UNVERIFIED_FIRMWARE}
     * @param firmware       the target firmware, or null when it does not exist
     * @param request        the decoded, spec-valid body, or null when the request breaks the spec
     * @param defaultMaxKeys the verification limit when the firmware sets none, a count
     * @param selected       how many devices a scope selects now in the org, a count
     * @throws OtaRuleException 24611, 24612 or 24610
     */
    public static void check(String step, Firmware firmware, CreateOtaJobRequest request, int defaultMaxKeys,
                             ToIntFunction<UpgradeScope> selected) {
        switch (step) {
            case TOTAL_SCOPE -> {
                if (request instanceof VerificationJobRequest verification
                        && verification.getUpgradeScope().getType() == UpgradeScope.TypeEnum.TOTAL) {
                    throw new OtaRuleException(OtaError.TOTAL_SCOPE_FOR_VERIFICATION);
                }
            }
            case VERIFICATION_LIMIT -> {
                if (firmware != null && request instanceof VerificationJobRequest verification) {
                    checkVerificationLimit(firmware, verification, defaultMaxKeys, selected);
                }
            }
            case UNVERIFIED_FIRMWARE -> {
                if (firmware != null && request instanceof UpgradeJobRequest) {
                    checkUpgrade(firmware);
                }
            }
            default -> throw new IllegalArgumentException("no business rule named " + step);
        }
    }

    /**
     * Checks the request against the firmware it names.
     *
     * @param firmware       the target firmware (already found in the org)
     * @param request        the decoded, spec-valid body
     * @param defaultMaxKeys the verification limit when the firmware sets none, a count
     * @param selected       how many devices a scope selects now in the org (the store's selection), a count
     * @throws OtaRuleException 24611, 24612 or 24610 ({@link #TOTAL_SCOPE}, {@link #VERIFICATION_LIMIT},
     *                          {@link #UNVERIFIED_FIRMWARE})
     */
    public static void check(Firmware firmware, CreateOtaJobRequest request, int defaultMaxKeys,
                             ToIntFunction<UpgradeScope> selected) {
        if (!(request instanceof VerificationJobRequest) && !(request instanceof UpgradeJobRequest)) {
            throw new IllegalArgumentException("unknown job type " + request.getType());
        }
        for (String step : List.of(TOTAL_SCOPE, VERIFICATION_LIMIT, UNVERIFIED_FIRMWARE)) {
            check(step, firmware, request, defaultMaxKeys, selected);
        }
    }

    /** The verification limit that applies to a firmware, a count of device keys. */
    public static int verificationLimit(Firmware firmware, int defaultMaxKeys) {
        Integer own = firmware.maxAllowedForVerification();
        return own != null ? own : defaultMaxKeys;
    }

    private static void checkVerificationLimit(Firmware firmware, VerificationJobRequest request,
                                               int defaultMaxKeys, ToIntFunction<UpgradeScope> selected) {
        UpgradeScope scope = request.getUpgradeScope();
        int limit = verificationLimit(firmware, defaultMaxKeys);
        List<String> deviceKeys = scope.getDeviceKeys();
        if (deviceKeys != null && deviceKeys.stream().distinct().count() > limit) {
            throw new OtaRuleException(OtaError.TOO_MANY_VERIFICATION_DEVICE_KEYS, limit);
        }
        checkSelection(firmware, selected.applyAsInt(scope), defaultMaxKeys);
    }

    /**
     * The verification limit on the devices a verification job's scope selects, whatever selects them (a partial
     * scope naming no device selects by versions or, where the mock models no selector, every device of the
     * firmware's product): checked at create and again at the first start, since devices may have joined the org in
     * between. Inferred: the page words 24612 on deviceKeys, but a limit that a scope without deviceKeys escapes
     * would let a verification job upgrade a fleet, which 24611 exists to forbid. A verification job that selects no
     * device is created (inferred) and gets no task when started.
     *
     * @param selectedDevices how many devices the scope selects, a count
     * @throws OtaRuleException 24612 with the limit when they are more than the limit
     */
    public static void checkSelection(Firmware firmware, int selectedDevices, int defaultMaxKeys) {
        int limit = verificationLimit(firmware, defaultMaxKeys);
        if (selectedDevices > limit) {
            throw new OtaRuleException(OtaError.TOO_MANY_VERIFICATION_DEVICE_KEYS, limit);
        }
    }

    private static void checkUpgrade(Firmware firmware) {
        if (firmware.enableVerification() && !firmware.isVerified()) {
            throw new OtaRuleException(OtaError.FIRMWARE_NOT_VERIFIED);
        }
    }
}
