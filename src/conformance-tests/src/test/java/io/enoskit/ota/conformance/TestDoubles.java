package io.enoskit.ota.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestWrapper;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Body;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.Operation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Test doubles made of the mock plus one WireMock extension that changes what it does: servers that break one
 * documented rule, and servers that are correct but answer unlike the mock. Test code only: the product has no
 * switch for being wrong.
 */
final class TestDoubles {
    private static final AtomicInteger NAMES = new AtomicInteger();

    private TestDoubles() {
    }

    // ---- which requests ---------------------------------------------------------------------------------------

    static Predicate<Request> api() {
        return request -> request.getUrl().startsWith("/connect-service/");
    }

    /** Requests of the OTA job operations ({@code /connect-service/v2.1/ota-jobs}) with this action. */
    static Predicate<Request> action(String action) {
        return api().and(request -> request.getUrl().startsWith(Operation.JOBS + "?")
                && action.equals(query(request).get("action")));
    }

    /** Requests of the firmware operations ({@code /connect-service/v2.1/ota-firmwares}) with this action. */
    static Predicate<Request> firmwareAction(String action) {
        return api().and(request -> request.getUrl().startsWith(Operation.FIRMWARES + "?")
                && action.equals(query(request).get("action")));
    }

    /** The records of a search answer ({@code data}, an array), each changed; other answers as they are. */
    static ObjectNode eachRecord(ObjectNode answer, Consumer<ObjectNode> change) {
        answer.path("data").forEach(record -> {
            if (record.isObject()) {
                change.accept((ObjectNode) record);
            }
        });
        return answer;
    }

    static Predicate<Request> queryIs(String name, String value) {
        return request -> value.equals(query(request).get(name));
    }

    static Predicate<Request> queryAbsent(String name) {
        return request -> !query(request).containsKey(name);
    }

    static Predicate<Request> body(Predicate<JsonNode> test) {
        return request -> {
            JsonNode body = json(request.getBodyAsString());
            return body != null && test.test(body);
        };
    }

    static Predicate<Request> tokenService() {
        return request -> request.getUrl().startsWith("/apim-token-service/");
    }

    static Map<String, String> query(Request request) {
        Map<String, String> query = new LinkedHashMap<>();
        Urls.splitQueryFromUrl(request.getUrl()).forEach((name, value) -> query.put(name, value.firstValue()));
        return query;
    }

    // ---- what changes -----------------------------------------------------------------------------------------

    /** The JSON answers to matching requests, changed. */
    static Extension changeAnswer(Predicate<Request> when, UnaryOperator<ObjectNode> change) {
        String name = name();
        return new ResponseTransformerV2() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Response transform(Response response, ServeEvent event) {
                JsonNode body = json(response.getBodyAsString());
                if (!when.test(event.getRequest()) || body == null || !body.isObject()) {
                    return response;
                }
                return Response.Builder.like(response).but().body(Json.write(change.apply((ObjectNode) body)))
                        .build();
            }
        };
    }

    /** Answers to matching requests whose JSON body passes the test get another HTTP status. */
    static Extension changeStatus(Predicate<Request> when, Predicate<JsonNode> answer, int status) {
        String name = name();
        return new ResponseTransformerV2() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Response transform(Response response, ServeEvent event) {
                JsonNode body = json(response.getBodyAsString());
                return when.test(event.getRequest()) && body != null && answer.test(body)
                        ? Response.Builder.like(response).but().status(status).build() : response;
            }
        };
    }

    /** Matching requests reach the mock changed: query parameters set (null removes one) and the body changed. */
    static Extension changeRequest(Predicate<Request> when, Map<String, String> queryChanges,
                                   UnaryOperator<ObjectNode> bodyChange) {
        String name = name();
        return new StubRequestFilterV2() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public RequestFilterAction filter(Request request, ServeEvent event) {
                if (!when.test(request)) {
                    return RequestFilterAction.continueWith(request);
                }
                RequestWrapper.Builder changed = RequestWrapper.create()
                        .transformAbsoluteUrl(url -> withQuery(url, queryChanges));
                JsonNode body = json(request.getBodyAsString());
                if (body != null && body.isObject()) {
                    changed.transformBody(original -> new Body(Json.write(bodyChange.apply((ObjectNode) body))));
                }
                return RequestFilterAction.continueWith(changed.wrap(request));
            }
        };
    }

    /** Matching requests are answered by the double itself, the mock never sees them. */
    static Extension answerInstead(Predicate<Request> when, int status, Object body) {
        String name = name();
        return new StubRequestFilterV2() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public RequestFilterAction filter(Request request, ServeEvent event) {
                if (!when.test(request)) {
                    return RequestFilterAction.continueWith(request);
                }
                ResponseDefinition answer = ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body instanceof String text ? text : Json.write(body)).build();
                return RequestFilterAction.stopWith(answer);
            }
        };
    }

    /** An EnOS envelope. */
    static Map<String, Object> envelope(int code, String msg, Object data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("code", code);
        envelope.put("msg", msg);
        envelope.put("requestId", UUID.randomUUID().toString());
        envelope.put("data", data);
        return envelope;
    }

    static String withQuery(String url, Map<String, String> changes) {
        int start = url.indexOf('?');
        String path = start < 0 ? url : url.substring(0, start);
        Map<String, String> query = new LinkedHashMap<>();
        Urls.splitQueryFromUrl(url).forEach((key, value) -> query.put(key, value.firstValue()));
        changes.forEach((key, value) -> {
            if (value == null) {
                query.remove(key);
            } else {
                query.put(key, value);
            }
        });
        StringBuilder changed = new StringBuilder(path);
        String separator = "?";
        for (Map.Entry<String, String> entry : query.entrySet()) {
            changed.append(separator).append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        return changed.toString();
    }

    static JsonNode json(String text) {
        try {
            return text == null || text.isBlank() ? null : Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String name() {
        return "test-double-" + NAMES.incrementAndGet();
    }
}
