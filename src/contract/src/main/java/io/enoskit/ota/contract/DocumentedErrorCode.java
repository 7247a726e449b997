package io.enoskit.ota.contract;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One error code an operation answers with, as its spec lists it under {@code x-enos-error-codes}.
 *
 * @param code    the envelope's {@code code}, e.g. 24404
 * @param msg     the message template: {@code %d} and {@code %s} stand for values ({@code max[%d]}); 99400's is
 *                {@code Invalid Argument <field>: <rule>}, a format only
 * @param rule    the id of the {@code x-enos-rules} entry whose scenario asserts this message, or null when no
 *                documented rule does (the message is then not the vendor's word)
 * @param actions the actions of the operation the code belongs to; empty for all of them
 */
public record DocumentedErrorCode(int code, String msg, String rule, List<String> actions) {
    /** Where a template puts a value: {@code %d}, {@code %s}, or a placeholder such as {@code <field>}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("%[ds]|<[a-z]+>");

    /** True when the code is listed for this action ({@link Operation#action()}). */
    public boolean appliesTo(String action) {
        return actions.isEmpty() || actions.contains(action);
    }

    /** True when a message is what the template says, values filled in: {@code max[3]} for {@code max[%d]}. */
    public boolean matches(String message) {
        if (message == null) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        int from = 0;
        var placeholder = PLACEHOLDER.matcher(msg);
        while (placeholder.find()) {
            regex.append(Pattern.quote(msg.substring(from, placeholder.start())))
                    .append(placeholder.group().equals("%d") ? "-?[0-9]+" : ".+");
            from = placeholder.end();
        }
        regex.append(Pattern.quote(msg.substring(from)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(message).matches();
    }
}
