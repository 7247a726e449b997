package io.enoskit.ota.mock;

import io.enoskit.ota.contract.Json;
import io.enoskit.ota.domain.OtaError;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.apache.commons.codec.DecoderException;
import org.apache.commons.codec.net.URLCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every request body before WireMock sees it, so that no body costs more than the limit (413), no slow client
 * holds a thread (asynchronous reads, 408 past the body timeout) and WireMock never guesses an encoding: the declared
 * {@code Content-Encoding}s are undone and only those (RFC 9110 section 8.4; another is 415, a body that is not what
 * they say 99400), multipart bodies WireMock cannot parse are 99400 rather than its 500, and {@code CONNECT} is 99404.
 * The rest of the chain sees the decoded body; API answers are the EnOS envelope, admin ones {@code {"error"}}.
 */
final class RequestBodyFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestBodyFilter.class);
    private static final String DECODED = RequestBodyFilter.class.getName() + ".decoded";
    /** The filter that read the body and dispatched the request on (one per context: API and admin API). */
    private static final String READER = RequestBodyFilter.class.getName() + ".reader";
    private static final int CHUNK = 16 * 1024;

    private final long maxBodyBytes;
    private final long maxUploadBytes;
    private final long bodyTimeoutMillis;
    private final boolean admin;
    private final boolean exitOnOutOfMemory;
    private final EnvelopeResponses responses;

    /**
     * @param maxBodyBytes      the largest body accepted, in bytes, before and after decoding
     * @param maxUploadBytes    the same for a {@code multipart/*} body on the API (Create Firmware File's upload)
     * @param bodyTimeoutMillis how long a body may take to arrive, in milliseconds
     * @param admin             true on the admin API ({@code {"error"}} answers), false on the API (envelopes)
     * @param exitOnOutOfMemory stop the JVM on an {@code OutOfMemoryError} (the executable; not the library)
     */
    RequestBodyFilter(long maxBodyBytes, long maxUploadBytes, long bodyTimeoutMillis, boolean admin,
                      boolean exitOnOutOfMemory, EnvelopeResponses responses) {
        this.responses = responses;
        this.maxBodyBytes = maxBodyBytes;
        this.maxUploadBytes = maxUploadBytes;
        this.bodyTimeoutMillis = bodyTimeoutMillis;
        this.admin = admin;
        this.exitOnOutOfMemory = exitOnOutOfMemory;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        try {
            if (request.getDispatcherType() == DispatcherType.ASYNC && request.getAttribute(DECODED) != null) {
                if (request.getAttribute(READER) != this) {
                    // Jetty hands the async dispatch of an admin request to the API context as well (WireMock puts
                    // both contexts in one handler collection, and the API's is mapped at /): answering it there
                    // too would write a second answer on the finished response, and Jetty then drops the
                    // keep-alive connection without a word. The context whose filter read the body answers.
                    return;
                }
                chain.doFilter(new DecodedRequest(request, (byte[]) request.getAttribute(DECODED)), response);
                return;
            }
            receive(request, response, chain);
        } catch (OutOfMemoryError exhausted) {
            outOfMemory(exhausted);
        }
    }

    private void receive(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("CONNECT".equalsIgnoreCase(request.getMethod())) {
            answer(response, 404, OtaError.NO_SUCH_OPERATION, "method CONNECT: no operation of this API is served"
                    + " by it");
            return;
        }
        String notUtf8 = admin ? null : queryNotUtf8(request.getQueryString());
        if (notUtf8 != null) {
            answer(response, 200, OtaError.INVALID_ARGUMENT, notUtf8);
            return;
        }
        List<String> codings = codings(request);
        String unsupported = codings.stream().filter(coding -> !coding.equals("gzip") && !coding.equals("deflate"))
                .findFirst().orElse(null);
        if (unsupported != null) {
            answer(response, 415, OtaError.INVALID_ARGUMENT, "Content-Encoding: '" + unsupported + "' is not"
                    + " supported; send the body as identity, gzip or deflate");
            return;
        }
        BodyLimit limit = limitOf(request);
        long declared = request.getContentLengthLong();
        if (declared > limit.bytes()) {
            answer(response, 413, OtaError.INVALID_ARGUMENT, "body: declares " + declared + " bytes, more than the "
                    + limit.bytes() + " the mock accepts (" + limit.option() + ")");
            return;
        }
        if (declared == 0 || (declared < 0 && request.getHeader("Transfer-Encoding") == null)) {
            String notMultipart = MultipartBodies.problem(request.getHeader("Content-Type"), new byte[0]);
            if (notMultipart != null) {
                answer(response, 200, OtaError.INVALID_ARGUMENT, notMultipart);
                return;
            }
            chain.doFilter(new DecodedRequest(request, new byte[0]), response);
            return;
        }
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(bodyTimeoutMillis);
        BodyReader reader = new BodyReader(request, response, async, codings, limit);
        async.addListener(reader);
        request.getInputStream().setReadListener(reader);
    }

    /**
     * Why the query cannot be read as UTF-8 text, or null when it can: a parameter whose percent-escapes decode to
     * bytes that are no UTF-8 ({@code orgId=yourOrgId%c3%28}). WireMock's decoder would put U+FFFD in their place,
     * so the request would go on with a value the client never sent (an org no one has, searched as empty); it
     * cannot be read, like a body that is not UTF-8. Broken escapes ({@code %zz}) are left to the decoder, which
     * rejects them.
     */
    static String queryNotUtf8(String query) {
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

    /**
     * The content codings declared, in the order they were applied, lower case, {@code x-gzip} read as {@code gzip};
     * without {@code identity}, so a body sent as is has none. Every Content-Encoding header counts, each a list.
     */
    private static List<String> codings(HttpServletRequest request) {
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

    /** The most bytes a body may have, and the mock option that sets it (named in the 413's message). */
    private record BodyLimit(long bytes, String option) {
    }

    /**
     * A firmware upload (a {@code multipart/*} body on the API) has a limit of its own: a firmware image is
     * megabytes, a JSON body a few kilobytes, and one limit for both would either refuse real images or let
     * JSON bodies of many megabytes through.
     */
    private BodyLimit limitOf(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (!admin && contentType != null && contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return new BodyLimit(maxUploadBytes, "--max-upload-bytes");
        }
        return new BodyLimit(maxBodyBytes, "--max-body-bytes");
    }

    /** Collects the body as it arrives, then decodes it and hands the request on, or answers why it cannot. */
    private final class BodyReader implements ReadListener, AsyncListener {
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final AsyncContext async;
        private final List<String> codings;
        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final byte[] buffer = new byte[CHUNK];
        private final AtomicBoolean finished = new AtomicBoolean();
        private final BodyLimit limit;

        BodyReader(HttpServletRequest request, HttpServletResponse response, AsyncContext async,
                   List<String> codings, BodyLimit limit) {
            this.request = request;
            this.response = response;
            this.async = async;
            this.codings = codings;
            this.limit = limit;
        }

        @Override
        public void onDataAvailable() throws IOException {
            ServletInputStream in = request.getInputStream();
            while (!finished.get() && in.isReady()) {
                int read = in.read(buffer);
                if (read < 0) {
                    return;
                }
                received.write(buffer, 0, read);
                if (received.size() > limit.bytes()) {
                    finish(413, OtaError.INVALID_ARGUMENT, "body: has more than the " + limit.bytes()
                            + " bytes the mock accepts (" + limit.option() + ")");
                    return;
                }
            }
        }

        @Override
        public void onAllDataRead() {
            if (finished.get()) {
                return;
            }
            try {
                byte[] body = decode(received.toByteArray());
                if (body == null) {
                    return;
                }
                String notMultipart = MultipartBodies.problem(request.getHeader("Content-Type"), body);
                if (notMultipart != null) {
                    finish(200, OtaError.INVALID_ARGUMENT, notMultipart);
                    return;
                }
                if (finished.compareAndSet(false, true)) {
                    request.setAttribute(DECODED, body);
                    request.setAttribute(READER, RequestBodyFilter.this);
                    async.dispatch();
                }
            } catch (OutOfMemoryError exhausted) {
                outOfMemory(exhausted);
            }
        }

        /**
         * The body with each declared coding undone, the last applied first, or null when it could not be (and was
         * answered). Exactly the codings declared are undone: a body that is gzip data after that is refused, since
         * WireMock would inflate it once more on seeing the magic bytes.
         */
        private byte[] decode(byte[] raw) {
            byte[] body = raw;
            for (int i = codings.size() - 1; i >= 0 && body != null; i--) {
                body = undo(codings.get(i), body);
            }
            if (body != null && body.length >= 2 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b) {
                finish(200, OtaError.INVALID_ARGUMENT, codings.isEmpty()
                        ? "body: starts with the gzip magic bytes but Content-Encoding does not say gzip; send"
                        + " Content-Encoding: gzip, or the plain body"
                        : "body: is still gzip data once decoded as its Content-Encoding '"
                        + String.join(", ", codings) + "' says; the mock undoes exactly the codings declared, so"
                        + " name every layer (Content-Encoding: gzip, gzip) or send JSON inside");
                return null;
            }
            return body;
        }

        /** One coding undone, or null when the bytes are not what it says (and the request was answered). */
        private byte[] undo(String coding, byte[] encoded) {
            try (InputStream inflating = coding.equals("gzip")
                    ? new GZIPInputStream(new ByteArrayInputStream(encoded))
                    : new InflaterInputStream(new ByteArrayInputStream(encoded))) {
                byte[] inflated = inflating.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit.bytes() + 1));
                if (inflated.length > limit.bytes()) {
                    finish(413, OtaError.INVALID_ARGUMENT, "body: inflates to more than the " + limit.bytes()
                            + " bytes the mock accepts (" + limit.option() + ")");
                    return null;
                }
                return inflated;
            } catch (ZipException | EOFException notEncoded) {
                finish(200, OtaError.INVALID_ARGUMENT, "body: is not valid " + coding + " data, as its"
                        + " Content-Encoding says (" + notEncoded.getMessage() + ")");
                return null;
            } catch (IOException unreadable) {
                finish(200, OtaError.INVALID_ARGUMENT, "body: cannot be decoded as " + coding + " ("
                        + unreadable.getMessage() + ")");
                return null;
            }
        }

        @Override
        public void onError(Throwable failure) {
            LOG.info("a client's body could not be read on {} {}: {}", request.getMethod(), request.getRequestURI(),
                    failure.toString());
            boolean stalled = failure instanceof TimeoutException
                    || String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT).contains("timeout");
            finish(stalled ? 408 : 400, OtaError.INVALID_ARGUMENT, stalled
                    ? "body: stalled; it did not arrive within " + bodyTimeoutMillis / 1000 + " s"
                    : "body: could not be read (" + failure.getMessage() + ")");
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            LOG.info("a client's body stalled on {} {}: {} bytes in {} ms", request.getMethod(),
                    request.getRequestURI(), received.size(), bodyTimeoutMillis);
            finish(408, OtaError.INVALID_ARGUMENT, "body: stalled; " + received.size() + " bytes arrived in "
                    + bodyTimeoutMillis / 1000 + " s");
        }

        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }

        /** Answers once, then ends the request (the connection closes if the body is not all read). */
        private void finish(int status, OtaError error, String message) {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            try {
                answer(response, status, error, message);
            } catch (IOException | RuntimeException gone) {
                LOG.debug("the answer to an unreadable request could not be sent", gone);
            } finally {
                async.complete();
            }
        }
    }

    private void answer(HttpServletResponse response, int status, OtaError error, String message) throws IOException {
        byte[] bytes = admin ? Json.write(Map.of("error", message)).getBytes(StandardCharsets.UTF_8)
                : responses.bytes(responses.error(error, message));
        // a 99400 the operation's check would answer with 200 takes the profile's status for it
        response.setStatus(admin && status < 400 ? 400 : status == 200 ? responses.invalidArgumentStatus() : status);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(bytes.length);
        if (status >= 400) {
            response.setHeader("Connection", "close");
        }
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    private void outOfMemory(OutOfMemoryError exhausted) {
        if (!exitOnOutOfMemory) {
            throw exhausted;
        }
        OutOfMemory.exit(exhausted);
    }
}
