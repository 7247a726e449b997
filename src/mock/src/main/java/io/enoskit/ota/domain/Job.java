package io.enoskit.ota.domain;

import io.enoskit.ota.model.AssetTreeInfo;
import io.enoskit.ota.model.JobInfo;
import io.enoskit.ota.model.RetryPolicyInfo;
import io.enoskit.ota.model.SchedulePolicyInfo;
import io.enoskit.ota.model.StringI18nInfo;
import io.enoskit.ota.model.UpgradeScopeInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OTA job as the store keeps it: immutable, deeply (every list and map is an unmodifiable copy), so the store can
 * hand it out and a change of state replaces it ({@link #withStatus}) instead of changing it.
 *
 * <p>Its fields are those of JobInfo (V2.1 Get OTA Job), with the same names and the same JSON shape, so the state
 * file reads the jobs it wrote before this record existed. Answers are made of it at the edge with {@link #info()}, a
 * new JobInfo each call. A field the job does not set is null; an empty list given stays an empty list.
 *
 * @param type          {@code upgrade} or {@code verify} (the generated enums are immutable values)
 * @param status        {@code started} or {@code stopped}
 * @param upgradeTimeout seconds
 * @param startSchedule second of the day the daily window opens (0..86399)
 * @param endSchedule   second of the day it closes
 * @param createTime    milliseconds since the epoch
 */
public record Job(String orgId, String jobId, I18nText name, String firmwareId, String firmwareVersion,
                  I18nText firmwareName, String productKey, JobInfo.TypeEnum type, Boolean enableUpgradeRequest,
                  JobInfo.UpgradePolicyEnum upgradePolicy, UpgradeScope upgradeScope, Long upgradeTimeout,
                  RetryPolicy retryPolicy, SchedulePolicy schedulePolicy, Integer startSchedule, Integer endSchedule,
                  Integer maximumConcurrency, JobInfo.StatusEnum status, Long createTime) {

    /** The same job in another status (Start and Stop OTA Job). */
    public Job withStatus(JobInfo.StatusEnum newStatus) {
        return new Job(orgId, jobId, name, firmwareId, firmwareVersion, firmwareName, productKey, type,
                enableUpgradeRequest, upgradePolicy, upgradeScope, upgradeTimeout, retryPolicy, schedulePolicy,
                startSchedule, endSchedule, maximumConcurrency, newStatus, createTime);
    }

    /** Whether Start OTA Job has started it and Stop OTA Job not stopped it since. */
    public boolean started() {
        return status == JobInfo.StatusEnum.STARTED;
    }

    /** Whether it is a verification job. */
    public boolean verification() {
        return type == JobInfo.TypeEnum.VERIFY;
    }

    /** The job as Get OTA Job answers it: a new JobInfo, with lists and maps of its own. */
    public JobInfo info() {
        return new JobInfo().orgId(orgId).jobId(jobId).name(name == null ? null : name.info()).firmwareId(firmwareId)
                .firmwareVersion(firmwareVersion).firmwareName(firmwareName == null ? null : firmwareName.info())
                .productKey(productKey).type(type).enableUpgradeRequest(enableUpgradeRequest)
                .upgradePolicy(upgradePolicy).upgradeScope(upgradeScope == null ? null : upgradeScope.info())
                .upgradeTimeout(upgradeTimeout).retryPolicy(retryPolicy == null ? null : retryPolicy.info())
                .schedulePolicy(schedulePolicy == null ? null : schedulePolicy.info()).startSchedule(startSchedule)
                .endSchedule(endSchedule).maximumConcurrency(maximumConcurrency).status(status)
                .createTime(createTime);
    }

    /** A text with its translations (StringI18nInfo): {@code {"defaultValue": String, "i18nValue": {locale: String}}}. */
    public record I18nText(String defaultValue, Map<String, String> i18nValue) {
        public I18nText {
            i18nValue = frozenMap(i18nValue);
        }

        StringI18nInfo info() {
            return new StringI18nInfo().defaultValue(defaultValue)
                    .i18nValue(i18nValue == null ? null : new LinkedHashMap<>(i18nValue));
        }
    }

    /**
     * The devices a job upgrades (UpgradeScopeInfo); {@link ScopeSelection} reads it.
     *
     * @param attributes attribute id to accepted values (texts, numbers, booleans)
     * @param tags       tag key to accepted values
     */
    public record UpgradeScope(UpgradeScopeInfo.TypeEnum type, List<String> versionNumbers, List<String> deviceKeys,
                               Map<String, List<Object>> attributes, Map<String, List<String>> tags,
                               List<AssetTree> assetTrees) {
        public UpgradeScope {
            versionNumbers = frozenList(versionNumbers);
            deviceKeys = frozenList(deviceKeys);
            attributes = frozenMapOfLists(attributes);
            tags = frozenMapOfLists(tags);
            assetTrees = frozenList(assetTrees);
        }

        UpgradeScopeInfo info() {
            List<AssetTreeInfo> trees = null;
            if (assetTrees != null) {
                trees = new ArrayList<>(assetTrees.size());
                for (AssetTree tree : assetTrees) {
                    trees.add(new AssetTreeInfo().treeId(tree.treeId()).includedNotes(tree.includedNotes()));
                }
            }
            return new UpgradeScopeInfo().type(type)
                    .versionNumbers(versionNumbers == null ? null : new ArrayList<>(versionNumbers))
                    .deviceKeys(deviceKeys == null ? null : new ArrayList<>(deviceKeys))
                    .attributes(attributes == null ? null : new LinkedHashMap<>(attributes))
                    .tags(tags == null ? null : new LinkedHashMap<>(tags))
                    .assetTrees(trees);
        }
    }

    /**
     * One asset-tree selector (AssetTreeInfo).
     *
     * @param includedNotes node ids as sent: a text, a list of texts, or any other JSON value, kept unmodifiable
     */
    public record AssetTree(String treeId, Object includedNotes) {
        public AssetTree {
            includedNotes = frozen(includedNotes);
        }
    }

    /**
     * Automatic retries of failed tasks (RetryPolicyInfo).
     *
     * @param retryInterval seconds
     * @param retryCount    retries at most
     */
    public record RetryPolicy(Boolean enableRetry, Integer retryInterval, Integer retryCount) {
        RetryPolicyInfo info() {
            return new RetryPolicyInfo().enableRetry(enableRetry).retryInterval(retryInterval).retryCount(retryCount);
        }
    }

    /**
     * When the job may run (SchedulePolicyInfo); {@link JobSchedule} reads it.
     *
     * @param startTimestamp          milliseconds since the epoch
     * @param endTimestamp            milliseconds since the epoch
     * @param timezoneOffsetInMinutes minutes east of UTC
     */
    public record SchedulePolicy(Boolean isRepeatDaily, Long startTimestamp, Long endTimestamp,
                                 Integer timezoneOffsetInMinutes) {
        SchedulePolicyInfo info() {
            return new SchedulePolicyInfo().isRepeatDaily(isRepeatDaily).startTimestamp(startTimestamp)
                    .endTimestamp(endTimestamp).timezoneOffsetInMinutes(timezoneOffsetInMinutes);
        }
    }

    /** An unmodifiable copy that keeps null items (List.copyOf refuses them); null stays null. */
    private static <T> List<T> frozenList(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    private static <V> Map<String, V> frozenMap(Map<String, V> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static <T> Map<String, List<T>> frozenMapOfLists(Map<String, List<T>> map) {
        if (map == null) {
            return null;
        }
        Map<String, List<T>> copy = new LinkedHashMap<>();
        map.forEach((key, values) -> copy.put(key, frozenList(values)));
        return Collections.unmodifiableMap(copy);
    }

    /** A JSON value (text, number, boolean, list, object) as an unmodifiable copy. */
    private static Object frozen(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(Job::frozen).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(key, frozen(item)));
            return Collections.unmodifiableMap(copy);
        }
        return value;
    }
}
