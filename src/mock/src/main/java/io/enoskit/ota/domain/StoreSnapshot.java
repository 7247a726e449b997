package io.enoskit.ota.domain;

import java.util.List;

/**
 * Everything the store holds, as the state file keeps it ({@code --state-file}): per org the firmware, devices, jobs
 * ({@link Job}, in the JSON shape of JobInfo, as Get OTA Job answers them) and the runs of started jobs with their device tasks; plus how far the
 * simulation clock was moved on. JSON shape:
 * <pre>{@code {"format": "enos-ota-mock-state/1", "clockOffsetMillis": Long, "evictedJobs": Long,
 *  "orgs": [{"orgId": String, "firmwares": [Firmware], "devices": [Device], "jobs": [JobInfo],
 *            "runs": [{"jobId", "jobTime", "successesToVerify", "verified", "tasks": [TaskState]}]}]}}</pre>
 * Immutable throughout: the store hands it out and it is written outside the store's lock.
 *
 * @param format            {@value #FORMAT}; another value is refused on load
 * @param clockOffsetMillis how far the simulation clock had been moved on, in milliseconds
 * @param evictedJobs       jobs dropped for the job cap so far, a count
 * @param orgs              one entry per organization
 */
public record StoreSnapshot(String format, long clockOffsetMillis, long evictedJobs, List<OrgState> orgs) {
    /** The format this kit writes and reads. */
    public static final String FORMAT = "enos-ota-mock-state/1";

    public StoreSnapshot {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("the format is '" + format + "', this kit reads '" + FORMAT + "'");
        }
        orgs = orgs == null ? List.of() : List.copyOf(orgs);
    }

    /** One organization's state. */
    public record OrgState(String orgId, List<Firmware> firmwares, List<Device> devices, List<Job> jobs,
                           List<RunState> runs) {
        public OrgState {
            Firmware.requireText(orgId, "orgId");
            firmwares = firmwares == null ? List.of() : List.copyOf(firmwares);
            devices = devices == null ? List.of() : List.copyOf(devices);
            jobs = jobs == null ? List.of() : List.copyOf(jobs);
            runs = runs == null ? List.of() : List.copyOf(runs);
        }
    }

    /**
     * A started job's simulation.
     *
     * @param jobId             the job
     * @param jobTime           its running time so far, milliseconds
     * @param successesToVerify succeeded tasks that verify its firmware (verification jobs)
     * @param verified          whether it has verified its firmware already
     * @param tasks             its device tasks, in the order the devices were named
     */
    public record RunState(String jobId, long jobTime, int successesToVerify, boolean verified,
                           List<TaskState> tasks) {
        public RunState {
            Firmware.requireText(jobId, "jobId");
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
        }
    }

    /**
     * One device task of a run: the fields of TaskInfo and the simulation's bookkeeping. Times named {@code ...At}
     * are the job's running time in milliseconds, -1 for none; {@code updateTime} is clock time. Left out of the
     * file, the status is {@code init}, the attempt 1 and the times -1, as for a new task.
     *
     * @param attempt     attempts so far, from 1
     * @param autoRetries automatic retries used
     * @param cancelled   cancelled by user (not retried automatically)
     * @param outcome     what this attempt does, once published; null before
     * @param dueAt       its next progress step
     * @param deadline    when upgradeTimeout fails it
     * @param retryAt     when an automatic retry puts it back to init
     */
    public record TaskState(String taskId, String deviceKey, String assetId, String productKey, String fromVersion,
                            String toVersion, TaskStatus status, int progress, String desc, long updateTime,
                            Integer attempt, int autoRetries, boolean cancelled, DeviceOutcome outcome, Long dueAt,
                            Long deadline, Long retryAt) {
        public TaskState {
            Firmware.requireText(deviceKey, "deviceKey");
            status = status == null ? TaskStatus.INIT : status;
            attempt = attempt == null ? 1 : attempt;
            dueAt = dueAt == null ? OtaTask.NEVER : dueAt;
            deadline = deadline == null ? OtaTask.NEVER : deadline;
            retryAt = retryAt == null ? OtaTask.NEVER : retryAt;
        }
    }
}
