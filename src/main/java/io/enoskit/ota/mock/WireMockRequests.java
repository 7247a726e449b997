package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import io.enoskit.ota.contract.HttpRequest;
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
        return new HttpRequest(request.getMethod().getName(), path, query, headers, request.getBodyAsString());
    }
}
