package io.enoskit.ota.domain;

import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.model.CreateOtaJobRequest;
import io.enoskit.ota.model.DeviceFirmware;
import io.enoskit.ota.model.TaskInfo;
import io.enoskit.ota.profile.BehaviourProfile;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The mock's only mutable state: firmware, devices, jobs and device tasks, kept per organization (one org never sees
 * another's). Thread-safe; hands out no live state.
 *
 * <p>Every method holds the store's lock for its whole read-modify-write, so concurrent creates never lose a job and a
 * rule is always checked against the state the job is inserted into. What it hands out is immutable ({@link Job},
 * {@link Firmware}, {@link Device}, {@link StoreSnapshot}) or made for the caller (TaskInfo, DeviceFirmware), so an
 * answer can be serialised outside the lock while other calls change the state: a change replaces a record, it never
 * changes one.
 *
 * <p>Its parts, each called under this lock: {@link JobBook} (jobs and the job cap), {@link TaskBoard} (device
 * tasks; every read that shows tasks or firmware brings the org's jobs up to the clock first, and {@link #advance()}
 * brings every job up to it, so answers never lag the clock), {@link FirmwareShelf}, {@link DeviceRegistry}.
 *
 * <p>What the behaviour profile decides here, each read in one place: the order of create's checks
 * ({@code create.checkOrder}), the status of a created job ({@code create.jobStatus}), the verification limit when a
 * firmware sets none ({@code verification.defaultLimit}), the order of Search OTA Job ({@code search.jobOrder}) and
 * the form of jobIds ({@code ids.jobId}, given as the id generator), how a scope's selectors combine
 * ({@code scope.combination}), whether a scope that selects no device is refused ({@code scope.noDevice}) and which
 * jobs keep a firmware from deletion ({@code firmware.deleteBlockedBy}).
 */
public final class OtaStore {
    /** Jobs kept at most when no limit is given, a count. */
    public static final int DEFAULT_MAX_JOBS = 20_000;
    private final DefaultState initial;
    private final Clock clock;
    private final boolean startsCreatedJobs;
    private final int verificationLimit;
    private final StoreState state = new StoreState();
    private final TaskBoard tasks;
    private final JobBook jobs;
    private final FirmwareShelf firmware;
    private final DeviceRegistry devices;

    public OtaStore(DefaultState initial, JobIdGenerator ids, Clock clock) {
        this(initial, ids, clock, DEFAULT_MAX_JOBS);
    }

    /** @param maxJobs the most jobs kept, a count (at least 1) */
    public OtaStore(DefaultState initial, JobIdGenerator ids, Clock clock, int maxJobs) {
        this(initial, ids, clock, maxJobs, Simulation.defaults());
    }

    /**
     * @param maxJobs    the most jobs kept, a count (at least 1)
     * @param simulation how device tasks progress
     */
    public OtaStore(DefaultState initial, JobIdGenerator ids, Clock clock, int maxJobs, Simulation simulation) {
        this(initial, ids, clock, maxJobs, simulation, initial.applyTo(BehaviourProfile.defaults(), "the state"));
    }

    /**
     * @param ids     the jobIds, in the form of the profile's {@code ids.jobId}
     * @param profile the behaviour profile in force, the state file's limit already applied
     *                ({@link DefaultState#applyTo})
     */
    public OtaStore(DefaultState initial, JobIdGenerator ids, Clock clock, int maxJobs, Simulation simulation,
                    BehaviourProfile profile) {
        this.initial = initial;
        this.clock = clock;
        this.startsCreatedJobs = profile.createsJobsStarted();
        this.verificationLimit = profile.verificationLimit();
        ScopeSelection selection = new ScopeSelection(profile.scopeNeedsEverySelector()
                ? ScopeSelection.Combination.ALL : ScopeSelection.Combination.ANY);
        this.tasks = new TaskBoard(state, clock, simulation, selection, verificationLimit);
        this.jobs = new JobBook(state, tasks, ids, clock, profile.createCheckOrder(), verificationLimit, selection,
                profile.refusesScopesWithoutDevices(), profile.searchesNewestJobFirst(), maxJobs);
        this.firmware = new FirmwareShelf(state, clock, profile.firmwareDeleteBlockedOnlyByStartedJobs());
        this.devices = new DeviceRegistry(state);
        reset();
    }

    /**
     * Create OTA Job on a body that passed the spec: checks the business rules and stores the job with its defaults.
     *
     * @return the new {@code jobId} (by default 24 lowercase hex characters)
     * @throws OtaRuleException 24404 when the firmware is not in the org, else 24611, 24612 or 24610
     *                          ({@link CreateJobRules}), in the order of {@code create.checkOrder}
     */
    public synchronized String createJob(String orgId, String firmwareId, CreateOtaJobRequest request) {
        return createJob(orgId, firmwareId, CreateRequest.valid(request));
    }

    /**
     * Create OTA Job: runs create's checks in the order of {@code create.checkOrder} ({@link JobBook#create}), then
     * stores the job with its defaults; with {@code create.jobStatus: started} the job is then started as Start OTA
     * Job starts it (its device tasks made).
     *
     * @param orgId      the query's orgId, as sent (the request may break the spec)
     * @param firmwareId the query's firmwareId, as sent, or null
     * @return the new {@code jobId}
     */
    public synchronized String createJob(String orgId, String firmwareId, CreateRequest request) {
        Org org = state.org(orgId);
        tasks.advance(org);
        Job job = jobs.create(org, orgId, firmwareId, request);
        if (startsCreatedJobs) {
            jobs.start(org, job.jobId());
        }
        return job.jobId();
    }

    /**
     * Get OTA Job.
     *
     * @return the job, immutable ({@link Job#info()} makes the JobInfo of the answer)
     * @throws OtaRuleException 24404 "Job not found" when the job is not in the org
     */
    public synchronized Job getJob(String orgId, String jobId) {
        return jobs.get(state.org(orgId), jobId);
    }

    /**
     * Start OTA Job: the job's status becomes {@code started}. The first start creates the job's device tasks, one
     * per device its scope selects then ({@link ScopeSelection}), all {@code init}; a later start resumes them.
     *
     * @throws OtaRuleException 24404 "Job not found"; 24615 "Job has started" when it runs already; 24612 when a
     *                          verification job's scope now selects more devices than its firmware's limit (inferred,
     *                          {@link CreateJobRules#checkSelection}); the job then stays stopped. A scope that now
     *                          selects no device gives a job without tasks.
     */
    public synchronized void startJob(String orgId, String jobId) {
        jobs.start(state.org(orgId), jobId);
    }

    /**
     * Stop OTA Job: the job's status becomes {@code stopped}; its unfinished tasks pause where they are.
     *
     * @throws OtaRuleException 24404 "Job not found"; 24616 "Job has stopped" when it is stopped already
     */
    public synchronized void stopJob(String orgId, String jobId) {
        jobs.stop(state.org(orgId), jobId);
    }

    /**
     * Delete OTA Job: the job is gone.
     *
     * @throws OtaRuleException 24404 "Job not found"; 24618 "Not allowed to delete running job" while it runs
     */
    public synchronized void deleteJob(String orgId, String jobId) {
        jobs.delete(state.org(orgId), jobId);
    }

    /**
     * Cancel OTA Task: the named devices' tasks, each {@code init} or {@code published}, fail with desc
     * "Cancelled by user". All or none: when one device breaks the rule, nothing changes.
     *
     * @throws OtaRuleException 24404 "Job not found"; 24617 "Job not running" when the job is stopped; 24620 when a
     *                          device's task is neither init nor published, or it has no task in the job
     */
    public synchronized void cancelTasks(String orgId, String jobId, Collection<String> deviceKeys) {
        Org org = state.org(orgId);
        jobs.running(org, jobId);
        tasks.cancel(org, jobId, deviceKeys);
    }

    /**
     * Retry OTA Task: the named devices' failed tasks go back to {@code init} and run again. All or none.
     *
     * @throws OtaRuleException 24404 "Job not found"; 24617 "Job not running" when the job is stopped; 24621 when a
     *                          device's task has not failed, or it has no task in the job
     */
    public synchronized void retryTasks(String orgId, String jobId, Collection<String> deviceKeys) {
        Org org = state.org(orgId);
        jobs.running(org, jobId);
        tasks.retry(org, jobId, deviceKeys);
    }

    /**
     * Search OTA Job: the org's jobs that match, one page, newest {@code createTime} first (documented; oldest first
     * with {@code search.jobOrder: createTime-asc}). The expression's {@code productKey} is the job's firmware's.
     */
    public synchronized Page<Job> searchJobs(String orgId, SearchExpression expression, int pageNo, int pageSize) {
        return jobs.search(state.org(orgId), expression, pageNo, pageSize);
    }

    /**
     * Search OTA Task: the org's tasks that match, one page: the newest job's tasks first, each job's in the order
     * its devices were named (inferred; the order is not documented).
     */
    public synchronized Page<TaskInfo> searchTasks(String orgId, SearchExpression expression, int pageNo,
                                                   int pageSize) {
        return tasks.search(state.org(orgId), expression, pageNo, pageSize);
    }

    /**
     * The job's device tasks, in the order its devices were named; empty before its first start.
     *
     * @throws OtaRuleException 24404 "Job not found"
     */
    public synchronized List<TaskInfo> tasks(String orgId, String jobId) {
        Org org = state.org(orgId);
        jobs.get(org, jobId);
        return tasks.tasks(org, jobId);
    }

    /**
     * How many tasks of the job are in each status ({@code init}, {@code published}, ...), for the admin API;
     * all zero before its first start.
     *
     * @throws OtaRuleException 24404 "Job not found"
     */
    public synchronized Map<String, Integer> taskCounts(String orgId, String jobId) {
        Org org = state.org(orgId);
        jobs.get(org, jobId);
        return tasks.counts(org, jobId);
    }

    /**
     * Get Firmware File.
     *
     * @throws OtaRuleException 24404 "Firmware not found" when the org has no such firmware
     */
    public synchronized Firmware getFirmware(String orgId, String firmwareId) {
        Org org = state.org(orgId);
        tasks.advance(org);
        return firmware.get(org, firmwareId);
    }

    /** Search Firmware File: the org's firmware that matches, newest {@code createTime} first (documented). */
    public synchronized Page<Firmware> searchFirmware(String orgId, SearchExpression expression, int pageNo,
                                                      int pageSize) {
        Org org = state.org(orgId);
        tasks.advance(org);
        return firmware.search(org, expression, pageNo, pageSize);
    }

    /**
     * Search Device Upgrade: the org's devices that match, one page, in the order the org got them (inferred), each
     * with the version it runs now (a succeeded task moved it to its job's version) and whether a task of a started
     * job is {@code published} or {@code upgrading} for it ({@code isUpgrading}, inferred).
     */
    public synchronized Page<DeviceFirmware> searchDeviceUpgrades(String orgId, SearchExpression expression,
                                                                  int pageNo, int pageSize) {
        Org org = state.org(orgId);
        if (org == null) {
            return Page.of(List.of(), pageNo, pageSize);
        }
        tasks.advance(org);
        return devices.searchUpgrades(org, orgId, tasks.upgradingDevices(org), expression, pageNo, pageSize);
    }

    /**
     * Create Firmware File on an upload that passed the spec: stores the firmware, unverified, under a new
     * {@code firmwareId}.
     *
     * @param draft the firmware under the id the store gives it (its org, product and name are what the rule reads)
     * @return the stored firmware
     * @throws ContractViolation 99400 naming {@code metadata.name} when a firmware of the org with the same product
     *                           already has that name (documented: unique per product, 2.4.0; the code is inferred)
     */
    public synchronized Firmware createFirmware(Function<String, Firmware> draft) {
        return firmware.create(draft);
    }

    /**
     * Delete Firmware: the firmware is gone.
     *
     * @return the deleted firmware (its file is the caller's to remove)
     * @throws OtaRuleException 24404 "Firmware not found"; 24604 "Firmware cannot be deleted" while a job of the org
     *                          names it (any job, or with {@code firmware.deleteBlockedBy: started-job} a started one)
     */
    public synchronized Firmware deleteFirmware(String orgId, String firmwareId) {
        Org org = state.org(orgId);
        tasks.advance(org);
        return firmware.delete(org, firmwareId);
    }

    /** The SHA-256 of every uploaded file a firmware of any org names (what the file store must keep). */
    public synchronized Set<String> uploadedFileDigests() {
        return firmware.uploadedFileDigests();
    }

    /**
     * Whether the state knows the organization: it has firmware, a device or a job (from the state file, the admin
     * API or a create). {@code organizations.foreign: denied} refuses the others with 99403.
     */
    public synchronized boolean knowsOrganization(String orgId) {
        return state.org(orgId) != null;
    }

    /** The 24612 limit of a firmware: its own {@code maxAllowedForVerification}, else the profile's default. */
    public int verificationLimit(Firmware firmware) {
        return CreateJobRules.verificationLimit(firmware, verificationLimit);
    }

    /** The profile's {@code verification.defaultLimit}, as the state file may have set it. */
    public int defaultVerificationLimit() {
        return verificationLimit;
    }

    /** The org's devices the simulation knows, in the order added. */
    public synchronized List<Device> devices(String orgId) {
        return devices.devices(state.org(orgId));
    }

    /** Adds a device, or replaces the one with the same org and key; jobs started later see it. */
    public synchronized void putDevice(Device device) {
        devices.put(device);
    }

    /**
     * Brings every job's tasks up to the clock (the scheduler's tick). Holds the lock one org at a time, so API
     * calls interleave.
     */
    public void advance() {
        List<String> orgIds;
        synchronized (this) {
            orgIds = state.orgIds();
        }
        for (String orgId : orgIds) {
            synchronized (this) {
                tasks.advance(state.org(orgId));
            }
        }
    }

    /** The organizations the state knows (firmware, a device or a job), in alphabetical order. */
    public synchronized List<String> organizations() {
        return state.orgs().keySet().stream().sorted().toList();
    }

    /** The org's jobs, oldest first; empty for an unknown org. */
    public synchronized List<Job> jobs(String orgId) {
        return jobs.jobs(state.org(orgId));
    }

    /** The org's firmware, in the order it was added; empty for an unknown org. */
    public synchronized List<Firmware> firmwares(String orgId) {
        Org org = state.org(orgId);
        tasks.advance(org);
        return org == null ? List.of() : List.copyOf(org.firmwares.values());
    }

    /** Adds the firmware, or replaces the one with the same org and id; without a createTime it gets the clock's. */
    public synchronized void putFirmware(Firmware firmware) {
        this.firmware.put(firmware);
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
        Org org = state.org(orgId);
        return firmware.completeVerification(org, jobs.get(org, jobId));
    }

    /**
     * Drops every job, task, device and firmware and loads the default state again; a {@link SimulationClock} goes
     * back to real time with no advance, and frozen only if it started so ({@link SimulationClock#reset()}).
     */
    public synchronized void reset() {
        if (clock instanceof SimulationClock simulated) {
            simulated.reset();
        }
        state.clear();
        jobs.clear();
        initial.firmwares().forEach(firmware::put);
        initial.devices().forEach(devices::put);
        state.changed();
    }

    /** A number that changes whenever the stored state does (for saving only when something changed). */
    public synchronized long changes() {
        return state.changes();
    }

    /** Everything stored, brought up to the clock, for the state file; immutable, so it is written outside the lock. */
    public synchronized StoreSnapshot snapshot() {
        List<StoreSnapshot.OrgState> states = new ArrayList<>();
        for (Map.Entry<String, Org> entry : state.orgs().entrySet()) {
            Org org = entry.getValue();
            List<StoreSnapshot.RunState> runs = tasks.snapshot(org);
            states.add(new StoreSnapshot.OrgState(entry.getKey(), List.copyOf(org.firmwares.values()),
                    List.copyOf(org.devices.values()), List.copyOf(org.jobs.values()), runs));
        }
        long offset = clock instanceof SimulationClock simulated ? simulated.offsetMillis() : 0;
        return new StoreSnapshot(StoreSnapshot.FORMAT, offset, jobs.evicted(), states);
    }

    /**
     * Replaces everything stored with a saved state (the state file at start). Time between the save and now does
     * not count for the device tasks: they go on from where they were.
     *
     * @throws IllegalArgumentException when a run names a job the org does not have
     */
    public synchronized void restore(StoreSnapshot saved) {
        state.clear();
        jobs.clear();
        if (clock instanceof SimulationClock simulated) {
            simulated.offsetMillis(saved.clockOffsetMillis());
        }
        for (StoreSnapshot.OrgState orgState : saved.orgs()) {
            Org org = state.orCreate(orgState.orgId());
            orgState.firmwares().forEach(each -> org.firmwares.put(each.firmwareId(), each));
            orgState.devices().forEach(device -> org.devices.put(device.deviceKey(), device));
            orgState.jobs().forEach(job -> org.jobs.put(job.jobId(), job));
            tasks.restore(org, orgState);
        }
        jobs.restore(saved);
        state.changed();
    }

    /**
     * Counts of what is stored, for the admin API: {@code orgs}, {@code firmwares}, {@code jobs}, {@code devices},
     * {@code tasks}, the limit {@code maxJobs} and {@code evictedJobs}, how many jobs were dropped for it since the
     * start.
     */
    public synchronized Map<String, Long> counts() {
        long firmwareCount = 0;
        long jobCount = 0;
        long deviceCount = 0;
        for (Org org : state.orgs().values()) {
            firmwareCount += org.firmwares.size();
            jobCount += org.jobs.size();
            deviceCount += org.devices.size();
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("orgs", (long) state.orgs().size());
        counts.put("firmwares", firmwareCount);
        counts.put("jobs", jobCount);
        counts.put("devices", deviceCount);
        counts.put("tasks", tasks.count());
        counts.put("maxJobs", (long) jobs.maxJobs());
        counts.put("evictedJobs", jobs.evicted());
        return counts;
    }
}
