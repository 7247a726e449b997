package io.enoskit.ota.conformance;

import io.cucumber.java.ParameterType;
import java.util.List;
import java.util.Locale;

/**
 * Cucumber parameter types of the features: {@code {firmware}}, {@code {jobType}}, {@code {action}},
 * {@code {taskAction}}, {@code {devices}}, {@code {statuses}}, {@code {unreadableBody}}.
 */
public final class ParameterTypes {
    /** A firmware by the role it plays; the target's fixtures say which firmware id plays it. */
    public enum FirmwareRole { READY, UNVERIFIED, MISSING }

    /** The two shapes of the create body. */
    public enum JobType { UPGRADE, VERIFICATION }

    /** Bodies that are not a JSON object. */
    public enum UnreadableBody {
        MALFORMED_JSON("malformed JSON", "{\"type\":\"upgrade\",\"upgradeScope\":"),
        JSON_ARRAY("a JSON array", "[{\"type\":\"upgrade\"}]"),
        JSON_STRING("a JSON string", "\"upgrade\"");

        private final String words;
        private final String text;

        UnreadableBody(String words, String text) {
            this.words = words;
            this.text = text;
        }

        /** The body sent. */
        public String text() {
            return text;
        }
    }

    @ParameterType("ready|unverified|missing")
    public FirmwareRole firmware(String role) {
        return FirmwareRole.valueOf(role.toUpperCase(Locale.ROOT));
    }

    @ParameterType("upgrade|verification")
    public JobType jobType(String type) {
        return JobType.valueOf(type.toUpperCase(Locale.ROOT));
    }

    @ParameterType("start|stop|delete")
    public String action(String action) {
        return action;
    }

    /** Cancel OTA Task or Retry OTA Task, by the action that picks it ({@code cancelTask}, {@code retryTask}). */
    public enum TaskAction {
        CANCEL("cancelTask"), RETRY("retryTask");

        private final String action;

        TaskAction(String action) {
            this.action = action;
        }

        /** The value of the {@code action} query parameter. */
        public String action() {
            return action;
        }
    }

    @ParameterType("cancel|retry")
    public TaskAction taskAction(String action) {
        return TaskAction.valueOf(action.toUpperCase(Locale.ROOT));
    }

    /** Device keys named in a step: {@code deviceKey1}, {@code deviceKey1 and deviceKey2}, {@code a, b and c}. */
    @ParameterType("[\\w.:-]+(?:(?:, | and )[\\w.:-]+)*")
    public List<String> devices(String keys) {
        return List.of(keys.split(", | and "));
    }

    private static final String STATUS = "(?:init|published|upgrading|succeeded|failed)";

    /** Task statuses named in a step: {@code init, published and upgrading}. */
    @ParameterType(STATUS + "(?:(?:, | and )" + STATUS + ")*")
    public List<String> statuses(String names) {
        return List.of(names.split(", | and "));
    }

    @ParameterType("malformed JSON|a JSON array|a JSON string")
    public UnreadableBody unreadableBody(String words) {
        for (UnreadableBody body : UnreadableBody.values()) {
            if (body.words.equals(words)) {
                return body;
            }
        }
        throw new IllegalArgumentException(words);
    }
}
