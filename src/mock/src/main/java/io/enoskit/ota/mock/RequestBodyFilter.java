package io.enoskit.ota.mock;

import io.enoskit.ota.contract.Json;
import io.enoskit.ota.domain.OtaError;
import io.enoskit.ota.mock.BodyDecoding.BodyLimit;
import io.enoskit.ota.mock.BodyDecoding.Decoded;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
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
    /** The largest body read at once when it has all arrived with the request (larger ones are read as they come). */
    private static final int ARRIVED_MAX = 64 * 1024;

    private final long maxBodyBytes;
    private final long maxUploadBytes;
    private final long bodyTimeoutMillis;
    private final boolean admin;
    private final boolean exitOnOutOfMemory;
    private final EnvelopeResponses responses;
    /** The console's log of API exchanges, where a refusal here is shown too; null on the admin API. */
    private final ExchangeLog exchanges;

    /**
     * @param maxBodyBytes      the largest body accepted, in bytes, before and after decoding
     * @param maxUploadBytes    the same for a {@code multipart/*} body on the API (Create Firmware File's upload)
     * @param bodyTimeoutMillis how long a body may take to arrive, in milliseconds
     * @param admin             true on the admin API ({@code {"error"}} answers), false on the API (envelopes)
     * @param exitOnOutOfMemory stop the JVM on an {@code OutOfMemoryError} (the executable; not the library)
     * @param exchanges         the console's log of API exchanges, which the refusals answered here join (WireMock
     *                          never sees them); null for none
     */
    RequestBodyFilter(long maxBodyBytes, long maxUploadBytes, long bodyTimeoutMillis, boolean admin,
                      boolean exitOnOutOfMemory, EnvelopeResponses responses, ExchangeLog exchanges) {
        this.responses = responses;
        this.exchanges = exchanges;
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
            answer(request, response, 404, OtaError.NO_SUCH_OPERATION, "method CONNECT: no operation of this API is"
                    + " served by it");
            return;
        }
        String brokenEscape = QueryEncoding.brokenEscape(request.getQueryString());
        if (brokenEscape != null) {
            answer(request, response, 200, OtaError.INVALID_ARGUMENT, brokenEscape);
            return;
        }
        String notUtf8 = admin ? null : QueryEncoding.notUtf8(request.getQueryString());
        if (notUtf8 != null) {
            answer(request, response, 200, OtaError.INVALID_ARGUMENT, notUtf8);
            return;
        }
        List<String> codings = BodyDecoding.codings(request);
        String unsupported = BodyDecoding.unsupported(codings);
        if (unsupported != null) {
            answer(request, response, 415, OtaError.INVALID_ARGUMENT, "Content-Encoding: '" + unsupported + "' is not"
                    + " supported; send the body as identity, gzip or deflate");
            return;
        }
        BodyLimit limit = limitOf(request);
        long declared = request.getContentLengthLong();
        if (declared > limit.bytes()) {
            answer(request, response, 413, OtaError.INVALID_ARGUMENT, "body: declares " + declared + " bytes, more"
                    + " than the " + limit.bytes() + " the mock accepts (" + limit.option() + ")");
            return;
        }
        if (declared == 0 || (declared < 0 && request.getHeader("Transfer-Encoding") == null)) {
            String notMultipart = MultipartBodies.problem(request.getHeader("Content-Type"), new byte[0]);
            if (notMultipart != null) {
                answer(request, response, 200, OtaError.INVALID_ARGUMENT, notMultipart);
                return;
            }
            chain.doFilter(new DecodedRequest(request, new byte[0]), response);
            return;
        }
        if (declared > 0 && declared <= ARRIVED_MAX && request.getInputStream().available() >= declared) {
            // The whole body is in the server's buffer already (the usual small JSON body): reading it here cannot
            // block, and spares the request the asynchronous read and the second dispatch through the chain.
            byte[] raw = request.getInputStream().readNBytes((int) declared);
            Decoded decoded = raw.length < declared
                    ? Decoded.refused(400, "body: ended after " + raw.length + " of its " + declared + " bytes")
                    : accepted(request, raw, codings, limit);
            if (decoded.refusal() != null) {
                answer(request, response, decoded.refusal().status(), OtaError.INVALID_ARGUMENT,
                        decoded.refusal().message());
                return;
            }
            chain.doFilter(new DecodedRequest(request, decoded.body()), response);
            return;
        }
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(bodyTimeoutMillis);
        BodyReader reader = new BodyReader(request, response, async, codings, limit, declared);
        async.addListener(reader);
        request.getInputStream().setReadListener(reader);
    }

    /** The body decoded, then checked to be a multipart body the mock can split when it says it is one. */
    private static Decoded accepted(HttpServletRequest request, byte[] raw, List<String> codings, BodyLimit limit) {
        Decoded decoded = BodyDecoding.decode(raw, codings, limit);
        if (decoded.refusal() != null) {
            return decoded;
        }
        String notMultipart = MultipartBodies.problem(request.getHeader("Content-Type"), decoded.body());
        return notMultipart == null ? decoded : Decoded.refused(200, notMultipart);
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
        private final ByteArrayOutputStream received;
        private final byte[] buffer;
        private final AtomicBoolean finished = new AtomicBoolean();
        private final BodyLimit limit;

        /** @param declared the Content-Length, or -1 for a chunked body (the buffers are sized by it) */
        BodyReader(HttpServletRequest request, HttpServletResponse response, AsyncContext async,
                   List<String> codings, BodyLimit limit, long declared) {
            this.request = request;
            this.response = response;
            this.async = async;
            this.codings = codings;
            this.limit = limit;
            int expected = declared < 0 ? CHUNK : (int) Math.min(CHUNK, declared);
            this.received = new ByteArrayOutputStream(expected);
            this.buffer = new byte[expected];
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
                Decoded decoded = accepted(request, received.toByteArray(), codings, limit);
                if (decoded.refusal() != null) {
                    finish(decoded.refusal().status(), OtaError.INVALID_ARGUMENT, decoded.refusal().message());
                    return;
                }
                if (finished.compareAndSet(false, true)) {
                    request.setAttribute(DECODED, decoded.body());
                    request.setAttribute(READER, RequestBodyFilter.this);
                    async.dispatch();
                }
            } catch (OutOfMemoryError exhausted) {
                outOfMemory(exhausted);
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
                answer(request, response, status, error, message);
            } catch (IOException | RuntimeException gone) {
                LOG.debug("the answer to an unreadable request could not be sent", gone);
            } finally {
                async.complete();
            }
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, int status, OtaError error,
                        String message) throws IOException {
        byte[] bytes = admin ? Json.write(Map.of("error", message)).getBytes(StandardCharsets.UTF_8)
                : responses.bytes(responses.error(error, message));
        // a 99400 the operation's check would answer with 200 takes the profile's status for it
        int answered = admin && status < 400 ? 400 : status == 200 ? responses.invalidArgumentStatus() : status;
        if (exchanges != null) {
            // the body was refused, so it is not shown; what the client was told is
            String query = request.getQueryString();
            exchanges.add(System.currentTimeMillis(), request.getMethod(),
                    request.getRequestURI() + (query == null ? "" : "?" + query), "", answered,
                    new String(bytes, StandardCharsets.UTF_8), null);
        }
        response.setStatus(answered);
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
