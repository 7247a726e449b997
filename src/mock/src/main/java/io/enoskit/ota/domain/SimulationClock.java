package io.enoskit.ota.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mock's clock: real time plus however far tests have moved it on ({@link #advance(Duration)}), so that device
 * tasks progress, schedules open and timeouts fire without anyone sleeping. {@code createTime} and
 * {@code updateTime} are read from it too. Thread-safe.
 */
public final class SimulationClock extends Clock {
    private final Clock base;
    private final AtomicLong offsetMillis = new AtomicLong();
    /** What {@link #advance} added since the last {@link #offsetMillis(long)}. */
    private final AtomicLong advancedMillis = new AtomicLong();
    /** The base clock's time when frozen, or {@link Long#MIN_VALUE} while it runs. */
    private final AtomicLong frozenAt = new AtomicLong(Long.MIN_VALUE);
    /** Whether the clock started frozen: what {@link #reset()} goes back to. */
    private volatile boolean frozenAtStart;

    /** @param base the clock it runs with, the system clock in the mock and a fixed clock in tests */
    public SimulationClock(Clock base) {
        this.base = base;
    }

    /** Real time. */
    public static SimulationClock system() {
        return new SimulationClock(Clock.systemUTC());
    }

    /**
     * Moves the clock on.
     *
     * @param by how far; not negative (the simulation never goes back)
     * @return the time now, milliseconds since the epoch
     */
    public long advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward; asked to move by " + by);
        }
        offsetMillis.addAndGet(by.toMillis());
        advancedMillis.addAndGet(by.toMillis());
        return millis();
    }

    /** How far the clock has been moved on in total, in milliseconds. */
    public long offsetMillis() {
        return offsetMillis.get();
    }

    /** Sets the total offset (a saved state coming back). */
    public void offsetMillis(long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("the clock offset cannot be negative, was " + offset);
        }
        offsetMillis.set(offset);
        advancedMillis.set(offset);
    }

    /** How far {@link #advance} has moved the clock on, in milliseconds (since the start or the last reset). */
    public long advancedMillis() {
        return advancedMillis.get();
    }

    /**
     * Stops real time from counting: from now on only {@link #advance} moves the clock, so a test sees exactly the
     * steps it asks for, however slow the machine. {@code false} lets real time count again from where it stands.
     */
    public void frozen(boolean frozen) {
        if (frozen) {
            frozenAt.compareAndSet(Long.MIN_VALUE, base.millis());
        } else {
            long at = frozenAt.getAndSet(Long.MIN_VALUE);
            if (at != Long.MIN_VALUE) {
                offsetMillis.addAndGet(at - base.millis());
            }
        }
    }

    /** Freezes the clock or lets it run, as it starts and as {@link #reset()} brings it back. */
    public void startFrozen(boolean frozen) {
        frozenAtStart = frozen;
        frozen(frozen);
    }

    /**
     * Back to the start: real time with nothing added, frozen only if it started frozen ({@link #startFrozen}), so a
     * clock frozen through the admin route runs again after a reset.
     */
    public void reset() {
        frozenAt.set(frozenAtStart ? base.millis() : Long.MIN_VALUE);
        offsetMillis.set(0);
        advancedMillis.set(0);
    }

    /** True while real time does not count. */
    public boolean frozen() {
        return frozenAt.get() != Long.MIN_VALUE;
    }

    @Override
    public long millis() {
        long at = frozenAt.get();
        return (at == Long.MIN_VALUE ? base.millis() : at) + offsetMillis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the simulation clock is UTC");
    }
}
