package io.enoskit.ota.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.enoskit.ota.contract.ApimSignature;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A gateway's authentication written apart from the mock's (test code), with switches to get one thing wrong: run
 * it in front of a mock without authentication. It learns the tokens the mock's token service issues from the
 * answers, and checks the signature with the test app's secret.
 */
final class TestGateway {
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final boolean servesWithoutToken;
    private final boolean servesUnknownTokens;
    private final boolean checksSignature;

    private TestGateway(boolean servesWithoutToken, boolean servesUnknownTokens, boolean checksSignature) {
        this.servesWithoutToken = servesWithoutToken;
        this.servesUnknownTokens = servesUnknownTokens;
        this.checksSignature = checksSignature;
    }

    static Extension[] correct() {
        return new TestGateway(false, false, true).extensions();
    }

    static Extension[] servingCallsWithoutToken() {
        return new TestGateway(true, false, true).extensions();
    }

    static Extension[] servingUnknownTokens() {
        return new TestGateway(false, true, true).extensions();
    }

    static Extension[] notCheckingSignatures() {
        return new TestGateway(false, false, false).extensions();
    }

    private Extension[] extensions() {
        return new Extension[] {learnTokens(), check()};
    }

    private Extension learnTokens() {
        return new ResponseTransformerV2() {
            @Override
            public String getName() {
                return "test-gateway-tokens-" + System.identityHashCode(TestGateway.this);
            }

            @Override
            public Response transform(Response response, ServeEvent event) {
                if (TestDoubles.tokenService().test(event.getRequest())) {
                    JsonNode body = TestDoubles.json(response.getBodyAsString());
                    String token = body == null ? "" : body.path("data").path("accessToken").asText("");
                    if (!token.isEmpty()) {
                        issued.add(token);
                    }
                }
                return response;
            }
        };
    }

    private Extension check() {
        return new StubRequestFilterV2() {
            @Override
            public String getName() {
                return "test-gateway-check-" + System.identityHashCode(TestGateway.this);
            }

            @Override
            public RequestFilterAction filter(Request request, ServeEvent event) {
                if (!TestDoubles.api().test(request)) {
                    return RequestFilterAction.continueWith(request);
                }
                String token = request.getHeader("apim-accesstoken");
                if (token == null) {
                    return servesWithoutToken ? RequestFilterAction.continueWith(request) : refuse("no token");
                }
                if (!issued.contains(token)) {
                    return servesUnknownTokens ? RequestFilterAction.continueWith(request) : refuse("unknown token");
                }
                if (!checksSignature) {
                    return RequestFilterAction.continueWith(request);
                }
                String timestamp = String.valueOf(request.getHeader("apim-timestamp"));
                String expected = ApimSignature.signature(token, TestDoubles.query(request),
                        request.getBody() == null || request.getBody().length == 0
                                || String.valueOf(request.getHeader("Content-Type")).startsWith("multipart/")
                                ? null : request.getBody(),
                        Long.parseLong(timestamp.matches("\\d+") ? timestamp : "0"), Targets.APP_SECRET);
                return expected.equals(request.getHeader("apim-signature")) ? RequestFilterAction.continueWith(request)
                        : refuse("wrong signature");
            }
        };
    }

    private static RequestFilterAction refuse(String why) {
        return RequestFilterAction.stopWith(ResponseDefinitionBuilder.responseDefinition().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Forbidden: " + why + "\"}").build());
    }

}
