package io.enoskit.ota.domain;

import io.enoskit.ota.model.TaskInfo;

/**
 * One device's task in a job, as the simulation moves it (TaskInfo of Search OTA Task). Fields are those of
 * TaskInfo plus the simulation's bookkeeping; times named {@code ...At} are the job's running time in
 * milliseconds (it stands still while the job is stopped or outside its schedule), {@code updateTime} is clock
 * time. Owned and changed by its {@link JobRun} under the store's lock and never handed out: read as a new TaskInfo
 * ({@link #view}) or as an immutable {@link StoreSnapshot.TaskState} ({@link #state}).
 */
final class OtaTask {
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
    int version;

    OtaTask() {
    }

    /** A task as the state file kept it. */
    static OtaTask restored(StoreSnapshot.TaskState state) {
        OtaTask task = new OtaTask();
        task.taskId = state.taskId();
        task.deviceKey = state.deviceKey();
        task.assetId = state.assetId();
        task.productKey = state.productKey();
        task.fromVersion = state.fromVersion();
        task.toVersion = state.toVersion();
        task.status = state.status();
        task.progress = state.progress();
        task.desc = state.desc();
        task.updateTime = state.updateTime();
        task.attempt = state.attempt();
        task.autoRetries = state.autoRetries();
        task.cancelled = state.cancelled();
        task.outcome = state.outcome();
        task.dueAt = state.dueAt();
        task.deadline = state.deadline();
        task.retryAt = state.retryAt();
        return task;
    }

    /** The task now, as the state file keeps it (a copy: the task goes on changing). */
    StoreSnapshot.TaskState state() {
        return new StoreSnapshot.TaskState(taskId, deviceKey, assetId, productKey, fromVersion, toVersion, status,
                progress, desc, updateTime, attempt, autoRetries, cancelled, outcome, dueAt, deadline, retryAt);
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
