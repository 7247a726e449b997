package io.enoskit.ota.proxy;

import java.util.Locale;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * One call the proxy forwarded and the target's answer, as they went over the wire: what {@link ExchangeListener}s
 * receive, with credentials masked ({@link Credentials}).
 *
 * @param time            when the answer was complete
 * @param method          the request's method, as sent ({@code POST})
 * @param path            the request's path, raw (percent-encoding kept)
 * @param rawQuery        the query string, raw, without {@code ?}; null when there is none
 * @param requestHeaders  the client's headers in the order sent, names as sent; values masked where they carry
 *                        credentials
 * @param requestBody     the body's bytes as sent (still gzip-encoded when {@code Content-Encoding} says so), at
 *                        most the capture limit; text bodies have credential values masked
 * @param status          the target's HTTP status
 * @param responseHeaders the target's headers as received
 * @param responseBody    the target's body bytes as received, at most the capture limit, masked like the request's
 * @param complete        false when a body was longer than the capture limit (it was forwarded whole; only its
 *                        start was kept, so the exchange was not checked against the spec)
 */
public record Exchange(Instant time, String method, String path, String rawQuery,
                       Map<String, List<String>> requestHeaders, byte[] requestBody, int status,
                       Map<String, List<String>> responseHeaders, byte[] responseBody, boolean complete) {

    /** The request body as text (gzip decoded), or null when it is not UTF-8 text. */
    public String requestText() {
        return text(requestBody, requestHeaders);
    }

    /** The answer's body as text (gzip decoded), or null when it is not UTF-8 text. */
    public String responseText() {
        return text(responseBody, responseHeaders);
    }

    /** The first value of a header, by name in any case, or null. */
    static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream()).findFirst().orElse(null);
    }

    /** The query parameter's first value, percent-decoded, or null. */
    String queryParameter(String name) {
        return Queries.parse(rawQuery).getOrDefault(name, List.of()).stream().findFirst().orElse(null);
    }

    private static String text(byte[] body, Map<String, List<String>> headers) {
        if (body == null || body.length == 0) {
            return body == null ? null : "";
        }
        byte[] bytes = body;
        String encoding = header(headers, "Content-Encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip")) {
            bytes = gunzip(body);
            if (bytes == null) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
    }

    /** The bytes a gzip body stands for, at most 16 times its size (a bomb stops there), or null when it is not gzip. */
    private static byte[] gunzip(byte[] body) {
        long limit = 16L * body.length + 1024;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                if (out.size() > limit) {
                    return null;
                }
            }
            return out.toByteArray();
        } catch (IOException notGzip) {
            return null;
        }
    }
}
