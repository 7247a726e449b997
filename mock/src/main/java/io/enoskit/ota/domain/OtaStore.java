package io.enoskit.ota.domain;

import io.enoskit.ota.model.CreateOtaJobRequest;
import io.enoskit.ota.model.JobInfo;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mock's only mutable state: firmware and jobs, kept per organization (one org never sees another's).
 *
 * <p>Every method holds the store's lock for its whole read-modify-write, so concurrent creates never lose a
 * job and a rule is always checked against the state the job is inserted into. Jobs handed out are the
 * stored objects: callers serialise them and must not change them.
 *
 * <p>Memory is bounded: at most {@code maxJobs} jobs are kept; a create past it drops the oldest stopped job
 * first, or the oldest job when none is stopped (a mock's limit, not a rule of the API), and counts the drop.
 */
public final class OtaStore {
    /** Jobs kept at most when no limit is given, a count. */
    public static final int DEFAULT_MAX_JOBS = 20_000;
    private final DefaultState initial;
    private final JobIdGenerator ids;
    private final Clock clock;
    private final int maxJobs;
    private final Map<String, Org> orgs = new HashMap<>();
    /** Every job by org and id, in creation order: the order of eviction. */
    private final LinkedHashMap<JobKey, JobInfo> byAge = new LinkedHashMap<>();
    private long evicted;

    /** A job's place in the store. */
    private record JobKey(String orgId, String jobId) {
    }

    public OtaStore(DefaultState initial, JobIdGenerator ids, Clock clock) {
        this(initial, ids, clock, DEFAULT_MAX_JOBS);
    }

    /** @param maxJobs the most jobs kept, a count (at least 1) */
    public OtaStore(DefaultState initial, JobIdGenerator ids, Clock clock, int maxJobs) {
        if (maxJobs < 1) {
            throw new IllegalArgumentException("max jobs must be at least 1, was " + maxJobs);
        }
        this.initial = initial;
        this.ids = ids;
        this.clock = clock;
        this.maxJobs = maxJobs;
        reset();
    }

    /**
     * Create OTA Job: checks the business rules and stores the job with its defaults.
     *
     * @return the new {@code jobId} (24 lowercase hex characters)
     * @throws OtaRuleException 24404 when the firmware is not in the org, else 24611, 24612 or 24610
     *                          ({@link CreateJobRules})
     */
    public synchronized String createJob(String orgId, String firmwareId, CreateOtaJobRequest request) {
        Org org = orgs.get(orgId);
        Firmware firmware = org == null ? null : org.firmwares.get(firmwareId);
        if (firmware == null) {
            throw new OtaRuleException(OtaError.FIRMWARE_NOT_FOUND);
        }
        CreateJobRules.check(firmware, request, initial.maxAllowedForVerification());
        long now = clock.millis();
        String jobId = ids.next(now);
        JobInfo job = JobDefaults.newJob(jobId, firmware, request, now);
        org.jobs.put(jobId, job);
        byAge.put(new JobKey(orgId, jobId), job);
        while (byAge.size() > maxJobs) {
            evictOne();
        }
        return jobId;
    }

    /** Drops the oldest stopped job, or the oldest job when none is stopped. */
    private void evictOne() {
        JobKey victim = byAge.entrySet().stream()
                .filter(entry -> entry.getValue().getStatus() == JobInfo.StatusEnum.STOPPED)
                .map(Map.Entry::getKey).findFirst()
                .orElse(byAge.keySet().iterator().next());
        byAge.remove(victim);
        orgs.get(victim.orgId()).jobs.remove(victim.jobId());
        evicted++;
    }

    /**
     * Get OTA Job.
     *
     * @throws OtaRuleException 24404 "Job not found" when the job is not in the org
     */
    public synchronized JobInfo getJob(String orgId, String jobId) {
        Org org = orgs.get(orgId);
        JobInfo job = org == null ? null : org.jobs.get(jobId);
        if (job == null) {
            throw new OtaRuleException(OtaError.JOB_NOT_FOUND);
        }
        return job;
    }

    /**
     * Start OTA Job: the job's status becomes {@code started}.
     *
     * @throws OtaRuleException 24404 "Job not found"; 24615 "Job has started" when it runs already
     */
    public synchronized void startJob(String orgId, String jobId) {
        JobInfo job = getJob(orgId, jobId);
        if (job.getStatus() == JobInfo.StatusEnum.STARTED) {
            throw new OtaRuleException(OtaError.JOB_HAS_STARTED);
        }
        job.setStatus(JobInfo.StatusEnum.STARTED);
    }

    /**
     * Stop OTA Job: the job's status becomes {@code stopped}.
     *
     * @throws OtaRuleException 24404 "Job not found"; 24616 "Job has stopped" when it is stopped already
     */
    public synchronized void stopJob(String orgId, String jobId) {
        JobInfo job = getJob(orgId, jobId);
        if (job.getStatus() == JobInfo.StatusEnum.STOPPED) {
            throw new OtaRuleException(OtaError.JOB_HAS_STOPPED);
        }
        job.setStatus(JobInfo.StatusEnum.STOPPED);
    }

    /**
     * Delete OTA Job: the job is gone.
     *
     * @throws OtaRuleException 24404 "Job not found"; 24618 "Not allowed to delete running job" while it runs
     */
    public synchronized void deleteJob(String orgId, String jobId) {
        JobInfo job = getJob(orgId, jobId);
        if (job.getStatus() == JobInfo.StatusEnum.STARTED) {
            throw new OtaRuleException(OtaError.DELETE_RUNNING_JOB);
        }
        orgs.get(orgId).jobs.remove(jobId);
        byAge.remove(new JobKey(orgId, jobId));
    }

    /** The org's jobs, oldest first; empty for an unknown org. */
    public synchronized List<JobInfo> jobs(String orgId) {
        Org org = orgs.get(orgId);
        return org == null ? List.of() : List.copyOf(org.jobs.values());
    }

    /** The org's firmware, in the order it was added; empty for an unknown org. */
    public synchronized List<Firmware> firmwares(String orgId) {
        Org org = orgs.get(orgId);
        return org == null ? List.of() : List.copyOf(org.firmwares.values());
    }

    /** Adds the firmware, or replaces the one with the same org and id. */
    public synchronized void putFirmware(Firmware firmware) {
        orgs.computeIfAbsent(firmware.orgId(), id -> new Org()).firmwares.put(firmware.firmwareId(), firmware);
    }

    /**
     * Marks a verification job as completed: its firmware counts as verified from now on, so upgrade jobs on it
     * no longer get 24610.
     *
     * @return the firmware, now verified
     * @throws OtaRuleException      24404 "Job not found" when the job is not in the org
     * @throws IllegalStateException when the job is an upgrade job, or its firmware has been removed
     */
    public synchronized Firmware completeVerification(String orgId, String jobId) {
        JobInfo job = getJob(orgId, jobId);
        if (job.getType() != JobInfo.TypeEnum.VERIFY) {
            throw new IllegalStateException("job " + jobId + " is an upgrade job; only a verification job completes"
                    + " a verification");
        }
        Org org = orgs.get(orgId);
        Firmware firmware = org.firmwares.get(job.getFirmwareId());
        if (firmware == null) {
            throw new IllegalStateException("firmware " + job.getFirmwareId() + " of job " + jobId + " no longer exists");
        }
        Firmware verified = firmware.verified();
        org.firmwares.put(verified.firmwareId(), verified);
        return verified;
    }

    /** Drops every job and firmware and loads the default state again. */
    public synchronized void reset() {
        orgs.clear();
        byAge.clear();
        initial.firmwares().forEach(this::putFirmware);
    }

    /**
     * Counts of what is stored, for the admin API: {@code orgs}, {@code firmwares}, {@code jobs}, the limit
     * {@code maxJobs} and {@code evictedJobs}, how many jobs were dropped for it since the start.
     */
    public synchronized Map<String, Long> counts() {
        int firmwareCount = 0;
        int jobCount = 0;
        for (Org org : orgs.values()) {
            firmwareCount += org.firmwares.size();
            jobCount += org.jobs.size();
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("orgs", (long) orgs.size());
        counts.put("firmwares", (long) firmwareCount);
        counts.put("jobs", (long) jobCount);
        counts.put("maxJobs", (long) maxJobs);
        counts.put("evictedJobs", evicted);
        return counts;
    }

    /** One org's firmware and jobs, both in insertion order. */
    private static final class Org {
        final Map<String, Firmware> firmwares = new LinkedHashMap<>();
        final Map<String, JobInfo> jobs = new LinkedHashMap<>();
    }
}
