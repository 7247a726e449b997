package io.enoskit.ota.proxy;

import jakarta.servlet.ReadListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.api.Request;
import org.eclipse.jetty.client.api.Response;
import org.eclipse.jetty.client.util.AsyncRequestContent;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.proxy.AsyncProxyServlet;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's asynchronous proxy servlet, sending every request on to the target as it came and the target's answer back
 * as it came, while keeping a copy of both (up to the capture limit) for the checks. What Jetty's proxy changes by
 * design, and only that: {@code Host} names the target; hop-by-hop headers ({@code Connection} and those it names,
 * {@code Keep-Alive}, {@code Transfer-Encoding}, {@code TE}, {@code Trailer}, {@code Upgrade}, {@code Proxy-*}) are
 * the connection's, not the message's, so each side has its own. No {@code Via} or {@code X-Forwarded-*} header is
 * added, bodies are never decoded (gzip stays gzip, multipart stays as sent), redirects are not followed, cookies
 * are not kept. A target that cannot be reached gets the client HTTP 502, one that does not answer within the
 * timeout 504 (Jetty's answers, counted in the report).
 */
final class TransparentProxyServlet extends AsyncProxyServlet {
    private static final String CAPTURE = TransparentProxyServlet.class.getName() + ".capture";
    private final String target;
    private final long timeoutMillis;
    private final int captureBytes;
    private final Consumer<Exchange> answered;
    private final Runnable failed;

    /**
     * @param target        the target's base URL without a trailing slash; the request's raw path and query follow it
     * @param timeoutMillis connect and idle (read) timeout towards the target
     * @param captureBytes  how much of each body is kept for the checks
     * @param answered      receives each exchange the target answered (on Jetty's thread: must not block)
     * @param failed        told of each call the target did not answer
     */
    TransparentProxyServlet(String target, long timeoutMillis, int captureBytes, Consumer<Exchange> answered,
                            Runnable failed) {
        this.target = target;
        this.timeoutMillis = timeoutMillis;
        this.captureBytes = captureBytes;
        this.answered = answered;
        this.failed = failed;
    }

    /** What is kept of one exchange while it runs. */
    private static final class Capture {
        final Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
        final ByteArrayOutputStream requestBody = new ByteArrayOutputStream();
        final ByteArrayOutputStream responseBody = new ByteArrayOutputStream();
        boolean complete = true;
    }

    @Override
    protected HttpClient newHttpClient() {
        HttpClient client = super.newHttpClient();
        client.setConnectTimeout(timeoutMillis);
        // no User-Agent of Jetty's own: the client's, if any, is copied as sent
        client.setUserAgentField(null);
        return client;
    }

    @Override
    protected String rewriteTarget(HttpServletRequest request) {
        Capture capture = new Capture();
        for (String name : Collections.list(request.getHeaderNames())) {
            capture.requestHeaders.put(name, Collections.list(request.getHeaders(name)));
        }
        request.setAttribute(CAPTURE, capture);
        String query = request.getQueryString();
        return target + request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    /** No {@code Via}, no {@code X-Forwarded-*}: the target sees the client's headers only. */
    @Override
    protected void addProxyHeaders(HttpServletRequest clientRequest, Request proxyRequest) {
    }

    @Override
    protected ReadListener newReadListener(HttpServletRequest request, HttpServletResponse response,
                                           Request proxyRequest, AsyncRequestContent content) {
        Capture capture = (Capture) request.getAttribute(CAPTURE);
        return new StreamReader(request, response, proxyRequest, content) {
            @Override
            protected void onRequestContent(HttpServletRequest request, Request proxyRequest,
                                            AsyncRequestContent content, byte[] buffer, int offset, int length,
                                            Callback callback) {
                keep(capture, capture.requestBody, buffer, offset, length);
                super.onRequestContent(request, proxyRequest, content, buffer, offset, length, callback);
            }
        };
    }

    @Override
    protected void onResponseContent(HttpServletRequest request, HttpServletResponse response,
                                     Response proxyResponse, byte[] buffer, int offset, int length,
                                     Callback callback) {
        Capture capture = (Capture) request.getAttribute(CAPTURE);
        keep(capture, capture.responseBody, buffer, offset, length);
        super.onResponseContent(request, response, proxyResponse, buffer, offset, length, callback);
    }

    @Override
    protected void onProxyResponseSuccess(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                          Response serverResponse) {
        Capture capture = (Capture) clientRequest.getAttribute(CAPTURE);
        Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
        for (HttpField field : serverResponse.getHeaders()) {
            responseHeaders.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        answered.accept(new Exchange(Instant.now(), clientRequest.getMethod(), clientRequest.getRequestURI(),
                clientRequest.getQueryString(), capture.requestHeaders, capture.requestBody.toByteArray(),
                serverResponse.getStatus(), responseHeaders, capture.responseBody.toByteArray(), capture.complete));
        // queued before the client's answer completes: a report asked for after it has come includes this exchange
        super.onProxyResponseSuccess(clientRequest, proxyResponse, serverResponse);
    }

    @Override
    protected void onProxyResponseFailure(HttpServletRequest clientRequest, HttpServletResponse proxyResponse,
                                          Response serverResponse, Throwable failure) {
        failed.run();
        super.onProxyResponseFailure(clientRequest, proxyResponse, serverResponse, failure);
    }

    private void keep(Capture capture, ByteArrayOutputStream body, byte[] buffer, int offset, int length) {
        synchronized (capture) {
            int room = captureBytes - body.size();
            if (length > room) {
                capture.complete = false;
            }
            if (room > 0) {
                body.write(buffer, offset, Math.min(room, length));
            }
        }
    }
}
