package io.enoskit.ota.mock;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.function.BiFunction;
import org.apache.commons.codec.DecoderException;
import org.apache.commons.codec.net.URLCodec;

/** Whether a request's query can be read as the UTF-8 text WireMock's decoder makes of it. */
final class QueryEncoding {
    /** How a broken escape is mended, after the rule it breaks. */
    private static final String HOW_TO_ESCAPE = "; a '%' takes two hex digits (send %25 for a '%' itself)";

    private QueryEncoding() {
    }

    /**
     * Why the query cannot be read as UTF-8 text, or null when it can: a parameter whose percent-escapes decode to
     * bytes that are no UTF-8 ({@code orgId=yourOrgId%c3%28}). WireMock's decoder would put U+FFFD in their place,
     * so the request would go on with a value the client never sent (an org no one has, searched as empty); it
     * cannot be read, like a body that is not UTF-8. Broken escapes ({@code %zz}) are {@link #brokenEscape}'s.
     *
     * @param query the raw query, without {@code ?}; null when the URL has none
     * @return the rule broken, naming the parameter ({@code query: the parameter 'orgId…' is not valid UTF-8 …})
     */
    static String notUtf8(String query) {
        return firstInParameters(query, (name, value) -> decodesToUtf8(name)
                && (value == null || decodesToUtf8(value)) ? null : "query: the parameter '"
                + shorten(new String(percentDecoded(name), StandardCharsets.UTF_8))
                + "' is not valid UTF-8 once percent-decoded");
    }

    /**
     * The first broken percent-escape of the query, as a rule naming its parameter, or null when there is none: a
     * {@code %} not followed by two hex digits ({@code orgId=%zz}, {@code orgId=a%2}). WireMock's decoder would refuse
     * the whole query with Java's words and no parameter named.
     *
     * @param query the raw query, without {@code ?}; null when the URL has none
     * @return {@code orgId: '%zz' is not a percent-escape; ...}, or {@code query: the parameter name '...' ...} when
     *         the escape is in a name
     */
    static String brokenEscape(String query) {
        return firstInParameters(query, (name, value) -> {
            String broken = firstBrokenEscape(name);
            if (broken != null) {
                return "query: the parameter name '" + shorten(name) + "' has '" + broken + "', which is not a"
                        + " percent-escape" + HOW_TO_ESCAPE;
            }
            broken = value == null ? null : firstBrokenEscape(value);
            return broken == null ? null : shorten(new String(percentDecoded(name), StandardCharsets.UTF_8)) + ": '"
                    + broken + "' is not a percent-escape" + HOW_TO_ESCAPE;
        });
    }

    /**
     * The first rule {@code check} finds broken by a parameter of the query, given its raw name and raw value (null
     * without {@code =}); null when none, or when the query has no {@code %} (nothing to decode).
     */
    private static String firstInParameters(String query, BiFunction<String, String, String> check) {
        if (query == null || query.indexOf('%') < 0) {
            return null;
        }
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String broken = check.apply(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? null : pair.substring(eq + 1));
            if (broken != null) {
                return broken;
            }
        }
        return null;
    }

    /** The first {@code %} with what follows it (at most two characters) when they are not two hex digits. */
    private static String firstBrokenEscape(String part) {
        for (int at = part.indexOf('%'); at >= 0; at = part.indexOf('%', at + 1)) {
            if (at + 2 >= part.length() || !HexFormat.isHexDigit(part.charAt(at + 1))
                    || !HexFormat.isHexDigit(part.charAt(at + 2))) {
                return part.substring(at, Math.min(part.length(), at + 3));
            }
            at += 2;
        }
        return null;
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static boolean decodesToUtf8(String part) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(percentDecoded(part)));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    /** The bytes a query part stands for (commons-codec's URL decoding); a broken escape leaves it as sent. */
    private static byte[] percentDecoded(String part) {
        byte[] sent = part.getBytes(StandardCharsets.UTF_8);
        try {
            return URLCodec.decodeUrl(sent);
        } catch (DecoderException brokenEscape) {
            return sent;
        }
    }
}
