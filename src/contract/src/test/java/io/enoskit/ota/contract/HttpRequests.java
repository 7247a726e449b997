package io.enoskit.ota.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds {@link HttpRequest}s for the contract tests. */
final class HttpRequests {
    static final String PATH = "/connect-service/v2.1/ota-jobs";

    private HttpRequests() {
    }

    static HttpRequest create(String orgId, String firmwareId, String body) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("action", List.of("create"));
        if (orgId != null) {
            query.put("orgId", List.of(orgId));
        }
        if (firmwareId != null) {
            query.put("firmwareId", List.of(firmwareId));
        }
        return new HttpRequest("POST", PATH, query, json(), body);
    }

    static HttpRequest withContentType(HttpRequest request, String contentType) {
        return new HttpRequest(request.method(), request.path(), request.query(),
                Map.of("Content-Type", List.of(contentType)), request.body());
    }

    static Map<String, List<String>> json() {
        return Map.of("Content-Type", List.of("application/json"));
    }
}
