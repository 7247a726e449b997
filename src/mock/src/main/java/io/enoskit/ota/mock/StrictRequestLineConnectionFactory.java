package io.enoskit.ota.mock;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.util.BufferUtil;

/**
 * HTTP/1.1 as Jetty serves it, except that the request line's method and version must be spelled exactly: a known
 * method or version in another case ({@code Post}, {@code get}, {@code http/1.1}) is refused with HTTP 400 and the
 * connection closed, before any handler sees the request. RFC 9110 §9.1 makes the method case-sensitive and RFC 9112
 * §2.3 the version; Jetty 11's parser looks versions up without regard to case, has no compliance violation for it,
 * and under {@link HttpCompliance#RFC7230} passes {@code Post} on as an unknown method, which WireMock then folds to
 * {@code POST}. Unknown methods ({@code FOO}) and versions ({@code HTTP/1.2}, 505) are left to Jetty and WireMock.
 * The 400's body is the server's {@link EnvelopeErrorHandler#badMessageError}: the envelope with 99400 naming the
 * token.
 */
final class StrictRequestLineConnectionFactory extends HttpConnectionFactory {

    StrictRequestLineConnectionFactory(HttpConfiguration config) {
        super(config);
    }

    @Override
    public Connection newConnection(Connector connector, EndPoint endPoint) {
        HttpConnection connection = new HttpConnection(getHttpConfiguration(), connector, endPoint,
                isRecordHttpComplianceViolations()) {
            @Override
            protected HttpParser newHttpParser(HttpCompliance compliance) {
                HttpParser parser = new StrictRequestLineParser(newRequestHandler(),
                        getHttpConfiguration().getRequestHeaderSize(), compliance);
                parser.setHeaderCacheSize(getHttpConfiguration().getHeaderCacheSize());
                parser.setHeaderCacheCaseSensitive(getHttpConfiguration().isHeaderCacheCaseSensitive());
                return parser;
            }
        };
        connection.setUseInputDirectByteBuffers(isUseInputDirectByteBuffers());
        connection.setUseOutputDirectByteBuffers(isUseOutputDirectByteBuffers());
        return configure(connection, connector, endPoint);
    }

    /**
     * Jetty's parser, shown each request line's bytes first. They are read without being consumed, as they arrive
     * (a line may come in several reads), until its end; a line that breaks the rule is answered as Jetty answers
     * any bad message. {@link #reset()} starts over for the next request on the connection.
     */
    static final class StrictRequestLineParser extends HttpParser {
        private final RequestLine line = new RequestLine();

        StrictRequestLineParser(RequestHandler handler, int maxHeaderBytes, HttpCompliance compliance) {
            super(handler, maxHeaderBytes, compliance);
        }

        @Override
        public boolean parseNext(ByteBuffer buffer) {
            if (getState().ordinal() < State.HEADER.ordinal() && !line.complete()) {
                String wrong = line.read(buffer);
                if (wrong != null) {
                    BufferUtil.clear(buffer);
                    badMessage(new BadMessageException(HttpStatus.BAD_REQUEST_400, wrong));
                    return false;
                }
            }
            return super.parseNext(buffer);
        }

        @Override
        public void reset() {
            super.reset();
            line.clear();
        }
    }

    /**
     * The first and the last token of a request line, kept as its bytes pass (at most {@value #LONGEST} characters
     * of each: no method or version is longer), and the verdict once the line ends.
     */
    static final class RequestLine {
        private static final int LONGEST = 32;
        private final StringBuilder method = new StringBuilder();
        private final StringBuilder token = new StringBuilder();
        private boolean started;
        private boolean inMethod = true;
        private boolean tokenTooLong;
        private boolean complete;

        boolean complete() {
            return complete;
        }

        void clear() {
            method.setLength(0);
            token.setLength(0);
            started = false;
            inMethod = true;
            tokenTooLong = false;
            complete = false;
        }

        /**
         * Reads the buffer's bytes from its position on, without consuming them, up to the line's end.
         *
         * @return why the line is refused, once its end is read and it breaks the rule; otherwise null
         */
        String read(ByteBuffer buffer) {
            for (int i = buffer.position(); i < buffer.limit(); i++) {
                char c = (char) (buffer.get(i) & 0xff);
                if (!started && (c == '\r' || c == '\n')) {
                    continue; // Jetty skips empty lines before a request
                }
                started = true;
                if (c == '\n') {
                    complete = true;
                    return verdict();
                }
                if (c == ' ' || c == '\t') {
                    if (inMethod) {
                        method.append(token);
                        inMethod = false;
                    }
                    token.setLength(0);
                    tokenTooLong = false;
                } else if (c != '\r') {
                    if (token.length() < LONGEST) {
                        token.append(c);
                    } else {
                        tokenTooLong = true;
                    }
                }
            }
            return null;
        }

        private String verdict() {
            if (inMethod) {
                return null; // one token only: Jetty refuses the line itself
            }
            HttpMethod known = HttpMethod.INSENSITIVE_CACHE.get(method.toString());
            if (known != null && !known.asString().contentEquals(method)) {
                return "the method '" + method + "' is not '" + known.asString() + "': HTTP methods are"
                        + " case-sensitive (RFC 9110 section 9.1)";
            }
            HttpVersion version = tokenTooLong ? null : HttpVersion.CACHE.get(token.toString());
            if (version != null && !version.asString().contentEquals(token)) {
                return "the HTTP version '" + token + "' is not '" + version.asString() + "': it is case-sensitive"
                        + " (RFC 9112 section 2.3)";
            }
            return null;
        }
    }
}
