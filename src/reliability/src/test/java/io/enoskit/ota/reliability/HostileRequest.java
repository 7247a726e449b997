package io.enoskit.ota.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One generated request and what the generator knows about it.
 *
 * @param family    which generator made it (the property's name and a sub-kind)
 * @param notes     what was done to a valid request, in words, for the report
 * @param route     what the request aims at (which invariants apply)
 * @param expect    {@link Expect#INVALID} when the generator knows the request is wrong, so a success answer is a
 *                  failure; {@link Expect#REFUSED} when HTTP itself says to refuse it, so any answer below 400 is
 *                  a failure; {@link Expect#ANY} when it makes no claim
 * @param method    the request line's method
 * @param target    the request line's target, as sent ({@code $PORT} is replaced by the port)
 * @param headers   extra header lines, as sent ({@code Name: value}); Host and Connection: close come first
 * @param body      the body, or null for none; Content-Length is added unless {@code raw} is set
 * @param raw       the whole request as bytes (broken framing), or null for the standard framing above
 * @param halfClose shut the client's sending side after the request
 */
record HostileRequest(String family, List<String> notes, Route route, Expect expect, String method, String target,
                      List<String> headers, byte[] body, byte[] raw, boolean halfClose) {

    /** What a request aims at. */
    enum Route {
        CREATE, GET, ACTION, TOKEN, ADMIN, OTHER;

        /** The EnOS API's paths: every answer there must be the JSON envelope. */
        boolean isApi() {
            return this == CREATE || this == GET || this == ACTION;
        }
    }

    /** What the generator knows, the strongest claim first. */
    enum Expect {
        /** HTTP says to refuse it (a method or version spelled in another case): a 4xx, or a close */
        REFUSED,
        /** the API says it is wrong: no success */
        INVALID,
        /** no claim */
        ANY;

        /** The stronger of the two claims. */
        Expect and(Expect other) {
            return values()[Math.min(ordinal(), other.ordinal())];
        }
    }

    static HostileRequest of(String family, Route route, Expect expect, String method, String target,
                             List<String> headers, byte[] body, List<String> notes) {
        return new HostileRequest(family, List.copyOf(notes), route, expect, method, target, List.copyOf(headers),
                body, null, false);
    }

    static HostileRequest raw(String family, Route route, Expect expect, String target, byte[] raw, boolean halfClose,
                              List<String> notes) {
        return new HostileRequest(family, List.copyOf(notes), route, expect, "", target, List.of(), null, raw,
                halfClose);
    }

    HostileRequest with(Expect more, String note) {
        List<String> n = new ArrayList<>(notes);
        n.add(note);
        return new HostileRequest(family, n, route, expect.and(more), method, target, headers, body, raw, halfClose);
    }

    /** The method is HEAD, exactly: the answer has no body (a {@code head} is no HEAD, and is refused). */
    boolean isHead() {
        return method.equals("HEAD");
    }

    /** The path part of the target (absolute form reduced to its path), for "is this an API path". */
    String path() {
        String t = target;
        if (t.startsWith("http://") || t.startsWith("https://")) {
            int slash = t.indexOf('/', t.indexOf("//") + 2);
            t = slash < 0 ? "/" : t.substring(slash);
        }
        int q = t.indexOf('?');
        return q < 0 ? t : t.substring(0, q);
    }

    /** The API path family (/connect-service/...), where every answer must be JSON. */
    boolean onApiPath() {
        return path().toLowerCase(Locale.ROOT).startsWith("/connect-service/");
    }

    /** A CORS preflight: WireMock's CORS support answers it with an empty body, as browsers expect. */
    boolean isCorsPreflight() {
        return method.equals("OPTIONS") && headers.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT)
                .startsWith("access-control-request-method:"));
    }

    byte[] bytes(int port) {
        if (raw != null) {
            return new String(raw, StandardCharsets.ISO_8859_1).replace("$PORT", String.valueOf(port))
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target.replace("$PORT", String.valueOf(port))).append(" HTTP/1.1\r\n");
        head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        head.append("Connection: close\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        return body == null ? start : Bytes.concat(start, body);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append('[').append(family).append("] expect ").append(expect);
        if (!notes.isEmpty()) {
            text.append(": ").append(String.join("; ", notes));
        }
        text.append("\n    bytes: '").append(Bytes.escape(bytes(0), 1500).replace("127.0.0.1:0", "127.0.0.1:PORT"))
                .append('\'');
        if (halfClose) {
            text.append(" then the client shuts its sending side");
        }
        text.append("\n    reproduce: printf '%b' '<bytes>' | ").append(halfClose ? "nc -N" : "nc -q 15")
                .append(" 127.0.0.1 PORT   (OpenBSD netcat)");
        return text.toString();
    }
}
