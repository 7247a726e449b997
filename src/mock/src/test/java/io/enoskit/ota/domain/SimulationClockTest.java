package io.enoskit.ota.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The simulation clock's reset goes back to the clock as it started, frozen or running. */
class SimulationClockTest {
    private static final Instant T0 = Instant.parse("2026-12-04T00:00:00Z");

    /** A base clock the test moves by hand, standing for real time. */
    private static final class HandClock extends Clock {
        private long millis = T0.toEpochMilli();

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void aClockStartedRunningRunsAgainAfterAResetThoughItWasFrozenSince() {
        HandClock real = new HandClock();
        SimulationClock clock = new SimulationClock(real);
        clock.startFrozen(false);
        clock.frozen(true);
        clock.advance(Duration.ofHours(1));

        clock.reset();
        real.millis += 5_000;

        assertThat(clock.frozen()).isFalse();
        assertThat(clock.advancedMillis()).isZero();
        assertThat(clock.millis()).isEqualTo(T0.toEpochMilli() + 5_000);
    }

    @Test
    void aClockStartedFrozenIsFrozenAgainAfterAReset() {
        HandClock real = new HandClock();
        SimulationClock clock = new SimulationClock(real);
        clock.startFrozen(true);
        clock.frozen(false);
        clock.advance(Duration.ofMinutes(2));

        clock.reset();
        long at = clock.millis();
        real.millis += 5_000;

        assertThat(clock.frozen()).isTrue();
        assertThat(clock.advancedMillis()).isZero();
        assertThat(clock.millis()).isEqualTo(at).isEqualTo(T0.toEpochMilli());
    }
}
