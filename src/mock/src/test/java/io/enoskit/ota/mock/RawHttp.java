package io.enoskit.ota.mock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request byte for byte over a socket, for the malformed requests that HTTP client libraries refuse to
 * send (broken percent-encoding, unknown methods, a charset the JVM does not know).
 */
final class RawHttp {
    /** The status line's code and the body of an answer. */
    record Answer(int status, String body) {
    }

    private RawHttp() {
    }

    /**
     * Sends the bytes as they are (a whole request, head and body, as a client may garble it) and reads the answer
     * until the server closes; status -1 when the server closed without answering.
     */
    static Answer sendBytes(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(all);
            } catch (SocketException reset) {
                // a reset after the answer is fine; an empty answer is reported as -1
            }
            String text = all.toString(StandardCharsets.UTF_8);
            if (text.length() < 12) {
                return new Answer(-1, text);
            }
            int split = text.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(text.substring(9, 12)), split < 0 ? "" : text.substring(split + 4));
        }
    }

    static Answer send(int port, String method, String target, String headers, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers
                    + "Content-Length: " + body.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            int split = text.indexOf("\r\n\r\n");
            return new Answer(status, split < 0 ? "" : text.substring(split + 4));
        }
    }
}
