package io.enoskit.ota.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * The status of a device task (Search OTA Task, TaskInfo {@code status}; documented values). The order
 * {@code init → published → upgrading → succeeded | failed} is inferred from their definitions.
 */
public enum TaskStatus {
    /** Created, not pushed to the device yet (console: "To be Pushed"). */
    INIT,
    /** Pushed to the device, no progress reported yet (console: "Pushed"). */
    PUBLISHED,
    /** The device reports progress (console: "In Progress"). */
    UPGRADING,
    /** Done (console: "Upgrade Successful"). */
    SUCCEEDED,
    /** Failed: the device reported a failure, the task timed out, or it was cancelled (console: "Upgrade Failed"). */
    FAILED;

    /** As written in JSON and expressions: {@code init}, {@code published}, ... */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static TaskStatus of(String value) {
        return Arrays.stream(values()).filter(status -> status.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("task status must be one of "
                        + Arrays.stream(values()).map(TaskStatus::value).toList() + ", was " + value));
    }

    /** True for {@code succeeded} and {@code failed}: nothing happens to the task unless it is retried. */
    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }

    /** True while the task takes one of the job's {@code maximumConcurrency} slots. */
    boolean active() {
        return this == PUBLISHED || this == UPGRADING;
    }
}
