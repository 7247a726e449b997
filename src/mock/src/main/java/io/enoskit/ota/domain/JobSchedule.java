package io.enoskit.ota.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * When a started job may push and upgrade devices: its {@code schedulePolicy} as the simulation reads it. The
 * vendor page documents only the default (start at once, daily from 00:00:00 to 23:59:59); the rest is this kit's
 * reading of the fields (inferred):
 * <ul>
 *   <li>nothing runs before {@code startTimestamp};</li>
 *   <li>{@code isRepeatDaily} false: the job runs from {@code startTimestamp} to {@code endTimestamp} (either may
 *       be absent: no bound);</li>
 *   <li>{@code isRepeatDaily} true: every day from then on, within a daily window: from the time of day of
 *       {@code startTimestamp} to that of {@code endTimestamp} when both are given, else from {@code startSchedule}
 *       to {@code endSchedule} (seconds of the day, 0 to 86399 by default); times of day are local to
 *       {@code timezoneOffsetInMinutes} (UTC when absent). A window whose end comes before its start runs over
 *       midnight.</li>
 * </ul>
 * Times are milliseconds since the epoch.
 */
final class JobSchedule {
    private static final long DAY = 86_400_000L;
    private final long from;
    private final long until;
    /** Daily window in local milliseconds of the day, or -1 when the job is not repeated daily. */
    private final long dailyStart;
    private final long dailyEnd;
    private final long offsetMillis;

    private JobSchedule(long from, long until, long dailyStart, long dailyEnd, long offsetMillis) {
        this.from = from;
        this.until = until;
        this.dailyStart = dailyStart;
        this.dailyEnd = dailyEnd;
        this.offsetMillis = offsetMillis;
    }

    /** Always open. */
    static final JobSchedule ALWAYS = new JobSchedule(Long.MIN_VALUE, Long.MAX_VALUE, -1, -1, 0);

    static JobSchedule of(Job job) {
        Job.SchedulePolicy policy = job.schedulePolicy();
        if (policy == null) {
            return ALWAYS;
        }
        long from = policy.startTimestamp() == null ? Long.MIN_VALUE : policy.startTimestamp();
        long offset = policy.timezoneOffsetInMinutes() == null ? 0 : policy.timezoneOffsetInMinutes() * 60_000L;
        if (!Boolean.TRUE.equals(policy.isRepeatDaily())) {
            return new JobSchedule(from, policy.endTimestamp() == null ? Long.MAX_VALUE
                    : policy.endTimestamp(), -1, -1, 0);
        }
        long start;
        long end;
        if (policy.startTimestamp() != null && policy.endTimestamp() != null) {
            start = Math.floorMod(policy.startTimestamp() + offset, DAY);
            end = Math.floorMod(policy.endTimestamp() + offset, DAY);
        } else {
            start = (job.startSchedule() == null ? 0 : job.startSchedule()) * 1000L;
            end = (job.endSchedule() == null ? 86_399 : job.endSchedule()) * 1000L + 999;
        }
        if (start == 0 && end >= DAY - 1000) {
            return new JobSchedule(from, Long.MAX_VALUE, -1, -1, 0);
        }
        return new JobSchedule(from, Long.MAX_VALUE, start, end, offset);
    }

    /** The stretches of [a, b) the job may run in, in order; empty when none. */
    List<long[]> windows(long a, long b) {
        List<long[]> windows = new ArrayList<>();
        long lo = Math.max(a, from);
        long hi = Math.min(b, until);
        if (lo >= hi) {
            return windows;
        }
        if (dailyStart < 0) {
            windows.add(new long[] {lo, hi});
            return windows;
        }
        long dayStart = Math.floorDiv(lo + offsetMillis, DAY) * DAY - offsetMillis - DAY;
        for (long day = dayStart; day < hi; day += DAY) {
            long open = day + dailyStart;
            long close = dailyEnd > dailyStart ? day + dailyEnd : day + DAY + dailyEnd;
            long s = Math.max(open, lo);
            long e = Math.min(close, hi);
            if (s < e) {
                windows.add(new long[] {s, e});
            }
        }
        return windows;
    }
}
