package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.common.net.MediaType;
import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.HttpRequest;
import io.enoskit.ota.contract.Violation;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Converts a request as WireMock received it into the contract's {@link HttpRequest}; converts only. */
final class WireMockRequests {
    private WireMockRequests() {
    }

    static HttpRequest of(Request request) {
        String url = request.getUrl();
        String path = Urls.getPath(url);
        Map<String, List<String>> query = new LinkedHashMap<>();
        // WireMock parsed the query when it logged the request; parsing it again costs an exception per value
        // (its decoder tries each value as a date-time first)
        Map<String, QueryParameter> parsed = request instanceof LoggedRequest logged ? logged.getQueryParams()
                : Urls.splitQueryFromUrl(url);
        for (Map.Entry<String, QueryParameter> parameter : parsed.entrySet()) {
            query.put(parameter.getKey(), parameter.getValue().values());
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), header.values());
        }
        return new HttpRequest(request.getMethod().getName(), path, query, headers, bodyText(request));
    }

    /**
     * The body as text, decoded strictly with the Content-Type's charset (UTF-8 when it names none); a
     * {@code multipart/*} body byte for byte as ISO-8859-1, since its file part may be any bytes.
     *
     * @throws ContractViolation 99400 on {@code Content-Type} for a charset that is unknown, or for two different
     *                           ones, on {@code body} for bytes that are not text in that charset
     */
    static String bodyText(Request request) {
        byte[] body = request.getBody();
        if (body == null || body.length == 0) {
            return null;
        }
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && contentType.trim().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            // A firmware file is binary: its part is read as bytes by MultipartForm, so the body's text here only
            // stands for it (ISO-8859-1 maps every byte to one character and cannot fail).
            return new String(body, StandardCharsets.ISO_8859_1);
        }
        Charset charset = charset(contentType);
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ContractViolation(List.of(new Violation("body", "is not valid " + charset.name()
                    + " text")), false);
        }
    }

    /**
     * The charset the Content-Type names, read with Guava's {@link MediaType}. A value that is no media type names
     * none: the body is read as UTF-8 and the contract check rejects the header itself (openapi-request-validator
     * reads it with the same parser).
     */
    private static Charset charset(String contentType) {
        MediaType mediaType;
        try {
            mediaType = contentType == null ? null : MediaType.parse(contentType);
        } catch (IllegalArgumentException notAMediaType) {
            mediaType = null;
        }
        if (mediaType == null) {
            return StandardCharsets.UTF_8;
        }
        List<String> named = mediaType.parameters().get("charset");
        try {
            return mediaType.charset().or(StandardCharsets.UTF_8);
        } catch (IllegalStateException several) {
            throw unreadable("names more than one charset: " + String.join(", ", named));
        } catch (IllegalArgumentException unknown) {
            throw unreadable("the charset '" + named.get(0) + "' is not supported");
        }
    }

    private static ContractViolation unreadable(String rule) {
        return new ContractViolation(List.of(new Violation("Content-Type", rule)), false);
    }
}
