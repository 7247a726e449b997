package io.enoskit.ota.mock;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Why a JSON file of the mock (the root dir's state, a stub mapping, the state file) cannot be read, in one line for
 * a start-up message: Jackson's words with each place as {@code line L, column C}, without its
 * {@code at [Source: ...]} parts (which repeat the file's text, or say it was left out) and without the Java types
 * of its reference chain.
 */
final class JsonProblems {
    /** A location as Jackson writes it into its messages; the source part may hold any text of the file. */
    private static final Pattern LOCATION = Pattern.compile("\\[Source: .*?; line: (\\d+), column: (\\d+)]",
            Pattern.DOTALL);
    /** The location Jackson ends a message with (after a line break), once reworded. */
    private static final Pattern TRAILING = Pattern.compile("\\s+at (line \\d+, column \\d+)\\s*$");

    private JsonProblems() {
    }

    /**
     * @param unreadable what Jackson threw reading the file
     * @return the rule a value broke (the kit's {@link IllegalArgumentException} thrown while building the state),
     *         else Jackson's words with the place it stopped
     */
    static String describe(IOException unreadable) {
        Throwable cause = unreadable;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof IllegalArgumentException rule) {
            return rule.getMessage();
        }
        if (unreadable instanceof JsonProcessingException json) {
            JsonLocation at = json.getLocation();
            return clean(json.getOriginalMessage()) + (at == null || at.getLineNr() < 1 ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")");
        }
        return unreadable.getMessage();
    }

    /**
     * Jackson's text with each {@code at [Source: ...; line: L, column: C]} written as {@code line L, column C} (and a
     * trailing one as {@code (line L, column C)}), for messages that reach the kit as text only (WireMock's).
     */
    static String clean(String jacksonText) {
        String text = LOCATION.matcher(jacksonText).replaceAll("line $1, column $2");
        return TRAILING.matcher(text).replaceFirst(" ($1)").strip();
    }
}
