package io.enoskit.ota.domain;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.enoskit.ota.model.TaskInfo;

/**
 * One device's task in a job, as the simulation moves it (TaskInfo of Search OTA Task). Fields are those of
 * TaskInfo plus the simulation's bookkeeping; times named {@code ...At} are the job's running time in
 * milliseconds (it stands still while the job is stopped or outside its schedule), {@code updateTime} is clock
 * time. Owned and changed by its {@link JobRun} under the store's lock; read as a TaskInfo ({@link #view}). Public
 * only so that the state file can hold it ({@link StoreSnapshot}); its fields are not an API.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class OtaTask {
    static final long NEVER = -1;

    String taskId;
    String deviceKey;
    String assetId;
    String productKey;
    String fromVersion;
    String toVersion;
    TaskStatus status = TaskStatus.INIT;
    int progress;
    String desc;
    long updateTime;
    /** Attempts so far: 1 on the first run, one more per retry. */
    int attempt = 1;
    /** Automatic retries used (the job's retryPolicy). */
    int autoRetries;
    /** Cancelled by user: not retried automatically. */
    boolean cancelled;
    /** What this attempt does, chosen when it is published. */
    DeviceOutcome outcome;
    /** Next progress step, job time; NEVER when none is due. */
    long dueAt = NEVER;
    /** When upgradeTimeout fails it, job time; NEVER when no timeout runs. */
    long deadline = NEVER;
    /** When an automatic retry puts it back to init, job time; NEVER when none. */
    long retryAt = NEVER;
    /** Bumped on every change of the times above, so that queued events for the old times are ignored. */
    @JsonIgnore
    int version;

    OtaTask() {
    }

    /** The earliest time something happens to it, job time; NEVER when nothing will. */
    long nextEventAt() {
        long next = Long.MAX_VALUE;
        for (long at : new long[] {dueAt, deadline, retryAt}) {
            if (at != NEVER && at < next) {
                next = at;
            }
        }
        return next == Long.MAX_VALUE ? NEVER : next;
    }

    /** The task as Search OTA Task answers it (a new object each time). */
    TaskInfo view(String orgId, String jobId) {
        return new TaskInfo().taskId(taskId).orgId(orgId).assetId(assetId).productKey(productKey)
                .deviceKey(deviceKey).jobId(jobId).fromVersion(fromVersion).toVersion(toVersion).progress(progress)
                .desc(desc).status(TaskInfo.StatusEnum.fromValue(status.value())).updateTime(updateTime);
    }
}
