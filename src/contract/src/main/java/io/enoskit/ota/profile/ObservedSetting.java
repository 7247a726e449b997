package io.enoskit.ota.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * What a run or a proxy session saw of one setting: the value a mock needs to behave as the target did, and the
 * exchanges that showed it.
 *
 * @param setting   the setting
 * @param value     its whole value, as a profile writes it (checked with {@link Setting#accepts}); where only part
 *                  was seen ({@code partial}) the rest is the default profile's
 * @param partial   whether only part of the value was seen (a METHODS setting with some methods untried, the one
 *                  pair of {@code create.checkOrder} the kit can see)
 * @param evidence  what was seen, one line each: what it showed and the exchange (masked)
 * @param conflicts evidence that disagrees with the value, one line each (empty when all agreed)
 * @param time      when the first evidence was seen
 */
public record ObservedSetting(Setting setting, JsonNode value, boolean partial, List<String> evidence,
                              List<String> conflicts, Instant time) {
    /** Characters of the first evidence a report line shows; the profile file keeps it whole. */
    private static final int SHOWN = 200;

    public ObservedSetting {
        evidence = List.copyOf(evidence);
        conflicts = List.copyOf(conflicts);
    }

    /** The value as a person reads it ({@link SettingValue#text()}). */
    public String text() {
        return new SettingValue(setting, value, null, null).text();
    }

    /**
     * The exchange text of the profile's {@code source: observed}: the evidence, what was not seen, and any
     * conflicting evidence, one line each.
     */
    public String exchange() {
        StringBuilder text = new StringBuilder(String.join("\n", evidence));
        if (partial) {
            text.append("\n(only this was seen; the rest of the value is the default profile's)");
        }
        conflicts.forEach(conflict -> text.append("\nconflicting: ").append(conflict));
        return text.toString();
    }

    /** One line for a report: {@code errors.httpStatus = 400  [GET ... -> HTTP 400 ...]}, the exchange shortened. */
    public String describe() {
        String first = evidence.get(0);
        return setting.key() + " = " + text() + (partial ? " (partly seen)" : "") + "  ["
                + (first.length() <= SHOWN ? first : first.substring(0, SHOWN) + "…")
                + (evidence.size() > 1 ? "; and " + (evidence.size() - 1) + " more" : "") + "]"
                + (conflicts.isEmpty() ? "" : "; CONFLICTING evidence: " + String.join("; ", conflicts));
    }
}
