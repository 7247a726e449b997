package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
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
import java.util.Map;

/** Converts a request as WireMock received it into the contract's {@link HttpRequest}; converts only. */
final class WireMockRequests {
    private WireMockRequests() {
    }

    static HttpRequest of(Request request) {
        String url = request.getUrl();
        int queryStart = url.indexOf('?');
        String path = queryStart < 0 ? url : url.substring(0, queryStart);
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Map.Entry<String, QueryParameter> parameter : Urls.splitQueryFromUrl(url).entrySet()) {
            query.put(parameter.getKey(), parameter.getValue().values());
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), header.values());
        }
        return new HttpRequest(request.getMethod().getName(), path, query, headers, bodyText(request));
    }

    /**
     * The body as text, decoded strictly with the Content-Type's charset (UTF-8 when it names none).
     *
     * @throws ContractViolation 99400 on {@code Content-Type} for a charset that is empty or unknown, on
     *                           {@code body} for bytes that are not text in that charset
     */
    static String bodyText(Request request) {
        byte[] body = request.getBody();
        if (body == null || body.length == 0) {
            return null;
        }
        Charset charset = charset(request.getHeader("Content-Type"));
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new ContractViolation(List.of(new Violation("body", "is not valid " + charset.name()
                    + " text")), false);
        }
    }

    private static Charset charset(String contentType) {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair[0].trim().equalsIgnoreCase("charset")) {
                String name = pair.length < 2 ? "" : pair[1].trim().replace("\"", "");
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException unknown) {
                    throw new ContractViolation(List.of(new Violation("Content-Type",
                            "the charset '" + name + "' is not supported")), false);
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
