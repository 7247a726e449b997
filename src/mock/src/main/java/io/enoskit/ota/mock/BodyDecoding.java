package io.enoskit.ota.mock;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Undoes the content codings a request declares, exactly those (RFC 9110 section 8.4): gzip and deflate; the
 * refusals name the header or the body and the limit's option.
 */
final class BodyDecoding {
    private BodyDecoding() {
    }

    /** The most bytes a body may have, and the mock option that sets it (named in the 413's message). */
    record BodyLimit(long bytes, String option) {
    }

    /** Why a body cannot go on: the HTTP status (200 for a 99400 in the envelope) and the rule it breaks. */
    record Refusal(int status, String message) {
    }

    /** A body decoded, or why it cannot be: exactly one of the two is non-null. */
    record Decoded(byte[] body, Refusal refusal) {
        static Decoded refused(int status, String message) {
            return new Decoded(null, new Refusal(status, message));
        }
    }

    /**
     * The content codings declared, in the order they were applied, lower case, {@code x-gzip} read as {@code gzip};
     * without {@code identity}, so a body sent as is has none. Every Content-Encoding header counts, each a list.
     */
    static List<String> codings(HttpServletRequest request) {
        List<String> codings = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("Content-Encoding"))) {
            for (String coding : header.split(",")) {
                String name = coding.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !name.equals("identity")) {
                    codings.add(name.equals("x-gzip") ? "gzip" : name);
                }
            }
        }
        return codings;
    }

    /** The first coding the mock cannot undo (anything but gzip and deflate), or null. */
    static String unsupported(List<String> codings) {
        return codings.stream().filter(coding -> !coding.equals("gzip") && !coding.equals("deflate"))
                .findFirst().orElse(null);
    }

    /**
     * The body with each declared coding undone, the last applied first. Exactly the codings declared are undone: a
     * body that is gzip data after that is refused, since WireMock would inflate it once more on seeing the magic
     * bytes.
     *
     * @param raw     the body as received
     * @param codings the codings declared ({@link #codings})
     * @param limit   the most bytes the body may inflate to (413 past it)
     */
    static Decoded decode(byte[] raw, List<String> codings, BodyLimit limit) {
        byte[] body = raw;
        for (int i = codings.size() - 1; i >= 0; i--) {
            Decoded undone = undo(codings.get(i), body, limit);
            if (undone.refusal() != null) {
                return undone;
            }
            body = undone.body();
        }
        if (body.length >= 2 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b) {
            return Decoded.refused(200, codings.isEmpty()
                    ? "body: starts with the gzip magic bytes but Content-Encoding does not say gzip; send"
                    + " Content-Encoding: gzip, or the plain body"
                    : "body: is still gzip data once decoded as its Content-Encoding '"
                    + String.join(", ", codings) + "' says; the mock undoes exactly the codings declared, so"
                    + " name every layer (Content-Encoding: gzip, gzip) or send JSON inside");
        }
        return new Decoded(body, null);
    }

    private static Decoded undo(String coding, byte[] encoded, BodyLimit limit) {
        try (InputStream inflating = coding.equals("gzip")
                ? new GZIPInputStream(new ByteArrayInputStream(encoded))
                : new InflaterInputStream(new ByteArrayInputStream(encoded))) {
            byte[] inflated = inflating.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit.bytes() + 1));
            if (inflated.length > limit.bytes()) {
                return Decoded.refused(413, "body: inflates to more than the " + limit.bytes()
                        + " bytes the mock accepts (" + limit.option() + ")");
            }
            return new Decoded(inflated, null);
        } catch (ZipException | EOFException notEncoded) {
            return Decoded.refused(200, "body: is not valid " + coding + " data, as its Content-Encoding says ("
                    + notEncoded.getMessage() + ")");
        } catch (IOException unreadable) {
            return Decoded.refused(200, "body: cannot be decoded as " + coding + " (" + unreadable.getMessage()
                    + ")");
        }
    }
}
