package io.enoskit.ota.mock;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * A request as {@link RequestBodyFilter} hands it on: its body already read and decoded, so it has no
 * {@code Content-Encoding} and its {@code Content-Length} is the decoded length. A {@code HEAD} request is seen as
 * the {@code GET} it asks the headers of (the server still sends no body).
 */
final class DecodedRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    DecodedRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    @Override
    public String getMethod() {
        String method = super.getMethod();
        return "HEAD".equalsIgnoreCase(method) ? "GET" : method;
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream bytes = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("the body has been read already");
            }

            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return bytes.read(buffer, offset, length);
            }

            /** In one copy of the exact size: WireMock reads each body so, and the default grows 16 KiB buffers. */
            @Override
            public byte[] readAllBytes() {
                return bytes.readAllBytes();
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String charset = getCharacterEncoding();
        return new BufferedReader(new InputStreamReader(getInputStream(),
                charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset)));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public String getHeader(String name) {
        if ("Content-Encoding".equalsIgnoreCase(name)) {
            return null;
        }
        if ("Content-Length".equalsIgnoreCase(name)) {
            return body.length == 0 && super.getHeader(name) == null ? null : String.valueOf(body.length);
        }
        return super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String value = getHeader(name);
        if ("Content-Encoding".equalsIgnoreCase(name) || "Content-Length".equalsIgnoreCase(name)) {
            return value == null ? Collections.emptyEnumeration() : Collections.enumeration(List.of(value));
        }
        return super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = Collections.list(super.getHeaderNames()).stream()
                .filter(name -> !"Content-Encoding".equalsIgnoreCase(name))
                .toList();
        return Collections.enumeration(names);
    }
}
