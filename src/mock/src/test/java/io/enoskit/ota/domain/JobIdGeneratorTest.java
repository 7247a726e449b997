package io.enoskit.ota.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JobIdGeneratorTest {
    private final JobIdGenerator ids = new JobIdGenerator();

    @Test
    void idsAre24LowercaseHexCharactersLedByTheEpochSeconds() {
        long millis = 1_591_716_112_000L;

        String id = ids.next(millis);

        assertThat(id).matches("[0-9a-f]{24}");
        assertThat(Long.parseLong(id.substring(0, 8), 16)).isEqualTo(millis / 1000);
    }

    @Test
    void idsWithinOneSecondDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            seen.add(ids.next(1_000L));
        }
        assertThat(seen).hasSize(200_000);
    }

    @Test
    void twoGeneratorsDiffer() {
        assertThat(new JobIdGenerator().next(1_000L)).isNotEqualTo(new JobIdGenerator().next(1_000L));
    }
}
