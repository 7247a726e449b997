package io.enoskit.ota.mock;

import io.enoskit.ota.contract.Envelope;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.domain.OtaError;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;
import java.util.zip.ZipException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's error page, replaced: what fails before WireMock hands the request to a stub mapping (a query with
 * broken percent-encoding, an unknown charset, a body that is not the gzip it claims, a URI too long, a malformed
 * request line) is answered as JSON, never as an HTML page with a stack trace. On the API it is the EnOS envelope
 * with 99400 naming what could not be read (HTTP 200, or Jetty's 4xx for a malformed request line); any other
 * failure is 99500 with HTTP 500 and its trace only in the mock's log. On the admin API it is
 * {@code {"error": String}}.
 */
final class EnvelopeErrorHandler extends ErrorHandler {
    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeErrorHandler.class);
    private final boolean admin;
    private final EnvelopeResponses responses;

    /**
     * @param admin     true for the admin API's context ({@code {"error"}} bodies), false for the API's
     * @param responses the envelopes of the profile in force
     */
    EnvelopeErrorHandler(boolean admin, EnvelopeResponses responses) {
        this.admin = admin;
        this.responses = responses;
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message)
            throws IOException {
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String unreadable = failure == null ? null : unreadable(failure);
        int status = unreadable != null ? (admin ? 400 : responses.invalidArgumentStatus()) : code;
        Object body;
        if (unreadable != null) {
            body = admin ? Map.of("error", unreadable) : responses.error(OtaError.INVALID_ARGUMENT, unreadable);
        } else {
            if (failure != null) {
                LOG.error("the mock failed on {} {}", request.getMethod(), request.getRequestURI(), failure);
            }
            String text = code >= 500 ? "Internal Server Error" : String.valueOf(message);
            body = admin ? Map.of("error", text)
                    : code >= 500 ? responses.error(OtaError.INTERNAL_ERROR)
                    : responses.error(OtaError.INVALID_ARGUMENT, "request: " + text);
        }
        baseRequest.setHandled(true);
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(body instanceof Envelope envelope ? responses.bytes(envelope)
                : Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json;charset=UTF-8");
        String text = "request: " + (reason != null ? reason : status == HttpStatus.UPGRADE_REQUIRED_426
                ? "HTTP/2 is not served here (HTTP 426); send HTTP/1.1" : "malformed (HTTP " + status + ")");
        return ByteBuffer.wrap(admin ? Json.write(Map.of("error", text)).getBytes(StandardCharsets.UTF_8)
                : responses.bytes(responses.error(OtaError.INVALID_ARGUMENT, text)));
    }

    /** What of the request could not be read, in words, or null when the failure is the mock's own. */
    static String unreadable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof IllegalArgumentException && message.startsWith("URLDecoder")) {
                return "query: cannot be decoded (" + message + ")";
            }
            if (cause instanceof UnsupportedCharsetException || cause instanceof IllegalCharsetNameException) {
                return "Content-Type: the charset " + message + " is not supported";
            }
            if (cause instanceof ZipException) {
                return "body: cannot be decoded with its Content-Encoding (" + message + ")";
            }
            for (StackTraceElement frame : cause.getStackTrace()) {
                if (frame.getClassName().endsWith(".ContentTypeHeader")) {
                    return "Content-Type: the header, or its charset, cannot be read";
                }
            }
        }
        return null;
    }
}
