package io.enoskit.ota.profile;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A setting's value in a profile, with its source.
 *
 * @param setting the setting
 * @param value   its value, as JSON (text, number or list), already checked against {@link Setting#accepts}
 * @param source  where the value comes from
 * @param origin  the profile (file or built-in name) that set it, for {@code /__admin/ota/profile} and errors
 */
public record SettingValue(Setting setting, JsonNode value, SettingSource source, String origin) {

    /** The value as a person reads it: {@code 400}, {@code started}, {@code [GET, POST]}. */
    public String text() {
        if (value.isArray()) {
            StringBuilder list = new StringBuilder("[");
            value.forEach(item -> list.append(list.length() > 1 ? ", " : "").append(item.asText()));
            return list.append(']').toString();
        }
        return value.asText();
    }
}
