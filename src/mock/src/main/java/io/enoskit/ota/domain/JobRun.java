package io.enoskit.ota.domain;

import io.enoskit.ota.model.TaskInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The simulation of one job's device tasks, created when the job is first started. Not thread-safe: the store
 * calls it under its lock.
 *
 * <p>The job keeps a running time of its own, which moves only while the job is {@code started} and inside its
 * schedule ({@link JobSchedule}); every task time is on it, so stopping a job pauses its tasks (inferred: the pages
 * say what stop answers, not what it does to tasks). Work is event-driven: a priority queue of the tasks' next
 * events, so moving the clock by a day costs the events of that day, not its seconds.
 *
 * <p>Rules (documented where marked, else the simulation's):
 * <ul>
 *   <li>at most {@code maximumConcurrency} tasks are published or upgrading at once (documented field; what it
 *       bounds is inferred);</li>
 *   <li>{@code upgradeTimeout} seconds after a verification task is published, or after an upgrade task starts
 *       upgrading, an unfinished task fails with desc "upgrade timeout" (documented: where each clock starts);</li>
 *   <li>with {@code retryPolicy.enableRetry}, a failed task goes back to init after {@code retryInterval} seconds,
 *       at most {@code retryCount} times (default 1); cancelled tasks are not retried (inferred);</li>
 *   <li>a cancelled task is failed with desc "Cancelled by user" (inferred: no cancelled status is documented).</li>
 * </ul>
 */
final class JobRun {
    static final String DESC_PUBLISHED = "firmware pushed to the device";
    static final String DESC_UPGRADING = "upgrading";
    static final String DESC_SUCCEEDED = "upgrading firmware finished";
    static final String DESC_FAILED = "upgrade failed";
    static final String DESC_TIMEOUT = "upgrade timeout";
    static final String DESC_CANCELLED = "Cancelled by user";
    static final String DESC_INIT = "waiting to be pushed";
    private static final int PROGRESS_STEP = 25;
    private static final int FAIL_AT = 50;

    private final String orgId;
    private final String jobId;
    private final boolean verification;
    private final JobSchedule schedule;
    private final int maximumConcurrency;
    private final long timeoutMillis;
    private final boolean autoRetry;
    private final int retryCount;
    private final long retryIntervalMillis;
    private final Map<String, OtaTask> tasks = new LinkedHashMap<>();
    private final Map<String, Device> devices;
    private final ArrayDeque<OtaTask> waiting = new ArrayDeque<>();
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final int successesToVerify;
    private long jobTime;
    private long lastClock;
    private int active;
    private long sequence;
    private boolean verified;
    /** Tasks that succeeded since the store last asked ({@link #takeSucceeded()}), oldest first. */
    private final List<OtaTask> succeededSinceAsked = new ArrayList<>();
    /** Something changed since the store last asked ({@link #takeChanged()}). */
    private boolean changed;

    /** A task's next moment; stale when the task's version moved on since. */
    private record Event(long at, long sequence, OtaTask task, int version) implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    /**
     * @param job               the job, as stored
     * @param targets           the devices in its scope, in order (one task each)
     * @param successesToVerify for a verification job, the succeeded tasks that make the firmware verified
     * @param now               the clock now, milliseconds since the epoch
     * @param ids               ids for the tasks
     */
    JobRun(Job job, List<Device> targets, int successesToVerify, long now, JobIdGenerator ids) {
        this(job, successesToVerify, now);
        for (Device device : targets) {
            if (tasks.containsKey(device.deviceKey())) {
                continue;
            }
            devices.put(device.deviceKey(), device);
            OtaTask task = new OtaTask();
            task.taskId = ids.next(now);
            task.deviceKey = device.deviceKey();
            task.assetId = device.assetId();
            task.productKey = device.productKey();
            task.fromVersion = device.firmwareVersion();
            task.toVersion = job.firmwareVersion();
            task.desc = DESC_INIT;
            task.updateTime = now;
            tasks.put(task.deviceKey, task);
            waiting.add(task);
        }
    }

    /** The job's policies (schedule, concurrency, timeout, retries), with no task yet. */
    private JobRun(Job job, int successesToVerify, long now) {
        this.orgId = job.orgId();
        this.jobId = job.jobId();
        this.verification = job.verification();
        this.schedule = JobSchedule.of(job);
        this.maximumConcurrency = job.maximumConcurrency() == null ? JobDefaults.MAXIMUM_CONCURRENCY
                : Math.max(1, job.maximumConcurrency());
        this.timeoutMillis = (job.upgradeTimeout() == null ? JobDefaults.UPGRADE_TIMEOUT_SECONDS
                : job.upgradeTimeout()) * 1000L;
        Job.RetryPolicy retry = job.retryPolicy();
        this.autoRetry = retry != null && Boolean.TRUE.equals(retry.enableRetry());
        this.retryCount = retry == null || retry.retryCount() == null ? 1 : Math.max(0, retry.retryCount());
        this.retryIntervalMillis = retry == null || retry.retryInterval() == null ? 0
                : Math.max(0, retry.retryInterval()) * 1000L;
        this.successesToVerify = successesToVerify;
        this.lastClock = now;
        this.devices = new LinkedHashMap<>();
    }

    /**
     * A run as the state file kept it; the clock counts from {@code now} (time the mock was down does not count).
     *
     * @param devices the org's devices by key, for the outcomes of the tasks' devices
     */
    JobRun(Job job, StoreSnapshot.RunState saved, Map<String, Device> devices, long now) {
        this(job, saved.successesToVerify(), now);
        this.verified = saved.verified();
        this.jobTime = saved.jobTime();
        for (StoreSnapshot.TaskState state : saved.tasks()) {
            OtaTask task = OtaTask.restored(state);
            Device device = devices.get(task.deviceKey);
            this.devices.put(task.deviceKey, device != null ? device
                    : Device.unlisted(orgId, task.productKey, task.deviceKey, task.fromVersion));
            tasks.put(task.deviceKey, task);
            if (task.status.active()) {
                active++;
            }
            if (task.status == TaskStatus.INIT) {
                waiting.add(task);
            }
            schedule(task);
        }
    }

    /** The run as the state file keeps it: immutable copies of its tasks, which go on changing here. */
    StoreSnapshot.RunState snapshot() {
        return new StoreSnapshot.RunState(jobId, jobTime, successesToVerify, verified,
                tasks.values().stream().map(OtaTask::state).toList());
    }

    /**
     * The devices whose tasks succeeded since the last call, each with the version it runs now (the job's), in the
     * order they succeeded.
     */
    Map<String, String> takeSucceeded() {
        Map<String, String> versions = new LinkedHashMap<>();
        succeededSinceAsked.forEach(task -> versions.put(task.deviceKey, task.toVersion));
        succeededSinceAsked.clear();
        return versions;
    }

    /** The devices whose tasks are {@code published} or {@code upgrading}: being upgraded while the job runs. */
    Set<String> upgradingDevices() {
        Set<String> keys = new HashSet<>();
        tasks.values().stream().filter(task -> task.status == TaskStatus.PUBLISHED
                || task.status == TaskStatus.UPGRADING).forEach(task -> keys.add(task.deviceKey));
        return keys;
    }

    /** True when tasks changed since the last call. */
    boolean takeChanged() {
        boolean was = changed;
        changed = false;
        return was;
    }

    /**
     * Moves the job on to the clock time {@code now}: nothing happens unless {@code running}; while running, only
     * the parts of the time inside the schedule count.
     *
     * @return true when this call made a verification job reach its successes (the firmware is verified now)
     */
    boolean advance(long now, boolean running, Simulation simulation) {
        if (now <= lastClock) {
            return false;
        }
        boolean reached = false;
        if (running) {
            for (long[] window : schedule.windows(lastClock, now)) {
                reached |= run(window[0], window[1], window[1] == now, simulation);
            }
        }
        lastClock = now;
        return reached;
    }

    /**
     * Runs the job's time through one open stretch of clock time [from, to): what falls due at {@code to} happens
     * too when {@code to} is now (the state at a time includes what happens at it), not when the schedule closes
     * there.
     */
    private boolean run(long from, long to, boolean throughEnd, Simulation simulation) {
        long startJobTime = jobTime;
        long endJobTime = jobTime + (to - from);
        boolean reached = false;
        fillSlots(jobTime, from, simulation);
        while (!events.isEmpty() && (events.peek().at() < endJobTime
                || (throughEnd && events.peek().at() == endJobTime))) {
            Event event = events.poll();
            if (event.version() != event.task().version) {
                continue;
            }
            long at = event.at();
            long clock = from + (at - startJobTime);
            reached |= fire(event.task(), at, clock, simulation);
            fillSlots(at, clock, simulation);
        }
        jobTime = endJobTime;
        return reached;
    }

    /** Publishes waiting tasks while a slot is free. */
    private void fillSlots(long at, long clock, Simulation simulation) {
        while (active < maximumConcurrency && !waiting.isEmpty()) {
            OtaTask task = waiting.poll();
            if (task.status != TaskStatus.INIT) {
                continue;
            }
            changed = true;
            task.status = TaskStatus.PUBLISHED;
            task.progress = 0;
            task.desc = DESC_PUBLISHED;
            task.updateTime = clock;
            Device device = devices.get(task.deviceKey);
            task.outcome = device.outcome(task.attempt).orElseGet(
                    () -> simulation.draw(jobId, task.deviceKey, task.attempt));
            task.dueAt = at + simulation.pace().toMillis();
            task.deadline = verification ? at + timeoutMillis : OtaTask.NEVER;
            active++;
            schedule(task);
        }
    }

    private boolean fire(OtaTask task, long at, long clock, Simulation simulation) {
        changed = true;
        if (task.deadline != OtaTask.NEVER && at >= task.deadline && task.status.active()) {
            fail(task, at, clock, DESC_TIMEOUT);
            return false;
        }
        if (task.retryAt != OtaTask.NEVER && at >= task.retryAt && task.status == TaskStatus.FAILED) {
            task.retryAt = OtaTask.NEVER;
            backToInit(task, clock);
            return false;
        }
        if (task.dueAt == OtaTask.NEVER || at < task.dueAt) {
            schedule(task);
            return false;
        }
        long pace = simulation.pace().toMillis();
        if (task.status == TaskStatus.PUBLISHED) {
            task.status = TaskStatus.UPGRADING;
            task.progress = 0;
            task.desc = DESC_UPGRADING;
            task.updateTime = clock;
            task.dueAt = at + pace;
            if (!verification) {
                task.deadline = at + timeoutMillis;
            }
            schedule(task);
            return false;
        }
        if (task.status != TaskStatus.UPGRADING) {
            return false;
        }
        task.progress += PROGRESS_STEP;
        task.updateTime = clock;
        if (task.outcome == DeviceOutcome.FAIL && task.progress >= FAIL_AT) {
            Device device = devices.get(task.deviceKey);
            fail(task, at, clock, device.failureDesc() == null ? DESC_FAILED : device.failureDesc());
            return false;
        }
        if (task.outcome == DeviceOutcome.STALL && task.progress >= FAIL_AT) {
            task.dueAt = OtaTask.NEVER;
            schedule(task);
            return false;
        }
        if (task.progress >= 100) {
            task.status = TaskStatus.SUCCEEDED;
            succeededSinceAsked.add(task);
            task.progress = 100;
            task.desc = DESC_SUCCEEDED;
            task.dueAt = OtaTask.NEVER;
            task.deadline = OtaTask.NEVER;
            active--;
            schedule(task);
            return verification && !verified && succeeded() >= successesToVerify && (verified = true);
        }
        task.dueAt = at + pace;
        schedule(task);
        return false;
    }

    private void fail(OtaTask task, long at, long clock, String desc) {
        if (task.status.active()) {
            active--;
        }
        task.status = TaskStatus.FAILED;
        task.progress = -1;
        task.desc = desc;
        task.updateTime = clock;
        task.dueAt = OtaTask.NEVER;
        task.deadline = OtaTask.NEVER;
        if (autoRetry && !task.cancelled && task.autoRetries < retryCount) {
            task.autoRetries++;
            task.retryAt = at + retryIntervalMillis;
        }
        schedule(task);
    }

    private void backToInit(OtaTask task, long clock) {
        task.status = TaskStatus.INIT;
        task.progress = 0;
        task.desc = DESC_INIT;
        task.updateTime = clock;
        task.attempt++;
        task.cancelled = false;
        task.outcome = null;
        task.dueAt = OtaTask.NEVER;
        task.deadline = OtaTask.NEVER;
        task.retryAt = OtaTask.NEVER;
        schedule(task);
        waiting.add(task);
    }

    /** Queues the task's next event (and makes older ones stale). */
    private void schedule(OtaTask task) {
        task.version++;
        long next = task.nextEventAt();
        if (next != OtaTask.NEVER) {
            events.add(new Event(next, sequence++, task, task.version));
        }
    }

    private long succeeded() {
        return tasks.values().stream().filter(task -> task.status == TaskStatus.SUCCEEDED).count();
    }

    /**
     * The device keys among {@code deviceKeys} whose task is not in one of the statuses (or that have no task).
     */
    List<String> notIn(Collection<String> deviceKeys, TaskStatus... statuses) {
        List<String> wrong = new ArrayList<>();
        for (String deviceKey : deviceKeys) {
            OtaTask task = tasks.get(deviceKey);
            if (task == null || !List.of(statuses).contains(task.status)) {
                wrong.add(deviceKey);
            }
        }
        return wrong;
    }

    /** Cancel OTA Task: the tasks (each init or published, checked before) fail with desc "Cancelled by user". */
    void cancel(Collection<String> deviceKeys, long clock) {
        changed = true;
        for (String deviceKey : deviceKeys) {
            OtaTask task = tasks.get(deviceKey);
            task.cancelled = true;
            task.retryAt = OtaTask.NEVER;
            fail(task, jobTime, clock, DESC_CANCELLED);
        }
    }

    /** Retry OTA Task: the tasks (each failed, checked before) go back to init and run again. */
    void retry(Collection<String> deviceKeys, long clock) {
        changed = true;
        for (String deviceKey : deviceKeys) {
            backToInit(tasks.get(deviceKey), clock);
        }
    }

    /** The tasks as Search OTA Task answers them, in the order the devices were named. */
    List<TaskInfo> tasks() {
        List<TaskInfo> views = new ArrayList<>(tasks.size());
        tasks.values().forEach(task -> views.add(task.view(orgId, jobId)));
        return views;
    }

    /** How many tasks are in each status, for the admin API. */
    Map<String, Integer> statusCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (TaskStatus status : TaskStatus.values()) {
            counts.put(status.value(), 0);
        }
        tasks.values().forEach(task -> counts.merge(task.status.value(), 1, Integer::sum));
        return counts;
    }

    /** True when every task has finished (succeeded or failed, with no automatic retry pending). */
    boolean finished() {
        return tasks.values().stream().allMatch(task -> task.status.finished() && task.retryAt == OtaTask.NEVER);
    }

    int taskCount() {
        return tasks.size();
    }
}
