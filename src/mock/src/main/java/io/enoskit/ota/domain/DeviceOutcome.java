package io.enoskit.ota.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a simulated device does with one attempt at an upgrade task (the mock's simulation, not an EnOS concept).
 * The state file lists them per device and attempt ({@code "outcomes": ["fail", "succeed"]}: fails the first time,
 * succeeds when retried).
 */
public enum DeviceOutcome {
    /** Reports progress 25, 50, 75, 100 and succeeds. */
    SUCCEED,
    /** Reports progress 25, then 50, then fails (progress -1). */
    FAIL,
    /** Reports progress 25 and 50, then nothing: the job's {@code upgradeTimeout} fails it. */
    STALL;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static DeviceOutcome of(String value) {
        return Arrays.stream(values()).filter(outcome -> outcome.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a device outcome must be one of "
                        + Arrays.stream(values()).map(DeviceOutcome::value).toList() + ", was " + value));
    }
}
