package io.enoskit.ota.domain;

import io.enoskit.ota.model.AssetTreeInfo;
import io.enoskit.ota.model.AssetTreeSelector;
import io.enoskit.ota.model.CreateOtaJobRequest;
import io.enoskit.ota.model.JobInfo;
import io.enoskit.ota.model.RetryPolicy;
import io.enoskit.ota.model.RetryPolicyInfo;
import io.enoskit.ota.model.SchedulePolicy;
import io.enoskit.ota.model.SchedulePolicyInfo;
import io.enoskit.ota.model.StringI18n;
import io.enoskit.ota.model.StringI18nInfo;
import io.enoskit.ota.model.UpgradeJobRequest;
import io.enoskit.ota.model.UpgradeScope;
import io.enoskit.ota.model.UpgradeScopeInfo;
import io.enoskit.ota.model.VerificationJobRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Turns an accepted create request into the stored job (a JobInfo as Get OTA Job returns it), with the
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
     * @return a new JobInfo with status {@code stopped} (the status after create is not documented; inferred)
     */
    public static JobInfo newJob(String jobId, Firmware firmware, CreateOtaJobRequest request, long createTime) {
        JobInfo job = new JobInfo()
                .orgId(firmware.orgId())
                .jobId(jobId)
                .firmwareId(firmware.firmwareId())
                .firmwareVersion(firmware.version())
                .firmwareName(firmware.name() == null ? null : new StringI18nInfo().defaultValue(firmware.name()))
                .status(JobInfo.StatusEnum.STOPPED)
                .createTime(createTime);
        if (request instanceof UpgradeJobRequest upgrade) {
            return job.name(name(upgrade.getName()))
                    .type(JobInfo.TypeEnum.UPGRADE)
                    .upgradeScope(scopeInfo(upgrade.getUpgradeScope()))
                    .upgradePolicy(JobInfo.UpgradePolicyEnum.fromValue(upgrade.getUpgradePolicy().getValue()))
                    .enableUpgradeRequest(upgrade.getEnableUpgradeRequest())
                    .upgradeTimeout(orElse(upgrade.getUpgradeTimeout(), UPGRADE_TIMEOUT_SECONDS))
                    .retryPolicy(retry(upgrade.getRetryPolicy()))
                    .schedulePolicy(schedule(upgrade.getSchedulePolicy(), createTime))
                    .startSchedule(orElse(upgrade.getStartSchedule(), DAILY_WINDOW_START))
                    .endSchedule(orElse(upgrade.getEndSchedule(), DAILY_WINDOW_END))
                    .maximumConcurrency(orElse(upgrade.getMaximumConcurrency(), MAXIMUM_CONCURRENCY));
        }
        VerificationJobRequest verification = (VerificationJobRequest) request;
        return job.name(name(verification.getName()))
                .type(JobInfo.TypeEnum.VERIFY)
                .upgradeScope(scopeInfo(verification.getUpgradeScope()))
                .upgradeTimeout(orElse(verification.getUpgradeTimeout(), UPGRADE_TIMEOUT_SECONDS));
    }

    private static UpgradeScopeInfo scopeInfo(UpgradeScope scope) {
        return new UpgradeScopeInfo()
                .type(UpgradeScopeInfo.TypeEnum.fromValue(scope.getType().getValue()))
                .versionNumbers(scope.getVersionNumbers() == null ? null : new ArrayList<>(scope.getVersionNumbers()))
                .deviceKeys(scope.getDeviceKeys() == null ? null : new ArrayList<>(scope.getDeviceKeys()))
                .attributes(scope.getAttributes() == null ? null : new LinkedHashMap<>(scope.getAttributes()))
                .tags(scope.getTags() == null ? null : new LinkedHashMap<>(scope.getTags()))
                .assetTrees(scope.getAssetTrees() == null ? null : assetTrees(scope.getAssetTrees()));
    }

    private static List<AssetTreeInfo> assetTrees(List<AssetTreeSelector> selectors) {
        List<AssetTreeInfo> trees = new ArrayList<>(selectors.size());
        for (AssetTreeSelector selector : selectors) {
            trees.add(new AssetTreeInfo().treeId(selector.getTreeId()).includedNotes(selector.getIncludedNotes()));
        }
        return trees;
    }

    private static StringI18nInfo name(StringI18n name) {
        return name == null ? null : new StringI18nInfo().defaultValue(name.getDefaultValue())
                .i18nValue(name.getI18nValue() == null ? null : new LinkedHashMap<>(name.getI18nValue()));
    }

    /** Without a retry policy: no retry (vendor page). */
    private static RetryPolicyInfo retry(RetryPolicy policy) {
        return policy == null ? new RetryPolicyInfo().enableRetry(false)
                : new RetryPolicyInfo().enableRetry(policy.getEnableRetry()).retryInterval(policy.getRetryInterval())
                        .retryCount(policy.getRetryCount());
    }

    /** Without a schedule policy: start at once, daily from 00:00:00 to 23:59:59 (vendor page). */
    private static SchedulePolicyInfo schedule(SchedulePolicy policy, long createTime) {
        return policy == null ? new SchedulePolicyInfo().isRepeatDaily(true).startTimestamp(createTime)
                : new SchedulePolicyInfo().isRepeatDaily(policy.getIsRepeatDaily())
                        .startTimestamp(policy.getStartTimestamp()).endTimestamp(policy.getEndTimestamp())
                        .timezoneOffsetInMinutes(policy.getTimezoneOffsetInMinutes());
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
