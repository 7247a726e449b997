package io.enoskit.ota.profile;

import java.time.Instant;

/**
 * Where a setting's value comes from: a vendor page ({@code documented}, with its section), our own reasoning
 * ({@code inferred}, with the reason), or a gateway ({@code observed}, with the target URL, the time and the
 * exchange that showed it, its credentials masked).
 *
 * @param kind     documented, inferred or observed
 * @param section  the vendor page and section (documented only)
 * @param reason   why the value was chosen (inferred only)
 * @param target   the base URL the value was seen on (observed only)
 * @param time     when it was seen (observed only)
 * @param exchange the request and answer that showed it, in one or a few lines (observed only)
 */
public record SettingSource(Kind kind, String section, String reason, String target, Instant time,
                            String exchange) {

    /** The three kinds of source, as a profile file writes them. */
    public enum Kind {
        DOCUMENTED("documented"),
        INFERRED("inferred"),
        OBSERVED("observed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A value a vendor page states, in {@code section}. */
    public static SettingSource documented(String section) {
        return new SettingSource(Kind.DOCUMENTED, section, null, null, null, null);
    }

    /** A value chosen where the pages are silent, for {@code reason}. */
    public static SettingSource inferred(String reason) {
        return new SettingSource(Kind.INFERRED, null, reason, null, null, null);
    }

    /** A value a gateway at {@code target} showed at {@code time} in {@code exchange}. */
    public static SettingSource observed(String target, Instant time, String exchange) {
        return new SettingSource(Kind.OBSERVED, null, null, target, time, exchange);
    }

    /** The source in a few words, for a person: {@code documented (overview §2.8)}. */
    public String describe() {
        return switch (kind) {
            case DOCUMENTED -> "documented (" + section + ")";
            case INFERRED -> "inferred (" + reason + ")";
            case OBSERVED -> "observed on " + target + " at " + time;
        };
    }
}
