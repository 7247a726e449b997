package io.enoskit.ota.domain;

import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.Violation;
import io.enoskit.ota.model.CreateOtaJobRequest;
import io.enoskit.ota.model.DeviceFirmware;
import io.enoskit.ota.model.JobInfo;
import io.enoskit.ota.model.TaskInfo;
import io.enoskit.ota.model.UpgradeScopeInfo;
import io.enoskit.ota.profile.BehaviourProfile;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The mock's only mutable state: firmware and jobs, kept per organization (one org never sees another's).
 *
 * <p>Every method holds the store's lock for its whole read-modify-write, so concurrent creates never lose a
 * job and a rule is always checked against the state the job is inserted into. Jobs handed out are the
 * stored objects: callers serialise them and must not change them.
 *
 * <p>Memory is bounded: at most {@code maxJobs} jobs are kept; a create past it drops the oldest stopped job
 * first, or the oldest job when none is stopped (a mock's limit, not a rule of the API), and counts the drop.
 *
 * <p>Device tasks: the first start of a job creates one task per device in its scope ({@link #startJob}); they
 * progress on the clock given ({@link SimulationClock} in the mock) as {@link JobRun} describes. Every read that
 * shows tasks or firmware brings the org's jobs up to the clock first, and {@link #advance()} brings every job up
 * to it (the mock's one scheduler calls it each second), so answers never lag the clock.
 *
 * <p>What the behaviour profile decides here, each read in one place: the order of create's checks
 * ({@code create.checkOrder}), the status of a created job ({@code create.jobStatus}), the verification limit when a
 * firmware sets none ({@code verification.defaultLimit}), the order of Search OTA Job ({@code search.jobOrder}) and
 * the form of jobIds ({@code ids.jobId}, given as the id generator), how a scope's selectors combine
 * ({@code scope.combination}) and whether a scope that selects no device is refused ({@code scope.noDevice}).
 */
public final class OtaStore {
    /** Jobs kept at most when no limit is given, a count. */
    public static final int DEFAULT_MAX_JOBS = 20_000;
    private final DefaultState initial;
    private final JobIdGenerator ids;
    /** Task ids keep the samples' form whatever {@code ids.jobId} says (the pages give none). */
    private final JobIdGenerator taskIds = new JobIdGenerator();
    private final Clock clock;
    private final List<String> checkOrder;
    private final boolean startsCreatedJobs;
    private final int verificationLimit;
    private final boolean newestJobFirst;
    private final boolean onlyStartedJobsKeepFirmware;
    /** Firmware ids keep the samples' form (24 hex characters) whatever {@code ids.jobId} says. */
    private final JobIdGenerator firmwareIds = new JobIdGenerator();
    private final int maxJobs;
    private final Simulation simulation;
    private final ScopeSelection selection;
    private final boolean refusesScopesWithoutDevices;
    private final Map<String, Org> orgs = new HashMap<>();
    /** Every job, oldest first: the order of eviction (a deque of references: a few bytes per job). */
    private final java.util.ArrayDeque<JobInfo> byAge = new java.util.ArrayDeque<>();
    private long evicted;
    /** Bumped by every change, so that the state file is written only when something changed. */
    private long changes;


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
        this.checkOrder = profile.createCheckOrder();
        this.startsCreatedJobs = profile.createsJobsStarted();
        this.verificationLimit = profile.verificationLimit();
        this.newestJobFirst = profile.searchesNewestJobFirst();
        this.selection = new ScopeSelection(profile.scopeNeedsEverySelector() ? ScopeSelection.Combination.ALL
                : ScopeSelection.Combination.ANY);
        this.refusesScopesWithoutDevices = profile.refusesScopesWithoutDevices();
        this.onlyStartedJobsKeepFirmware = profile.firmwareDeleteBlockedOnlyByStartedJobs();
        if (maxJobs < 1) {
            throw new IllegalArgumentException("max jobs must be at least 1, was " + maxJobs);
        }
        this.initial = initial;
        this.ids = ids;
        this.clock = clock;
        this.maxJobs = maxJobs;
        this.simulation = simulation;
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
     * Create OTA Job: runs create's checks in the order of {@code create.checkOrder}, the first that fails answering
     * (the spec check's refusal at the {@code request} step, 24404 at {@code firmware}, the rules of
     * {@link CreateJobRules} at theirs), then stores the job with its defaults; with {@code create.jobStatus:
     * started} the job is then started as Start OTA Job starts it (its device tasks made).
     *
     * @param orgId      the query's orgId, as sent (the request may break the spec)
     * @param firmwareId the query's firmwareId, as sent, or null
     * @return the new {@code jobId}
     */
    public synchronized String createJob(String orgId, String firmwareId, CreateRequest request) {
        Org org = orgId == null ? null : orgs.get(orgId);
        advance(org);
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
        String jobId = ids.next(now);
        JobInfo job = JobDefaults.newJob(jobId, firmware, request.body(), now);
        org.jobs.put(jobId, job);
        byAge.addLast(job);
        changes++;
        while (byAge.size() > maxJobs) {
            evictOne();
        }
        if (startsCreatedJobs) {
            startJob(orgId, jobId);
        }
        return jobId;
    }

    /** Drops the oldest stopped job, or the oldest job when none is stopped. */
    private void evictOne() {
        JobInfo victim = byAge.peekFirst();
        for (java.util.Iterator<JobInfo> oldestFirst = byAge.iterator(); oldestFirst.hasNext(); ) {
            JobInfo job = oldestFirst.next();
            if (job.getStatus() == JobInfo.StatusEnum.STOPPED) {
                victim = job;
                oldestFirst.remove();
                break;
            }
        }
        if (victim == byAge.peekFirst()) {
            byAge.pollFirst();
        }
        Org org = orgs.get(victim.getOrgId());
        org.jobs.remove(victim.getJobId());
        org.runs.remove(victim.getJobId());
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
     * Start OTA Job: the job's status becomes {@code started}. The first start creates the job's device tasks, one
     * per device its scope selects then ({@link ScopeSelection}), all {@code init}; a later start resumes them.
     *
     * @throws OtaRuleException 24404 "Job not found"; 24615 "Job has started" when it runs already; 24612 when a
     *                          verification job's scope now selects more devices than its firmware's limit (inferred,
     *                          {@link CreateJobRules#checkSelection}); the job then stays stopped. A scope that now
     *                          selects no device gives a job without tasks.
     */
    public synchronized void startJob(String orgId, String jobId) {
        JobInfo job = getJob(orgId, jobId);
        if (job.getStatus() == JobInfo.StatusEnum.STARTED) {
            throw new OtaRuleException(OtaError.JOB_HAS_STARTED);
        }
        Org org = orgs.get(orgId);
        advance(org);
        if (!org.runs.containsKey(jobId)) {
            Firmware firmware = org.firmwares.get(job.getFirmwareId());
            UpgradeScopeInfo scope = job.getUpgradeScope();
            List<Device> targets = scope == null ? List.of()
                    : selection.select(org.devices, orgId, ScopeSelection.Scope.of(scope), firmware);
            if (job.getType() == JobInfo.TypeEnum.VERIFY && firmware != null) {
                CreateJobRules.checkSelection(firmware, targets.size(), verificationLimit);
            }
            int toVerify = firmware == null || firmware.minSuccessForVerified() == null ? targets.size()
                    : Math.min(firmware.minSuccessForVerified(), targets.size());
            org.runs.put(jobId, new JobRun(job, targets, toVerify, clock.millis(), taskIds));
        }
        job.setStatus(JobInfo.StatusEnum.STARTED);
        changes++;
    }

    /**
     * Stop OTA Job: the job's status becomes {@code stopped}; its unfinished tasks pause where they are.
     *
     * @throws OtaRuleException 24404 "Job not found"; 24616 "Job has stopped" when it is stopped already
     */
    public synchronized void stopJob(String orgId, String jobId) {
        JobInfo job = getJob(orgId, jobId);
        if (job.getStatus() == JobInfo.StatusEnum.STOPPED) {
            throw new OtaRuleException(OtaError.JOB_HAS_STOPPED);
        }
        advance(orgs.get(orgId));
        job.setStatus(JobInfo.StatusEnum.STOPPED);
        changes++;
    }

    /**
     * Cancel OTA Task: the named devices' tasks, each {@code init} or {@code published}, fail with desc
     * "Cancelled by user". All or none: when one device breaks the rule, nothing changes.
     *
     * @throws OtaRuleException 24404 "Job not found"; 24617 "Job not running" when the job is stopped; 24620 when a
     *                          device's task is neither init nor published, or it has no task in the job
     */
    public synchronized void cancelTasks(String orgId, String jobId, Collection<String> deviceKeys) {
        JobRun run = runningJob(orgId, jobId);
        if (!run.notIn(deviceKeys, TaskStatus.INIT, TaskStatus.PUBLISHED).isEmpty()) {
            throw new OtaRuleException(OtaError.CANCEL_ONLY_INIT_OR_PUBLISHED);
        }
        run.cancel(deviceKeys, clock.millis());
        changes++;
    }

    /**
     * Retry OTA Task: the named devices' failed tasks go back to {@code init} and run again. All or none.
     *
     * @throws OtaRuleException 24404 "Job not found"; 24617 "Job not running" when the job is stopped; 24621 when a
     *                          device's task has not failed, or it has no task in the job
     */
    public synchronized void retryTasks(String orgId, String jobId, Collection<String> deviceKeys) {
        JobRun run = runningJob(orgId, jobId);
        if (!run.notIn(deviceKeys, TaskStatus.FAILED).isEmpty()) {
            throw new OtaRuleException(OtaError.RETRY_ONLY_FAILED);
        }
        run.retry(deviceKeys, clock.millis());
        changes++;
    }

    /** The job's run, brought up to the clock, when the job is started. */
    private JobRun runningJob(String orgId, String jobId) {
        JobInfo job = getJob(orgId, jobId);
        if (job.getStatus() != JobInfo.StatusEnum.STARTED) {
            throw new OtaRuleException(OtaError.JOB_NOT_RUNNING);
        }
        Org org = orgs.get(orgId);
        advance(org);
        return org.runs.get(jobId);
    }

    /**
     * Search OTA Job: the org's jobs that match, one page, newest {@code createTime} first (documented; oldest first
     * with {@code search.jobOrder: createTime-asc}). The expression's {@code productKey} is the job's firmware's.
     */
    public synchronized Page<JobInfo> searchJobs(String orgId, SearchExpression expression, int pageNo,
                                                 int pageSize) {
        Org org = orgs.get(orgId);
        if (org == null) {
            return Page.of(List.of(), pageNo, pageSize);
        }
        List<JobInfo> matches = new ArrayList<>();
        for (JobInfo job : org.jobs.values()) {
            Firmware firmware = org.firmwares.get(job.getFirmwareId());
            if (expression.matches(field -> jobField(job, firmware, field))) {
                matches.add(job);
            }
        }
        Comparator<JobInfo> oldestFirst = Comparator.comparing((JobInfo job) -> job.getCreateTime() == null ? 0L
                : job.getCreateTime());
        if (newestJobFirst) {
            // jobs of the same millisecond: the later created first, as the whole list reversed
            java.util.Collections.reverse(matches);
            matches.sort(oldestFirst.reversed());
        } else {
            matches.sort(oldestFirst);
        }
        return Page.of(matches, pageNo, pageSize);
    }

    private static Object jobField(JobInfo job, Firmware firmware, String field) {
        return switch (field) {
            case "firmwareId" -> job.getFirmwareId();
            case "productKey" -> job.getProductKey() != null ? job.getProductKey()
                    : firmware == null ? null : firmware.productKey();
            case "firmwareVersion" -> job.getFirmwareVersion();
            case "type" -> job.getType() == null ? null : job.getType().getValue();
            case "status" -> job.getStatus() == null ? null : job.getStatus().getValue();
            case "name" -> job.getName() == null ? null
                    : SearchExpression.i18nView(job.getName().getDefaultValue(), job.getName().getI18nValue());
            case "firmwareName" -> job.getFirmwareName() == null ? null : SearchExpression.i18nView(
                    job.getFirmwareName().getDefaultValue(), job.getFirmwareName().getI18nValue());
            default -> null;
        };
    }

    /**
     * Search OTA Task: the org's tasks that match, one page: the newest job's tasks first, each job's in the order
     * its devices were named (inferred; the order is not documented).
     */
    public synchronized Page<TaskInfo> searchTasks(String orgId, SearchExpression expression, int pageNo,
                                                   int pageSize) {
        Org org = orgs.get(orgId);
        if (org == null) {
            return Page.of(List.of(), pageNo, pageSize);
        }
        advance(org);
        List<JobInfo> newestFirst = new ArrayList<>(org.jobs.values());
        java.util.Collections.reverse(newestFirst);
        newestFirst.sort(Comparator.comparing((JobInfo job) -> job.getCreateTime() == null ? 0L
                : job.getCreateTime()).reversed());
        List<TaskInfo> matches = new ArrayList<>();
        for (JobInfo job : newestFirst) {
            JobRun run = org.runs.get(job.getJobId());
            if (run != null) {
                run.tasks().stream().filter(task -> expression.matches(field -> OtaTask.field(task, field)))
                        .forEach(matches::add);
            }
        }
        return Page.of(matches, pageNo, pageSize);
    }

    /**
     * The job's device tasks, in the order its devices were named; empty before its first start.
     *
     * @throws OtaRuleException 24404 "Job not found"
     */
    public synchronized List<TaskInfo> tasks(String orgId, String jobId) {
        getJob(orgId, jobId);
        Org org = orgs.get(orgId);
        advance(org);
        JobRun run = org.runs.get(jobId);
        return run == null ? List.of() : run.tasks();
    }

    /**
     * Get Firmware File.
     *
     * @throws OtaRuleException 24404 "Firmware not found" when the org has no such firmware
     */
    public synchronized Firmware getFirmware(String orgId, String firmwareId) {
        Org org = orgs.get(orgId);
        advance(org);
        Firmware firmware = org == null ? null : org.firmwares.get(firmwareId);
        if (firmware == null) {
            throw new OtaRuleException(OtaError.FIRMWARE_NOT_FOUND);
        }
        return firmware;
    }

    /** Search Firmware File: the org's firmware that matches, newest {@code createTime} first (documented). */
    public synchronized Page<Firmware> searchFirmware(String orgId, SearchExpression expression, int pageNo,
                                                      int pageSize) {
        Org org = orgs.get(orgId);
        if (org == null) {
            return Page.of(List.of(), pageNo, pageSize);
        }
        advance(org);
        List<Firmware> matches = new ArrayList<>();
        for (Firmware firmware : org.firmwares.values()) {
            if (expression.matches(field -> switch (field) {
                case "productKey" -> firmware.productKey();
                case "isVerified" -> firmware.isVerified();
                case "name" -> SearchExpression.i18nView(firmware.name(), null);
                default -> null;
            })) {
                matches.add(firmware);
            }
        }
        java.util.Collections.reverse(matches);
        matches.sort(Comparator.comparing((Firmware firmware) -> firmware.createTime() == null ? 0L
                : firmware.createTime()).reversed());
        return Page.of(matches, pageNo, pageSize);
    }

    /**
     * Search Device Upgrade: the org's devices that match, one page, in the order the org got them (inferred), each
     * with the version it runs now (a succeeded task moved it to its job's version) and whether a task of a started
     * job is {@code published} or {@code upgrading} for it ({@code isUpgrading}, inferred).
     */
    public synchronized Page<DeviceFirmware> searchDeviceUpgrades(String orgId, SearchExpression expression,
                                                                  int pageNo, int pageSize) {
        Org org = orgs.get(orgId);
        if (org == null) {
            return Page.of(List.of(), pageNo, pageSize);
        }
        advance(org);
        Set<String> upgrading = new HashSet<>();
        org.runs.forEach((jobId, run) -> {
            JobInfo job = org.jobs.get(jobId);
            if (job != null && job.getStatus() == JobInfo.StatusEnum.STARTED) {
                upgrading.addAll(run.upgradingDevices());
            }
        });
        List<DeviceFirmware> matches = new ArrayList<>();
        for (Device device : org.devices.values()) {
            boolean isUpgrading = upgrading.contains(device.deviceKey());
            if (expression.matches(field -> switch (field) {
                case "productKey" -> device.productKey();
                case "firmwareVersion" -> device.firmwareVersion();
                case "isUpgrading" -> isUpgrading;
                default -> null;
            })) {
                matches.add(new DeviceFirmware().orgId(orgId).assetId(device.assetId()).productKey(device.productKey())
                        .deviceKey(device.deviceKey()).firmwareVersion(device.firmwareVersion())
                        .isUpgrading(isUpgrading));
            }
        }
        return Page.of(matches, pageNo, pageSize);
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
        String firmwareId = firmwareIds.next(clock.millis());
        Firmware firmware = draft.apply(firmwareId);
        Org org = orgs.get(firmware.orgId());
        if (org != null && org.firmwares.containsKey(firmwareId)) {
            throw new IllegalStateException("firmware id " + firmwareId + " was given twice");
        }
        boolean taken = org != null && org.firmwares.values().stream().anyMatch(other ->
                Objects.equals(other.productKey(), firmware.productKey()) && other.name().equals(firmware.name()));
        if (taken) {
            throw new ContractViolation(List.of(new Violation("metadata.name", "a firmware named '" + firmware.name()
                    + "' exists already in product " + firmware.productKey() + "; names are unique per product")),
                    false);
        }
        putFirmware(firmware);
        return getFirmware(firmware.orgId(), firmwareId);
    }

    /**
     * Delete Firmware: the firmware is gone.
     *
     * @return the deleted firmware (its file is the caller's to remove)
     * @throws OtaRuleException 24404 "Firmware not found"; 24604 "Firmware cannot be deleted" while a job of the org
     *                          names it (any job, or with {@code firmware.deleteBlockedBy: started-job} a started one)
     */
    public synchronized Firmware deleteFirmware(String orgId, String firmwareId) {
        Firmware firmware = getFirmware(orgId, firmwareId);
        Org org = orgs.get(orgId);
        boolean used = org.jobs.values().stream().anyMatch(job -> firmwareId.equals(job.getFirmwareId())
                && (!onlyStartedJobsKeepFirmware || job.getStatus() == JobInfo.StatusEnum.STARTED));
        if (used) {
            throw new OtaRuleException(OtaError.FIRMWARE_IN_USE);
        }
        org.firmwares.remove(firmwareId);
        changes++;
        return firmware;
    }

    /** The SHA-256 of every uploaded file a firmware of any org names (what the file store must keep). */
    public synchronized java.util.Set<String> uploadedFileDigests() {
        java.util.Set<String> digests = new java.util.HashSet<>();
        orgs.values().forEach(org -> org.firmwares.values().stream().filter(firmware -> firmware.upload() != null)
                .forEach(firmware -> digests.add(firmware.upload().sha256())));
        return digests;
    }

    /**
     * Whether the state knows the organization: it has firmware, a device or a job (from the state file, the admin
     * API or a create). {@code organizations.foreign: denied} refuses the others with 99403.
     */
    public synchronized boolean knowsOrganization(String orgId) {
        return orgs.containsKey(orgId);
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
        Org org = orgs.get(orgId);
        return org == null ? List.of() : List.copyOf(org.devices.values());
    }

    /** Adds a device, or replaces the one with the same org and key; jobs started later see it. */
    public synchronized void putDevice(Device device) {
        orgs.computeIfAbsent(device.orgId(), id -> new Org()).devices.put(device.deviceKey(), device);
        changes++;
    }

    /**
     * Brings every job's tasks up to the clock (the scheduler's tick). Holds the lock one org at a time, so API
     * calls interleave.
     */
    public void advance() {
        List<String> orgIds;
        synchronized (this) {
            orgIds = new ArrayList<>(orgs.keySet());
        }
        for (String orgId : orgIds) {
            synchronized (this) {
                advance(orgs.get(orgId));
            }
        }
    }

    /** Brings the org's started jobs up to the clock; a verification job that reaches its successes verifies its firmware. */
    private void advance(Org org) {
        if (org == null || org.runs.isEmpty()) {
            return;
        }
        long now = clock.millis();
        for (Map.Entry<String, JobRun> entry : org.runs.entrySet()) {
            JobInfo job = org.jobs.get(entry.getKey());
            boolean running = job != null && job.getStatus() == JobInfo.StatusEnum.STARTED;
            if (entry.getValue().advance(now, running, simulation)) {
                Firmware firmware = org.firmwares.get(job.getFirmwareId());
                if (firmware != null) {
                    org.firmwares.put(firmware.firmwareId(), firmware.verified());
                }
            }
            if (entry.getValue().takeChanged()) {
                changes++;
            }
            entry.getValue().takeSucceeded().forEach((deviceKey, version) ->
                    org.devices.computeIfPresent(deviceKey, (key, device) -> device.runningVersion(version)));
        }
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
        Org org = orgs.get(orgId);
        org.jobs.remove(jobId);
        org.runs.remove(jobId);
        byAge.removeFirstOccurrence(job);
        changes++;
    }

    /** The organizations the state knows (firmware, a device or a job), in alphabetical order. */
    public synchronized List<String> organizations() {
        return orgs.keySet().stream().sorted().toList();
    }

    /** The org's jobs, oldest first; empty for an unknown org. */
    public synchronized List<JobInfo> jobs(String orgId) {
        Org org = orgs.get(orgId);
        return org == null ? List.of() : List.copyOf(org.jobs.values());
    }

    /** The org's firmware, in the order it was added; empty for an unknown org. */
    public synchronized List<Firmware> firmwares(String orgId) {
        Org org = orgs.get(orgId);
        advance(org);
        return org == null ? List.of() : List.copyOf(org.firmwares.values());
    }

    /** Adds the firmware, or replaces the one with the same org and id; without a createTime it gets the clock's. */
    public synchronized void putFirmware(Firmware firmware) {
        orgs.computeIfAbsent(firmware.orgId(), id -> new Org()).firmwares.put(firmware.firmwareId(),
                firmware.createdAt(clock.millis()));
        changes++;
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
        changes++;
        return verified;
    }

    /**
     * How many tasks of the job are in each status ({@code init}, {@code published}, ...), for the admin API;
     * all zero before its first start.
     *
     * @throws OtaRuleException 24404 "Job not found"
     */
    public synchronized Map<String, Integer> taskCounts(String orgId, String jobId) {
        getJob(orgId, jobId);
        Org org = orgs.get(orgId);
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

    /**
     * Drops every job, task, device and firmware and loads the default state again; a {@link SimulationClock} goes
     * back to real time with no advance, and frozen only if it started so ({@link SimulationClock#reset()}).
     */
    public synchronized void reset() {
        if (clock instanceof SimulationClock simulated) {
            simulated.reset();
        }
        orgs.clear();
        byAge.clear();
        initial.firmwares().forEach(this::putFirmware);
        initial.devices().forEach(this::putDevice);
        changes++;
    }

    /** A number that changes whenever the stored state does (for saving only when something changed). */
    public synchronized long changes() {
        return changes;
    }

    /** Everything stored, brought up to the clock, for the state file; the objects are copies or immutable. */
    public synchronized StoreSnapshot snapshot() {
        List<StoreSnapshot.OrgState> states = new ArrayList<>();
        for (Map.Entry<String, Org> entry : orgs.entrySet()) {
            Org org = entry.getValue();
            advance(org);
            List<StoreSnapshot.RunState> runs = new ArrayList<>();
            org.runs.values().forEach(run -> runs.add(run.snapshot()));
            states.add(new StoreSnapshot.OrgState(entry.getKey(), List.copyOf(org.firmwares.values()),
                    List.copyOf(org.devices.values()), List.copyOf(org.jobs.values()), runs));
        }
        long offset = clock instanceof SimulationClock simulated ? simulated.offsetMillis() : 0;
        return new StoreSnapshot(StoreSnapshot.FORMAT, offset, evicted, states);
    }

    /**
     * Replaces everything stored with a saved state (the state file at start). Time between the save and now does
     * not count for the device tasks: they go on from where they were.
     *
     * @throws IllegalArgumentException when a run names a job the org does not have
     */
    public synchronized void restore(StoreSnapshot saved) {
        orgs.clear();
        byAge.clear();
        if (clock instanceof SimulationClock simulated) {
            simulated.offsetMillis(saved.clockOffsetMillis());
        }
        long now = clock.millis();
        List<JobInfo> all = new ArrayList<>();
        for (StoreSnapshot.OrgState state : saved.orgs()) {
            Org org = orgs.computeIfAbsent(state.orgId(), id -> new Org());
            state.firmwares().forEach(firmware -> org.firmwares.put(firmware.firmwareId(), firmware));
            state.devices().forEach(device -> org.devices.put(device.deviceKey(), device));
            state.jobs().forEach(job -> {
                org.jobs.put(job.getJobId(), job);
                all.add(job);
            });
            for (StoreSnapshot.RunState run : state.runs()) {
                JobInfo job = org.jobs.get(run.jobId());
                if (job == null) {
                    throw new IllegalArgumentException("the tasks of job " + run.jobId() + " of org " + state.orgId()
                            + " belong to no job of the org");
                }
                org.runs.put(run.jobId(), new JobRun(job, run, org.devices, now));
            }
        }
        all.sort(Comparator.comparing((JobInfo job) -> job.getCreateTime() == null ? 0L : job.getCreateTime()));
        all.forEach(byAge::addLast);
        evicted = saved.evictedJobs();
        changes++;
    }

    /**
     * Counts of what is stored, for the admin API: {@code orgs}, {@code firmwares}, {@code jobs}, {@code devices},
     * {@code tasks}, the limit
     * {@code maxJobs} and {@code evictedJobs}, how many jobs were dropped for it since the start.
     */
    public synchronized Map<String, Long> counts() {
        int firmwareCount = 0;
        int jobCount = 0;
        long deviceCount = 0;
        long taskCount = 0;
        for (Org org : orgs.values()) {
            firmwareCount += org.firmwares.size();
            jobCount += org.jobs.size();
            deviceCount += org.devices.size();
            for (JobRun run : org.runs.values()) {
                taskCount += run.taskCount();
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("orgs", (long) orgs.size());
        counts.put("firmwares", (long) firmwareCount);
        counts.put("jobs", (long) jobCount);
        counts.put("devices", deviceCount);
        counts.put("tasks", taskCount);
        counts.put("maxJobs", (long) maxJobs);
        counts.put("evictedJobs", evicted);
        return counts;
    }

    /** One org's firmware, devices and jobs, in insertion order, and the runs of its started jobs. */
    private static final class Org {
        final Map<String, Firmware> firmwares = new LinkedHashMap<>();
        final Map<String, Device> devices = new LinkedHashMap<>();
        final Map<String, JobInfo> jobs = new LinkedHashMap<>();
        final Map<String, JobRun> runs = new HashMap<>();
    }
}
