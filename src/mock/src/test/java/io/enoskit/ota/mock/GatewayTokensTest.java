package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.enoskit.ota.domain.GatewayApp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Token lifetime and clock window of the mock's token service, on a clock the test moves. */
class GatewayTokensTest {
    private Instant now = Instant.parse("2026-11-30T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final GatewayTokens tokens = new GatewayTokens(List.of(new GatewayApp("key-1", "secret-1")), clock);

    @Test
    void aTokenLives7200SecondsAndIsReturnedAgainUntilThen() {
        GatewayTokens.Token token = tokens.issue("key-1", false);
        now = now.plus(Duration.ofSeconds(7199));

        assertThat(tokens.issue("key-1", false)).isEqualTo(token);
        assertThat(tokens.live(token.accessToken())).isPresent();
        assertThat(tokens.secondsLeft(token)).isEqualTo(1);

        now = now.plus(Duration.ofSeconds(1));
        assertThat(tokens.live(token.accessToken())).isEmpty();
        assertThat(tokens.issue("key-1", false)).isNotEqualTo(token);
    }

    @Test
    void aRefreshRetiresTheOldToken() {
        GatewayTokens.Token old = tokens.issue("key-1", false);

        GatewayTokens.Token renewed = tokens.issue("key-1", true);

        assertThat(renewed.accessToken()).isNotEqualTo(old.accessToken());
        assertThat(tokens.live(old.accessToken())).isEmpty();
    }

    @Test
    void timestampsMayBeFiveMinutesOffAndNoMore() {
        long millis = now.toEpochMilli();

        assertThat(tokens.fresh(millis - 300_000)).isTrue();
        assertThat(tokens.fresh(millis + 300_000)).isTrue();
        assertThat(tokens.fresh(millis - 300_001)).isFalse();
    }
}
