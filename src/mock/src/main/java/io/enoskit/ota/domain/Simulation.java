package io.enoskit.ota.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How the mock's device tasks progress (a simulation; the EnOS pages describe the statuses, not their timing).
 *
 * <p>Each step takes {@code pace} of the job's running time: a task is published when the job runs and a
 * {@code maximumConcurrency} slot is free, upgrades one pace later, then reports progress 25, 50, 75 and 100 one
 * pace apart and succeeds (five paces from publishing to success), unless its device fails (at progress 50) or
 * stalls (stays at 50 until the job's {@code upgradeTimeout} fails it).
 *
 * @param pace          the time of one step; positive
 * @param failureShare  the share of attempts that fail on devices the state file gives no outcomes, 0 to 1
 * @param seed          makes the failure share's draw reproducible: the same seed, job and device fail alike
 */
public record Simulation(Duration pace, double failureShare, long seed) {
    /** Seconds per step when not told: a 5-device job finishes in about half a minute. */
    public static final int DEFAULT_PACE_SECONDS = 5;

    public Simulation {
        Objects.requireNonNull(pace, "pace");
        if (pace.isNegative() || pace.isZero()) {
            throw new IllegalArgumentException("the task pace must be positive, was " + pace);
        }
        if (!(failureShare >= 0 && failureShare <= 1)) {
            throw new IllegalArgumentException("the failure share must be from 0 to 1, was " + failureShare);
        }
    }

    /** {@value #DEFAULT_PACE_SECONDS} seconds a step, no failures but those the state file lists. */
    public static Simulation defaults() {
        return new Simulation(Duration.ofSeconds(DEFAULT_PACE_SECONDS), 0, 0);
    }

    /** What the attempt does on a device the state file gives no outcome: a reproducible draw. */
    DeviceOutcome draw(String jobId, String deviceKey, int attempt) {
        if (failureShare == 0) {
            return DeviceOutcome.SUCCEED;
        }
        long hash = seed;
        hash = 31 * hash + jobId.hashCode();
        hash = 31 * hash + deviceKey.hashCode();
        hash = 31 * hash + attempt;
        double uniform = (new SplittableRandom(hash).nextDouble());
        return uniform < failureShare ? DeviceOutcome.FAIL : DeviceOutcome.SUCCEED;
    }
}
