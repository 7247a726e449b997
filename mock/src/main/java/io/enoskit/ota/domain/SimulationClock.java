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
    }

    @Override
    public long millis() {
        return base.millis() + offsetMillis.get();
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
