package io.enoskit.ota.domain;

import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.Violation;
import io.enoskit.ota.model.JobInfo;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The organizations' OTA jobs: created after create's checks, read, started, stopped, deleted, searched, and dropped
 * for the job cap. Jobs are immutable records; a change of status replaces the job. Not thread-safe: the store calls
 * it under its lock.
 *
 * <p>Memory is bounded: at most {@code maxJobs} jobs are kept; a create past it drops the oldest stopped job first, or
 * the oldest job when none is stopped (a mock's limit, not a rule of the API), and counts the drop.
 */
final class JobBook {
    private final StoreState state;
    private final TaskBoard tasks;
    private final JobIdGenerator ids;
    private final Clock clock;
    private final List<String> checkOrder;
    private final int verificationLimit;
    private final ScopeSelection selection;
    private final boolean refusesScopesWithoutDevices;
    private final boolean newestJobFirst;
    private final int maxJobs;
    /** Every job, oldest first: the order of eviction (org and job ids: a few bytes per job). */
    private final ArrayDeque<JobKey> byAge = new ArrayDeque<>();
    private long evicted;

    private record JobKey(String orgId, String jobId) {
    }

    /**
     * @param checkOrder  create's checks in order ({@code create.checkOrder})
     * @param newestFirst Search OTA Job's order ({@code search.jobOrder})
     * @param maxJobs     the most jobs kept, a count (at least 1)
     */
    JobBook(StoreState state, TaskBoard tasks, JobIdGenerator ids, Clock clock, List<String> checkOrder,
            int verificationLimit, ScopeSelection selection, boolean refusesScopesWithoutDevices, boolean newestFirst,
            int maxJobs) {
        if (maxJobs < 1) {
            throw new IllegalArgumentException("max jobs must be at least 1, was " + maxJobs);
        }
        this.state = state;
        this.tasks = tasks;
        this.ids = ids;
        this.clock = clock;
        this.checkOrder = checkOrder;
        this.verificationLimit = verificationLimit;
        this.selection = selection;
        this.refusesScopesWithoutDevices = refusesScopesWithoutDevices;
        this.newestJobFirst = newestFirst;
        this.maxJobs = maxJobs;
    }

    /**
     * Create OTA Job: runs create's checks in the order of {@code create.checkOrder}, the first that fails answering
     * (the spec check's refusal at the {@code request} step, 24404 at {@code firmware}, the rules of
     * {@link CreateJobRules} at theirs), then stores the job with its defaults.
     *
     * @param org        the org of the query's orgId, or null when the state knows none
     * @param firmwareId the query's firmwareId, as sent, or null
     * @return the new job
     */
    Job create(Org org, String orgId, String firmwareId, CreateRequest request) {
        Firmware firmware = org == null || firmwareId == null ? null : org.firmwares.get(firmwareId);
        for (String step : checkOrder) {
            switch (step) {
                case CreateJobRules.REQUEST -> {
                    if (request.refusal() != null) {
                        throw request.refusal();
                    }
                }
                case CreateJobRules.FIRMWARE -> {
                    if (firmware == null) {
                        throw new OtaRuleException(OtaError.FIRMWARE_NOT_FOUND);
                    }
                }
                default -> CreateJobRules.check(step, firmware, request.body(), verificationLimit, scope ->
                        selection.select(org.devices, orgId, ScopeSelection.Scope.of(scope), firmware).size());
            }
        }
        if (refusesScopesWithoutDevices && selection.select(org.devices, orgId,
                ScopeSelection.Scope.of(request.body()), firmware).isEmpty()) {
            throw new ContractViolation(List.of(new Violation("upgradeScope", "selects no device of the organization"
                    + " (profile setting scope.noDevice: refuse)")), false);
        }
        long now = clock.millis();
        Job job = JobDefaults.newJob(ids.next(now), firmware, request.body(), now);
        org.jobs.put(job.jobId(), job);
        byAge.addLast(new JobKey(job.orgId(), job.jobId()));
        state.changed();
        while (byAge.size() > maxJobs) {
            evictOne();
        }
        return job;
    }

    /** Drops the oldest stopped job, or the oldest job when none is stopped. */
    private void evictOne() {
        JobKey victim = byAge.peekFirst();
        for (Iterator<JobKey> oldestFirst = byAge.iterator(); oldestFirst.hasNext(); ) {
            JobKey key = oldestFirst.next();
            if (state.org(key.orgId()).jobs.get(key.jobId()).status() == JobInfo.StatusEnum.STOPPED) {
                victim = key;
                oldestFirst.remove();
                break;
            }
        }
        if (victim == byAge.peekFirst()) {
            byAge.pollFirst();
        }
        Org org = state.org(victim.orgId());
        org.jobs.remove(victim.jobId());
        org.runs.remove(victim.jobId());
        evicted++;
    }

    /**
     * Get OTA Job.
     *
     * @throws OtaRuleException 24404 "Job not found" when the job is not in the org
     */
    Job get(Org org, String jobId) {
        Job job = org == null ? null : org.jobs.get(jobId);
        if (job == null) {
            throw new OtaRuleException(OtaError.JOB_NOT_FOUND);
        }
        return job;
    }

    /**
     * Start OTA Job: the job becomes {@code started}; its first start makes its device tasks ({@link TaskBoard#open}).
     *
     * @throws OtaRuleException 24404; 24615 "Job has started" when it runs already; 24612 from the tasks' selection,
     *                          the job then staying stopped
     */
    void start(Org org, String jobId) {
        Job job = get(org, jobId);
        if (job.started()) {
            throw new OtaRuleException(OtaError.JOB_HAS_STARTED);
        }
        tasks.advance(org);
        tasks.open(org, job);
        org.jobs.put(jobId, job.withStatus(JobInfo.StatusEnum.STARTED));
        state.changed();
    }

    /**
     * Stop OTA Job: the job becomes {@code stopped}; its unfinished tasks pause where they are.
     *
     * @throws OtaRuleException 24404; 24616 "Job has stopped" when it is stopped already
     */
    void stop(Org org, String jobId) {
        Job job = get(org, jobId);
        if (job.status() == JobInfo.StatusEnum.STOPPED) {
            throw new OtaRuleException(OtaError.JOB_HAS_STOPPED);
        }
        tasks.advance(org);
        org.jobs.put(jobId, job.withStatus(JobInfo.StatusEnum.STOPPED));
        state.changed();
    }

    /**
     * Delete OTA Job.
     *
     * @throws OtaRuleException 24404; 24618 "Not allowed to delete running job" while it runs
     */
    void delete(Org org, String jobId) {
        Job job = get(org, jobId);
        if (job.started()) {
            throw new OtaRuleException(OtaError.DELETE_RUNNING_JOB);
        }
        org.jobs.remove(jobId);
        org.runs.remove(jobId);
        byAge.removeFirstOccurrence(new JobKey(job.orgId(), jobId));
        state.changed();
    }

    /**
     * The job, when it is started (Cancel and Retry OTA Task).
     *
     * @throws OtaRuleException 24404; 24617 "Job not running" when it is stopped
     */
    Job running(Org org, String jobId) {
        Job job = get(org, jobId);
        if (!job.started()) {
            throw new OtaRuleException(OtaError.JOB_NOT_RUNNING);
        }
        return job;
    }

    /**
     * Search OTA Job: the org's jobs that match, one page, newest {@code createTime} first (documented; oldest first
     * with {@code search.jobOrder: createTime-asc}). The expression's {@code productKey} is the job's firmware's.
     */
    Page<Job> search(Org org, SearchExpression expression, int pageNo, int pageSize) {
        if (org == null) {
            return Page.of(List.of(), pageNo, pageSize);
        }
        List<Job> matches = new ArrayList<>();
        for (Job job : org.jobs.values()) {
            Firmware firmware = org.firmwares.get(job.firmwareId());
            if (expression.matches(SearchFields.JOBS.valuesOf(new SearchFields.SearchedJob(job, firmware)))) {
                matches.add(job);
            }
        }
        return Page.of(newestJobFirst ? CreateTimeOrder.newestFirst(matches, Job::createTime)
                : CreateTimeOrder.oldestFirst(matches, Job::createTime), pageNo, pageSize);
    }

    /** The org's jobs, oldest first. */
    List<Job> jobs(Org org) {
        return org == null ? List.of() : List.copyOf(org.jobs.values());
    }

    /** Forgets every job's age (the orgs are cleared by the caller). */
    void clear() {
        byAge.clear();
    }

    /** Puts back the order of age of a saved state's jobs (the orgs hold them already) and its count of evictions. */
    void restore(StoreSnapshot saved) {
        byAge.clear();
        List<Map.Entry<JobKey, Long>> all = new ArrayList<>();
        for (StoreSnapshot.OrgState org : saved.orgs()) {
            org.jobs().forEach(job -> all.add(Map.entry(new JobKey(org.orgId(), job.jobId()), job.createTime())));
        }
        CreateTimeOrder.oldestFirst(all, Map.Entry::getValue).forEach(entry -> byAge.addLast(entry.getKey()));
        evicted = saved.evictedJobs();
    }

    /** Jobs dropped for the cap since the start, a count. */
    long evicted() {
        return evicted;
    }

    int maxJobs() {
        return maxJobs;
    }
}
