package io.enoskit.ota.domain;

import io.enoskit.ota.model.AssetTreeSelector;
import io.enoskit.ota.model.CreateOtaJobRequest;
import io.enoskit.ota.model.JobInfo;
import io.enoskit.ota.model.RetryPolicy;
import io.enoskit.ota.model.SchedulePolicy;
import io.enoskit.ota.model.StringI18n;
import io.enoskit.ota.model.UpgradeJobRequest;
import io.enoskit.ota.model.UpgradeScope;
import io.enoskit.ota.model.UpgradeScopeInfo;
import io.enoskit.ota.model.VerificationJobRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an accepted create request into the stored job (a {@link Job}, what Get OTA Job answers), with the
 * documented defaults applied to what the request left out. The values equal the {@code default} of the same
 * fields in the spec (a test keeps them equal).
 */
public final class JobDefaults {
    /** Seconds a device may take, when {@code upgradeTimeout} is absent (vendor page: default 7,200). */
    public static final long UPGRADE_TIMEOUT_SECONDS = 7200;
    /** Device upgrades running at once, when {@code maximumConcurrency} is absent (vendor page: default 300). */
    public static final int MAXIMUM_CONCURRENCY = 300;
    /** Second of the day the daily window opens, 00:00:00 (vendor page: default schedule). */
    public static final int DAILY_WINDOW_START = 0;
    /** Second of the day the daily window closes, 23:59:59 (vendor page: default schedule). */
    public static final int DAILY_WINDOW_END = 86399;

    private JobDefaults() {
    }

    /**
     * The job to store.
     *
     * @param jobId      the new id
     * @param firmware   the target firmware
     * @param request    the accepted body
     * @param createTime milliseconds since the epoch
     * @return the job, status {@code stopped} (the status after create is not documented; inferred)
     */
    public static Job newJob(String jobId, Firmware firmware, CreateOtaJobRequest request, long createTime) {
        Job.I18nText firmwareName = firmware.name() == null ? null : new Job.I18nText(firmware.name(), null);
        if (request instanceof UpgradeJobRequest upgrade) {
            return new Job(firmware.orgId(), jobId, name(upgrade.getName()), firmware.firmwareId(), firmware.version(),
                    firmwareName, null, JobInfo.TypeEnum.UPGRADE, upgrade.getEnableUpgradeRequest(),
                    JobInfo.UpgradePolicyEnum.fromValue(upgrade.getUpgradePolicy().getValue()),
                    scope(upgrade.getUpgradeScope()), orElse(upgrade.getUpgradeTimeout(), UPGRADE_TIMEOUT_SECONDS),
                    retry(upgrade.getRetryPolicy()), schedule(upgrade.getSchedulePolicy(), createTime),
                    orElse(upgrade.getStartSchedule(), DAILY_WINDOW_START),
                    orElse(upgrade.getEndSchedule(), DAILY_WINDOW_END),
                    orElse(upgrade.getMaximumConcurrency(), MAXIMUM_CONCURRENCY), JobInfo.StatusEnum.STOPPED,
                    createTime);
        }
        VerificationJobRequest verification = (VerificationJobRequest) request;
        return new Job(firmware.orgId(), jobId, name(verification.getName()), firmware.firmwareId(),
                firmware.version(), firmwareName, null, JobInfo.TypeEnum.VERIFY, null, null,
                scope(verification.getUpgradeScope()),
                orElse(verification.getUpgradeTimeout(), UPGRADE_TIMEOUT_SECONDS), null, null, null, null, null,
                JobInfo.StatusEnum.STOPPED, createTime);
    }

    private static Job.UpgradeScope scope(UpgradeScope scope) {
        return new Job.UpgradeScope(UpgradeScopeInfo.TypeEnum.fromValue(scope.getType().getValue()),
                scope.getVersionNumbers(), scope.getDeviceKeys(), scope.getAttributes(), scope.getTags(),
                scope.getAssetTrees() == null ? null : assetTrees(scope.getAssetTrees()));
    }

    private static List<Job.AssetTree> assetTrees(List<AssetTreeSelector> selectors) {
        List<Job.AssetTree> trees = new ArrayList<>(selectors.size());
        for (AssetTreeSelector selector : selectors) {
            trees.add(new Job.AssetTree(selector.getTreeId(), selector.getIncludedNotes()));
        }
        return trees;
    }

    private static Job.I18nText name(StringI18n name) {
        return name == null ? null : new Job.I18nText(name.getDefaultValue(), name.getI18nValue());
    }

    /** Without a retry policy: no retry (vendor page). */
    private static Job.RetryPolicy retry(RetryPolicy policy) {
        return policy == null ? new Job.RetryPolicy(false, null, null)
                : new Job.RetryPolicy(policy.getEnableRetry(), policy.getRetryInterval(), policy.getRetryCount());
    }

    /** Without a schedule policy: start at once, daily from 00:00:00 to 23:59:59 (vendor page). */
    private static Job.SchedulePolicy schedule(SchedulePolicy policy, long createTime) {
        return policy == null ? new Job.SchedulePolicy(true, createTime, null, null)
                : new Job.SchedulePolicy(policy.getIsRepeatDaily(), policy.getStartTimestamp(),
                        policy.getEndTimestamp(), policy.getTimezoneOffsetInMinutes());
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
