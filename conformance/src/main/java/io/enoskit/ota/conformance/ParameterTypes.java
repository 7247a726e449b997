package io.enoskit.ota.conformance;

import io.cucumber.java.ParameterType;
import java.util.Locale;

/** Cucumber parameter types of the features: {@code {firmware}}, {@code {jobType}}, {@code {unreadableBody}}. */
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
