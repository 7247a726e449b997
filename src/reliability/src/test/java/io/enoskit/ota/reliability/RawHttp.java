package io.enoskit.ota.reliability;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One exchange over a fresh TCP connection, byte for byte: what HTTP client libraries refuse to send (broken framing,
 * unknown methods, odd request targets) goes out as written. The answer is read with HTTP/1.1 framing
 * (Content-Length, chunked, or until the server closes) within a deadline; a hang is reported as such, never waited
 * out.
 */
final class RawHttp {
    /** How an exchange ended. */
    enum Outcome {
        /** a complete HTTP/1.x answer */
        ANSWERED,
        /** the server closed (or reset) the connection without a complete answer */
        CLOSED,
        /** bytes came back that are not HTTP/1.x (an HTTP/2 frame, say), and then nothing within the deadline */
        NOT_HTTP1,
        /** no complete answer and no close within the deadline */
        HUNG
    }

    /** What came back. {@code status} is -1 unless ANSWERED; header names are lower case. */
    record Answer(Outcome outcome, int status, Map<String, String> headers, byte[] body, long millis, String rawStart) {
        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String summary() {
            String text = bodyText();
            if (text.length() > 400) {
                text = text.substring(0, 400) + "…(" + body.length + " bytes)";
            }
            return switch (outcome) {
                case ANSWERED -> "HTTP " + status + " Content-Type: " + header("content-type") + " after " + millis
                        + " ms, body: " + (text.isEmpty() ? "(empty)" : text);
                case CLOSED -> "connection closed without an answer after " + millis + " ms"
                        + (rawStart.isEmpty() ? "" : " (partial: " + rawStart + ")");
                case NOT_HTTP1 -> "no HTTP/1.x answer within " + millis + " ms; first bytes: " + rawStart;
                case HUNG -> "no answer and no close within " + millis + " ms"
                        + (rawStart.isEmpty() ? "" : " (partial: " + rawStart + ")");
            };
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code request} and reads the answer.
     *
     * @param halfClose shut the sending side after the request (the client says "that is all"), so a server
     *                  waiting for more bytes sees the end of the stream at once
     * @param isHead    the request's method is HEAD: the answer has no body whatever its headers say
     */
    static Answer exchange(int port, byte[] request, boolean halfClose, boolean isHead, Duration deadline)
            throws IOException {
        long start = System.nanoTime();
        long end = start + deadline.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) deadline.toMillis());
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                if (halfClose) {
                    socket.shutdownOutput();
                }
            } catch (SocketException closedEarly) {
                // the server may close while we still send (a header it rejects): read what it said
            }
            Reader reader = new Reader(socket, end);
            try {
                return reader.read(isHead, start);
            } catch (SocketTimeoutException timeout) {
                return new Answer(reader.sawNonHttp ? Outcome.NOT_HTTP1 : Outcome.HUNG, -1, Map.of(), new byte[0],
                        millisSince(start), reader.start());
            } catch (SocketException | EndOfStream reset) {
                return new Answer(Outcome.CLOSED, -1, Map.of(), new byte[0], millisSince(start), reader.start());
            }
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static final class EndOfStream extends IOException {
        EndOfStream() {
            super("end of stream");
        }
    }

    /** Reads with a deadline for the whole answer, keeping the first bytes for the report. */
    private static final class Reader {
        private final Socket socket;
        private final InputStream in;
        private final long end;
        private final ByteArrayOutputStream seen = new ByteArrayOutputStream();
        private boolean sawNonHttp;

        Reader(Socket socket, long end) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 65536);
            this.end = end;
        }

        String start() {
            byte[] bytes = seen.toByteArray();
            return Bytes.escape(bytes, 120);
        }

        private int next() throws IOException {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("deadline");
            }
            socket.setSoTimeout((int) Math.max(1, left));
            int b = in.read();
            if (b < 0) {
                throw new EndOfStream();
            }
            if (seen.size() < 200) {
                seen.write(b);
            }
            return b;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            int b;
            while ((b = next()) != '\n') {
                if (line.length() == 0 && seen.size() == 1 && b != 'H') {
                    sawNonHttp = true;
                }
                if (line.length() > 65536) {
                    throw new IOException("line too long");
                }
                line.append((char) b);
            }
            int len = line.length();
            return len > 0 && line.charAt(len - 1) == '\r' ? line.substring(0, len - 1) : line.toString();
        }

        Answer read(boolean isHead, long startNanos) throws IOException {
            while (true) {
                String statusLine = line();
                if (!statusLine.startsWith("HTTP/1.")) {
                    sawNonHttp = true;
                    // keep reading until the deadline or the close: the outcome says what happened
                    while (true) {
                        next();
                    }
                }
                int status = Integer.parseInt(statusLine.substring(9, 12));
                Map<String, String> headers = new LinkedHashMap<>();
                String header;
                while (!(header = line()).isEmpty()) {
                    int colon = header.indexOf(':');
                    if (colon > 0) {
                        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                        String value = header.substring(colon + 1).trim();
                        headers.merge(name, value, (a, b) -> a + ", " + b);
                    }
                }
                if (status >= 100 && status < 200) {
                    continue; // interim answer (100 Continue): the final one follows
                }
                byte[] body = body(isHead, status, headers);
                return new Answer(Outcome.ANSWERED, status, headers, body, millisSince(startNanos), "");
            }
        }

        private byte[] body(boolean isHead, int status, Map<String, String> headers) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (isHead || status == 204 || status == 304) {
                return body.toByteArray();
            }
            String te = headers.get("transfer-encoding");
            String cl = headers.get("content-length");
            if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
                while (true) {
                    String size = line();
                    int semi = size.indexOf(';');
                    int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                    if (n == 0) {
                        while (!line().isEmpty()) {
                            // trailers
                        }
                        return body.toByteArray();
                    }
                    for (int i = 0; i < n; i++) {
                        body.write(next());
                    }
                    line();
                }
            }
            if (cl != null) {
                long n = Long.parseLong(cl.split(",")[0].trim());
                for (long i = 0; i < n; i++) {
                    body.write(next());
                }
                return body.toByteArray();
            }
            try {
                while (true) {
                    body.write(next());
                }
            } catch (EndOfStream closed) {
                return body.toByteArray();
            }
        }
    }
}
