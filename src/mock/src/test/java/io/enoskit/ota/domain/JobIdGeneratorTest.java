package io.enoskit.ota.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.enoskit.ota.profile.IdFormat;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

    /** Each form of ids.jobId: ids of that form, unique within one millisecond (100,000 of them). */
    @ParameterizedTest
    @EnumSource(IdFormat.class)
    void idsOfEveryFormHaveItAndDoNotRepeat(IdFormat format) {
        JobIdGenerator generator = new JobIdGenerator(format);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String id = generator.next(1_764_921_600_123L);
            assertThat(format.matches(id)).as(id).isTrue();
            seen.add(id);
        }
        assertThat(seen).hasSize(100_000);
    }
}
