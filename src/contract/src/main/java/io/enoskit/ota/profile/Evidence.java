package io.enoskit.ota.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One thing an exchange showed about a setting.
 *
 * @param setting  the setting it is evidence for
 * @param fact     which part of the setting it shows: "" for the whole value; for a METHODS setting the method
 *                 ({@code POST}, value true when accepted, false when refused); for {@code create.checkOrder} the
 *                 pair of checks seen ({@code firmware<request}, value true when firmware was checked first)
 * @param value    what it showed, as a profile writes it (whole-value facts) or true/false (partial facts)
 * @param exchange the exchange that showed it, masked ({@link ObservedExchange#describe()})
 * @param time     when it was seen
 */
public record Evidence(Setting setting, String fact, JsonNode value, String exchange, Instant time) {
    /** The fact of evidence for a setting's whole value. */
    public static final String WHOLE = "";
    /** The fact of {@code create.checkOrder} the kit can see: whether firmware is checked before the request. */
    public static final String FIRMWARE_BEFORE_REQUEST = "firmware<request";

    /** What the evidence shows, in a few words: {@code 400}, {@code POST accepted}, {@code firmware before request}. */
    public String describe() {
        if (fact.equals(WHOLE)) {
            return value.isArray() || value.isObject() ? value.toString() : value.asText();
        }
        if (fact.equals(FIRMWARE_BEFORE_REQUEST)) {
            return value.asBoolean() ? "firmware checked before the request's shape"
                    : "the request's shape checked before firmware";
        }
        return fact + (value.asBoolean() ? " accepted" : " refused");
    }
}
