package io.enoskit.ota.contract;

import com.google.common.net.MediaType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the contract check needs it, independent of the server that received it.
 *
 * @param method  upper-case HTTP method ({@code POST})
 * @param path    the path without the query ({@code /connect-service/v2.1/ota-jobs})
 * @param query   decoded query parameters, each with its values in order
 * @param headers header names with their values
 * @param body    the body as text, or null/empty when there is none
 */
public record HttpRequest(String method, String path, Map<String, List<String>> query,
                          Map<String, List<String>> headers, String body) {
    private static final MediaType JSON = MediaType.create("application", "json");

    /**
     * True when the Content-Type is JSON ({@code application/json}, any parameters such as a charset), read with
     * Guava's {@link MediaType}; false for a value that is no media type.
     */
    public boolean isJson() {
        return mediaType().map(type -> type.withoutParameters().equals(JSON)).orElse(false);
    }

    /**
     * True when there is no Content-Type or it is a media type by Guava's {@link MediaType} (which refuses what RFC
     * 9110 does not allow, such as {@code application/json;} or an empty {@code charset=}).
     */
    public boolean contentTypeIsMediaType() {
        return contentType() == null || mediaType().isPresent();
    }

    /** The Content-Type read as a media type; empty when there is none or it is no media type. */
    private Optional<MediaType> mediaType() {
        String contentType = contentType();
        if (contentType == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(MediaType.parse(contentType));
        } catch (IllegalArgumentException notAMediaType) {
            return Optional.empty();
        }
    }

    /** The Content-Type header's first non-blank value, or null. */
    public String contentType() {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Content-Type"))
                .flatMap(header -> header.getValue().stream())
                .filter(value -> value != null && !value.isBlank())
                .findFirst().orElse(null);
    }

    /** The same request without its body. */
    public HttpRequest withoutBody() {
        return new HttpRequest(method, path, query, headers, null);
    }

    /**
     * The same request under another method: the mock checks a request a behaviour profile routes to an operation
     * by another method (Get OTA Job sent as POST) against the operation as the spec documents it.
     */
    public HttpRequest withMethod(String otherMethod) {
        return new HttpRequest(otherMethod, path, query, headers, body);
    }

    /** True when the body holds more than white space. */
    public boolean hasBody() {
        return body != null && !body.isBlank();
    }
}
