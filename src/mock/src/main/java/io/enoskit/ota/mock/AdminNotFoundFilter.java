package io.enoskit.ota.mock;

import io.enoskit.ota.contract.Json;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Gives the admin API's 404s a body: WireMock answers an unknown admin path ({@code GET /__admin/nope}), and an id
 * its routes do not know ({@code GET /__admin/mappings/{id}}), with an empty 404. Such a 404 gets {@code {"error":
 * "GET /__admin/nope: nothing here (HTTP 404); ..."}}, the admin API's error shape, naming the method and path; a
 * 404 that has a body (the kit's routes' own) is left as it is. The body of a 404 is held until the servlet is done,
 * every other answer passes as it is written. Runs last in the admin context's chain, where the servlet answers
 * (after {@link RequestBodyFilter}, also on its asynchronous dispatch).
 */
final class AdminNotFoundFilter implements Filter {

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        NotFoundHeld response = new NotFoundHeld((HttpServletResponse) servletResponse);
        chain.doFilter(request, response);
        response.finish(request.getMethod() + " " + request.getRequestURI());
    }

    /** The servlet's response, except that the body of a 404 is held rather than sent. */
    private static final class NotFoundHeld extends HttpServletResponseWrapper {
        private ByteArrayOutputStream held;
        private ServletOutputStream holding;
        private PrintWriter writer;
        private boolean errorSent;

        NotFoundHeld(HttpServletResponse response) {
            super(response);
        }

        private boolean holds() {
            return held != null || (!errorSent && getStatus() == 404 && !isCommitted());
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (!holds()) {
                return super.getOutputStream();
            }
            if (holding == null) {
                held = new ByteArrayOutputStream();
                holding = new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new IllegalStateException("the body of a 404 is written in one go");
                    }

                    @Override
                    public void write(int b) {
                        held.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        held.write(bytes, offset, length);
                    }
                };
            }
            return holding;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (!holds()) {
                return super.getWriter();
            }
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!holds()) {
                super.flushBuffer();
            }
        }

        @Override
        public void setContentLength(int length) {
            if (!holds()) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (!holds()) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            errorSent = true;
            super.sendError(status, message);
        }

        @Override
        public void sendError(int status) throws IOException {
            errorSent = true;
            super.sendError(status);
        }

        /** Sends the held 404: its own body, or the error naming {@code what} when it had none. */
        void finish(String what) throws IOException {
            if (!holds() || isCommitted()) {
                return;
            }
            if (writer != null) {
                writer.flush();
            }
            byte[] body = held == null ? new byte[0] : held.toByteArray();
            if (body.length == 0) {
                body = Json.write(Map.of("error", what + ": nothing here (HTTP 404); the kit's admin routes are under"
                        + " /__admin/ota/, WireMock's are described at /__admin/docs")).getBytes(StandardCharsets.UTF_8);
                setContentType("application/json;charset=UTF-8");
            }
            super.setContentLength(body.length);
            ServletOutputStream out = super.getOutputStream();
            out.write(body);
            out.flush();
        }
    }
}
