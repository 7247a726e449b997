package io.enoskit.ota.domain;

import io.enoskit.ota.model.TaskInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The device tasks of started jobs: made on a job's first start, brought up to the clock before every read
 * ({@link JobRun} moves them), cancelled and retried, searched. Not thread-safe: the store calls it under its lock.
 */
final class TaskBoard {
    private final StoreState state;
    private final Clock clock;
    private final Simulation simulation;
    private final ScopeSelection selection;
    private final int verificationLimit;
    /** Task ids keep the samples' form whatever {@code ids.jobId} says (the pages give none). */
    private final JobIdGenerator taskIds = new JobIdGenerator();

    TaskBoard(StoreState state, Clock clock, Simulation simulation, ScopeSelection selection, int verificationLimit) {
        this.state = state;
        this.clock = clock;
        this.simulation = simulation;
        this.selection = selection;
        this.verificationLimit = verificationLimit;
    }

    /**
     * Makes the job's device tasks on its first start, one per device its scope selects now, all {@code init}; a later
     * start keeps the ones it has.
     *
     * @throws OtaRuleException 24612 when a verification job's scope now selects more devices than its firmware's
     *                          limit (inferred, {@link CreateJobRules#checkSelection})
     */
    void open(Org org, Job job) {
        if (org.runs.containsKey(job.jobId())) {
            return;
        }
        Firmware firmware = org.firmwares.get(job.firmwareId());
        List<Device> targets = job.upgradeScope() == null ? List.of()
                : selection.select(org.devices, job.orgId(), ScopeSelection.Scope.of(job.upgradeScope()), firmware);
        if (job.verification() && firmware != null) {
            CreateJobRules.checkSelection(firmware, targets.size(), verificationLimit);
        }
        int toVerify = firmware == null || firmware.minSuccessForVerified() == null ? targets.size()
                : Math.min(firmware.minSuccessForVerified(), targets.size());
        org.runs.put(job.jobId(), new JobRun(job, targets, toVerify, clock.millis(), taskIds));
    }

    /**
     * Brings the org's started jobs up to the clock: a verification job that reaches its successes verifies its
     * firmware, a task that succeeds moves its device to the job's version.
     */
    void advance(Org org) {
        if (org == null || org.runs.isEmpty()) {
            return;
        }
        long now = clock.millis();
        for (Map.Entry<String, JobRun> entry : org.runs.entrySet()) {
            Job job = org.jobs.get(entry.getKey());
            boolean running = job != null && job.started();
            if (entry.getValue().advance(now, running, simulation)) {
                Firmware firmware = org.firmwares.get(job.firmwareId());
                if (firmware != null) {
                    org.firmwares.put(firmware.firmwareId(), firmware.verified());
                }
            }
            if (entry.getValue().takeChanged()) {
                state.changed();
            }
            entry.getValue().takeSucceeded().forEach((deviceKey, version) ->
                    org.devices.computeIfPresent(deviceKey, (key, device) -> device.runningVersion(version)));
        }
    }

    /**
     * Cancel OTA Task on a started job: the named devices' tasks, each {@code init} or {@code published}, fail with
     * desc "Cancelled by user". All or none.
     *
     * @throws OtaRuleException 24620 when a device's task is neither init nor published, or it has no task in the job
     */
    void cancel(Org org, String jobId, Collection<String> deviceKeys) {
        JobRun run = broughtUpToClock(org, jobId);
        if (!run.notIn(deviceKeys, TaskStatus.INIT, TaskStatus.PUBLISHED).isEmpty()) {
            throw new OtaRuleException(OtaError.CANCEL_ONLY_INIT_OR_PUBLISHED);
        }
        run.cancel(deviceKeys, clock.millis());
        state.changed();
    }

    /**
     * Retry OTA Task on a started job: the named devices' failed tasks go back to {@code init}. All or none.
     *
     * @throws OtaRuleException 24621 when a device's task has not failed, or it has no task in the job
     */
    void retry(Org org, String jobId, Collection<String> deviceKeys) {
        JobRun run = broughtUpToClock(org, jobId);
        if (!run.notIn(deviceKeys, TaskStatus.FAILED).isEmpty()) {
            throw new OtaRuleException(OtaError.RETRY_ONLY_FAILED);
        }
        run.retry(deviceKeys, clock.millis());
        state.changed();
    }

    private JobRun broughtUpToClock(Org org, String jobId) {
        advance(org);
        return org.runs.get(jobId);
    }

    /**
     * Search OTA Task: the org's tasks that match, one page: the newest job's tasks first, each job's in the order its
     * devices were named (inferred; the order is not documented).
     */
    Page<TaskInfo> search(Org org, SearchExpression expression, int pageNo, int pageSize) {
        if (org == null) {
            return Page.of(List.of(), pageNo, pageSize);
        }
        advance(org);
        List<TaskInfo> matches = new ArrayList<>();
        for (Job job : CreateTimeOrder.newestFirst(org.jobs.values(), Job::createTime)) {
            JobRun run = org.runs.get(job.jobId());
            if (run != null) {
                run.tasks().stream().filter(task -> expression.matches(SearchFields.TASKS.valuesOf(task)))
                        .forEach(matches::add);
            }
        }
        return Page.of(matches, pageNo, pageSize);
    }

    /** The job's device tasks, each a new TaskInfo, in the order its devices were named; empty before its first start. */
    List<TaskInfo> tasks(Org org, String jobId) {
        advance(org);
        JobRun run = org.runs.get(jobId);
        return run == null ? List.of() : run.tasks();
    }

    /** How many tasks of the job are in each status; all zero before its first start. */
    Map<String, Integer> counts(Org org, String jobId) {
        advance(org);
        JobRun run = org.runs.get(jobId);
        if (run == null) {
            Map<String, Integer> none = new LinkedHashMap<>();
            for (TaskStatus status : TaskStatus.values()) {
                none.put(status.value(), 0);
            }
            return none;
        }
        return run.statusCounts();
    }

    /** The org's devices with a task {@code published} or {@code upgrading} in a started job. */
    Set<String> upgradingDevices(Org org) {
        Set<String> upgrading = new HashSet<>();
        org.runs.forEach((jobId, run) -> {
            Job job = org.jobs.get(jobId);
            if (job != null && job.started()) {
                upgrading.addAll(run.upgradingDevices());
            }
        });
        return upgrading;
    }

    /** The runs of the org's started jobs as the state file keeps them, brought up to the clock. */
    List<StoreSnapshot.RunState> snapshot(Org org) {
        advance(org);
        List<StoreSnapshot.RunState> runs = new ArrayList<>();
        org.runs.values().forEach(run -> runs.add(run.snapshot()));
        return runs;
    }

    /**
     * Puts back the runs of a saved org; time between the save and now does not count.
     *
     * @throws IllegalArgumentException when a run names a job the org does not have
     */
    void restore(Org org, StoreSnapshot.OrgState saved) {
        long now = clock.millis();
        for (StoreSnapshot.RunState run : saved.runs()) {
            Job job = org.jobs.get(run.jobId());
            if (job == null) {
                throw new IllegalArgumentException("the tasks of job " + run.jobId() + " of org " + saved.orgId()
                        + " belong to no job of the org");
            }
            org.runs.put(run.jobId(), new JobRun(job, run, org.devices, now));
        }
    }

    /** Tasks of every org, a count. */
    long count() {
        long tasks = 0;
        for (Org org : state.orgs().values()) {
            for (JobRun run : org.runs.values()) {
                tasks += run.taskCount();
            }
        }
        return tasks;
    }
}
