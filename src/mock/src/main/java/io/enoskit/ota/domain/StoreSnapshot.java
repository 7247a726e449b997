package io.enoskit.ota.domain;

import io.enoskit.ota.model.JobInfo;
import java.util.List;

/**
 * Everything the store holds, as the state file keeps it ({@code --state-file}): per org the firmware, devices, jobs
 * (JobInfo, as Get OTA Job answers them) and the runs of started jobs with their device tasks; plus how far the
 * simulation clock was moved on. JSON shape:
 * <pre>{@code {"format": "enos-ota-mock-state/1", "clockOffsetMillis": Long, "evictedJobs": Long,
 *  "orgs": [{"orgId": String, "firmwares": [Firmware], "devices": [Device], "jobs": [JobInfo],
 *            "runs": [{"jobId", "jobTime", "successesToVerify", "verified", "tasks": [task]}]}]}}</pre>
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
    public record OrgState(String orgId, List<Firmware> firmwares, List<Device> devices, List<JobInfo> jobs,
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
                           List<OtaTask> tasks) {
        public RunState {
            Firmware.requireText(jobId, "jobId");
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
        }
    }
}
