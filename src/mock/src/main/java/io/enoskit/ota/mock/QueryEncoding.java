package io.enoskit.ota.mock;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.DecoderException;
import org.apache.commons.codec.net.URLCodec;

/** Whether a request's query can be read as the UTF-8 text WireMock's decoder makes of it. */
final class QueryEncoding {
    private QueryEncoding() {
    }

    /**
     * Why the query cannot be read as UTF-8 text, or null when it can: a parameter whose percent-escapes decode to
     * bytes that are no UTF-8 ({@code orgId=yourOrgId%c3%28}). WireMock's decoder would put U+FFFD in their place,
     * so the request would go on with a value the client never sent (an org no one has, searched as empty); it
     * cannot be read, like a body that is not UTF-8. Broken escapes ({@code %zz}) are left to the decoder, which
     * rejects them.
     *
     * @param query the raw query, without {@code ?}; null when the URL has none
     * @return the rule broken, naming the parameter ({@code query: the parameter 'orgId…' is not valid UTF-8 …})
     */
    static String notUtf8(String query) {
        if (query == null || query.indexOf('%') < 0) {
            return null;
        }
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!decodesToUtf8(name) || (eq >= 0 && !decodesToUtf8(pair.substring(eq + 1)))) {
                String shown = new String(percentDecoded(name), StandardCharsets.UTF_8);
                return "query: the parameter '" + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown)
                        + "' is not valid UTF-8 once percent-decoded";
            }
        }
        return null;
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
