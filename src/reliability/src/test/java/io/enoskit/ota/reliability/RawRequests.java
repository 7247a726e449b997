package io.enoskit.ota.reliability;

import io.enoskit.ota.reliability.HostileRequest.Expect;
import io.enoskit.ota.reliability.HostileRequest.Route;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Requests whose HTTP framing is broken, written byte for byte: what no client library sends, and what a hostile
 * or broken client does. Each is invalid; the server must answer (below 500) or close the connection, in time.
 */
final class RawRequests {
    static final String CREATE = Api.create(Api.ORG, Api.FIRMWARE);
    static final String BODY = Api.VERIFY_BODY;
    private static final String HEAD = "POST " + CREATE + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\n";

    private RawRequests() {
    }

    /** A raw request as text (ISO-8859-1 bytes). */
    record Raw(String note, String text, boolean halfClose, Expect expect) {
        HostileRequest request(String family) {
            return HostileRequest.raw(family, Route.CREATE, expect, CREATE, text.getBytes(StandardCharsets.ISO_8859_1),
                    halfClose, List.of(note));
        }

        @Override
        public String toString() {
            return note;
        }
    }

    private static Raw raw(String note, String text, boolean halfClose) {
        return new Raw(note, text, halfClose, Expect.INVALID);
    }

    /** A request HTTP says to refuse: an answer below 400 fails, whatever the route would have said. */
    private static Raw refused(String note, String text, boolean halfClose) {
        return new Raw(note, text, halfClose, Expect.REFUSED);
    }

    /** Framing HTTP/1.1 lets a server accept (RFC 9112: bare LF, obsolete line folding, NUL replaced by SP). */
    private static Raw tolerable(String note, String text) {
        return new Raw(note, text, true, Expect.ANY);
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
    }

    /** Framing that Jetty's parser must reject cleanly (no chunk-size or early-end cases: see below). */
    static Arbitrary<HostileRequest> framing() {
        int n = BODY.length();
        return Arbitraries.of(
                raw("Content-Length smaller than the body", HEAD + "Content-Length: 10\r\n\r\n" + BODY, true),
                raw("a negative Content-Length", HEAD + "Content-Length: -5\r\n\r\n" + BODY, true),
                raw("a non-numeric Content-Length", HEAD + "Content-Length: abc\r\n\r\n" + BODY, true),
                raw("a Content-Length beyond 2^63", HEAD + "Content-Length: 99999999999999999999999\r\n\r\n" + BODY,
                        true),
                raw("two different Content-Lengths", HEAD + "Content-Length: " + n + "\r\nContent-Length: " + (n + 1)
                        + "\r\n\r\n" + BODY, true),
                raw("Content-Length and chunked together", HEAD + "Content-Length: " + n
                        + "\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk(BODY) + "0\r\n\r\n", true),
                raw("Transfer-Encoding gzip only", HEAD + "Transfer-Encoding: gzip\r\n\r\n" + BODY, true),
                raw("Transfer-Encoding chunked twice", HEAD + "Transfer-Encoding: chunked, chunked\r\n\r\n"
                        + chunk(BODY) + "0\r\n\r\n", true),
                raw("Transfer-Encoding x-unknown", HEAD + "Transfer-Encoding: x-unknown\r\n\r\n" + BODY, true),
                raw("a header line without a colon", HEAD + "NoColonHere\r\nContent-Length: " + n + "\r\n\r\n" + BODY,
                        true),
                raw("white space before a header's colon", "POST " + CREATE + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type : application/json\r\nContent-Length: " + n + "\r\n\r\n" + BODY, true),
                tolerable("an obsolete folded header line", HEAD + "X-Folded: a\r\n  b\r\nContent-Length: " + n + "\r\n\r\n"
                        + BODY),
                tolerable("a NUL in a header value", HEAD + "X-Nul: a\u0000b\r\nContent-Length: " + n + "\r\n\r\n"
                        + BODY),
                raw("a header name with a space", HEAD + "X Bad: 1\r\nContent-Length: " + n + "\r\n\r\n" + BODY, true),
                tolerable("a 20000-byte header", HEAD + "X-Big: " + "b".repeat(20_000) + "\r\nContent-Length: " + n
                        + "\r\n\r\n" + BODY),
                raw("a 2000000-byte header", HEAD + "X-Big: " + "b".repeat(2_000_000) + "\r\nContent-Length: " + n
                        + "\r\n\r\n" + BODY, true),
                raw("a 70000-byte request line", "GET /" + "a".repeat(70_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", true),
                tolerable("2000 headers", HEAD + "X-Many: 1\r\n".repeat(2000) + "Content-Length: " + n + "\r\n\r\n"
                        + BODY),
                tolerable("bare LF line ends", HEAD.replace("\r\n", "\n") + "Content-Length: " + n + "\n\n" + BODY),
                raw("a request line with tabs", "POST\t" + CREATE + "\tHTTP/1.1\r\nHost: x\r\n\r\n", true),
                raw("a request line with two spaces", "POST  " + CREATE + "  HTTP/1.1\r\nHost: x\r\n\r\n", true),
                raw("HTTP/0.9 style request", "GET " + CREATE + "\r\n\r\n", true),
                raw("HTTP/1.2", "GET " + CREATE + " HTTP/1.2\r\nHost: x\r\n\r\n", true),
                raw("HTTP/2.0 in a request line", "GET " + CREATE + " HTTP/2.0\r\nHost: x\r\n\r\n", true),
                raw("HTTP/1.1 without Host", "POST " + CREATE + " HTTP/1.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + n + "\r\n\r\n" + BODY, true),
                raw("two Host headers", HEAD + "Host: other\r\nContent-Length: " + n + "\r\n\r\n" + BODY, true),
                raw("an empty request line", "\r\n\r\n", true),
                raw("only CRLFs then close", "\r\n\r\n\r\n\r\n", true),
                raw("nothing, then close", "", true),
                raw("a request line only, then close", "POST " + CREATE + " HTTP/1.1\r\n", true),
                raw("headers without the blank line, then close", HEAD + "Content-Length: " + n + "\r\n", true),
                raw("a TLS ClientHello", "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003"
                        + "abcdefghijklmnopqrstuvwxyz012345", true),
                raw("an SSH banner", "SSH-2.0-OpenSSH_9.0\r\n", true),
                raw("a request target of *", "GET * HTTP/1.1\r\nHost: x\r\n\r\n", true),
                refused("a lower-case method", "post " + CREATE + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json"
                        + "\r\nContent-Length: " + n + "\r\n\r\n" + BODY, true),
                raw("an HTTP/1.0 request with keep-alive", "POST " + CREATE + " HTTP/1.0\r\nConnection: keep-alive\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}", true),
                raw("Upgrade: websocket", "GET " + CREATE + " HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\n"
                        + "Upgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\n\r\n", true),
                raw("a pipelined second request that is garbage", HEAD + "Content-Length: 2\r\n\r\n{}GARBAGE\r\n\r\n",
                        true))
                .map(r -> r.request("raw-framing"));
    }

    /** Random bytes, and random bytes after a valid request head. */
    static Arbitrary<HostileRequest> randomBytes() {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300);
        return Combinators.combine(noise, Arbitraries.of(true, false)).as((bytes, afterHead) -> {
            byte[] all = afterHead ? Bytes.concat(HEAD.getBytes(StandardCharsets.ISO_8859_1), bytes) : bytes;
            return HostileRequest.raw("raw-random", Route.CREATE, Expect.INVALID, CREATE, all, true,
                    List.of((afterHead ? "random bytes after a request head" : "random bytes") + ", then close"));
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // known failures of the current mock, each its own property

    /** Chunked bodies with a chunk size that is not a hex number, or too large, or missing. */
    static Arbitrary<HostileRequest> badChunks() {
        String te = HEAD + "Transfer-Encoding: chunked\r\n\r\n";
        return Arbitraries.of(
                raw("chunk size z", te + "z\r\n" + BODY + "\r\n0\r\n\r\n", false),
                raw("chunk size -1", te + "-1\r\n" + BODY + "\r\n0\r\n\r\n", false),
                raw("chunk size 0x10", te + "0x10\r\n" + BODY + "\r\n0\r\n\r\n", false),
                raw("chunk size of 20 hex digits", te + "ffffffffffffffffffff\r\n" + BODY + "\r\n0\r\n\r\n", false),
                raw("chunk size empty", te + "\r\n" + BODY + "\r\n0\r\n\r\n", false),
                raw("chunk data longer than its size", te + "2\r\n" + BODY + "\r\n0\r\n\r\n", false),
                raw("chunk size larger than the data, then close", te + "fff\r\n" + BODY, true),
                raw("no last chunk, then close", te + chunk(BODY), true))
                .map(r -> r.request("raw-bad-chunks"));
    }

    /** A Content-Length larger than the body sent, then the client says it is done. */
    static Arbitrary<HostileRequest> shortBodies() {
        return Combinators.combine(Arbitraries.integers().between(0, BODY.length()),
                        Arbitraries.integers().between(1, 100_000), Arbitraries.of(false, true))
                .as((sent, missing, expect) -> raw("Content-Length " + (sent + missing) + " but " + sent
                        + " bytes sent" + (expect ? " after Expect: 100-continue" : "") + ", then close", HEAD
                        + (expect ? "Expect: 100-continue\r\n" : "") + "Content-Length: " + (sent + missing)
                        + "\r\n\r\n" + BODY.substring(0, sent), true).request("raw-short-body"));
    }

    /**
     * HTTP/2 with prior knowledge: the connection preface, alone or with a little more, the client's side left open.
     * The mock speaks HTTP/1.1 only: it must refuse at once, never leave the client waiting on a silent connection.
     */
    static Arbitrary<HostileRequest> http2Preface() {
        String preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
        return Arbitraries.of(
                refused("the HTTP/2 connection preface alone", preface, false),
                refused("the preface and an empty SETTINGS frame", preface + "\u0000\u0000\u0000\u0004\u0000\u0000"
                        + "\u0000\u0000\u0000", false),
                refused("the preface and garbage", preface + "GARBAGE", false))
                .map(r -> r.request("raw-http2-preface"));
    }

    /** A route of each kind, as a request line and what follows it. */
    private record LineRoute(String name, Route route, String method, String target, String body) {
    }

    private static final List<LineRoute> LINE_ROUTES = List.of(
            new LineRoute("create", Route.CREATE, "POST", CREATE, BODY),
            new LineRoute("get", Route.GET, "GET", Api.JOBS + "?action=get&orgId=" + Api.ORG
                    + "&jobId=feedface0000000000000000", null),
            new LineRoute("start", Route.ACTION, "POST", Api.JOBS + "?action=start&orgId=" + Api.ORG
                    + "&jobId=feedface0000000000000000", null),
            new LineRoute("search", Route.ACTION, "POST", Api.JOBS + "?action=search&orgId=" + Api.ORG, "{}"),
            new LineRoute("token", Route.TOKEN, "POST", Api.TOKEN_GET, "{}"),
            new LineRoute("admin-state", Route.ADMIN, "GET", Api.ADMIN + "/state", null),
            new LineRoute("admin-reset", Route.ADMIN, "POST", Api.ADMIN + "/reset", null),
            new LineRoute("admin-mappings", Route.ADMIN, "GET", "/__admin/mappings", null));

    /**
     * The method or the version of a valid request spelled in another case ({@code Post}, {@code gEt},
     * {@code http/1.1}, {@code HTtP/1.0}), on every kind of route. RFC 9110 section 9.1 and RFC 9112 section 2.3
     * make both tokens case-sensitive: each request must be refused, never served as the one it resembles.
     */
    static Arbitrary<HostileRequest> requestLineCase() {
        Arbitrary<String> changed = Arbitraries.of("method", "version", "both");
        Arbitrary<Integer> masks = Arbitraries.integers().between(1, 255);
        return Combinators.combine(Arbitraries.of(LINE_ROUTES), changed, Arbitraries.of("HTTP/1.1", "HTTP/1.0"),
                masks, masks).as((route, what, version, methodMask, versionMask) -> {
            String method = what.equals("version") ? route.method() : lowered(route.method(), methodMask);
            String sent = what.equals("method") ? version : lowered(version, versionMask);
            String head = method + " " + route.target() + " " + sent + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
            String text = route.body() == null ? head + "\r\n" : head + "Content-Type: application/json\r\n"
                    + "Content-Length: " + route.body().length() + "\r\n\r\n" + route.body();
            return HostileRequest.raw("raw-request-line-case/" + route.name(), route.route(), Expect.REFUSED,
                    route.target(), text.getBytes(StandardCharsets.ISO_8859_1), false,
                    List.of("'" + method + " ... " + sent + "' on " + route.name()));
        });
    }

    /**
     * The token with the letters the mask picks (bit i for the i-th letter, cycling) in lower case; at least one
     * letter changes, since the mask is not 0.
     */
    static String lowered(String token, int mask) {
        StringBuilder out = new StringBuilder(token);
        int letters = (int) token.chars().filter(Character::isLetter).count();
        int letter = 0;
        boolean changed = false;
        for (int i = 0; i < out.length(); i++) {
            if (Character.isLetter(out.charAt(i))) {
                if ((mask >> (letter % Math.min(8, letters)) & 1) == 1) {
                    out.setCharAt(i, Character.toLowerCase(out.charAt(i)));
                    changed = true;
                }
                letter++;
            }
        }
        if (!changed) {
            out.setCharAt(0, Character.toLowerCase(out.charAt(0)));
        }
        return out.toString();
    }

    /** CONNECT, on the API's path and in authority form. */
    static Arbitrary<HostileRequest> connect() {
        return Arbitraries.of(
                raw("CONNECT on the API's path", "CONNECT " + CREATE + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Connection: close\r\n\r\n", false),
                raw("CONNECT with a body on the API's path", "CONNECT " + CREATE + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Connection: close\r\nContent-Type: application/json\r\nContent-Length: " + BODY.length()
                        + "\r\n\r\n" + BODY, false),
                raw("CONNECT on the Get OTA Job path", "CONNECT " + Api.JOBS + "?action=get&orgId=yourOrgId&jobId=x"
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", false))
                .map(r -> r.request("raw-connect"));
    }
}
