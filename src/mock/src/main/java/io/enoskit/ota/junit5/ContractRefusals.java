package io.enoskit.ota.junit5;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.domain.OtaError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps the API requests the mock answered with a contract refusal, for {@link OtaMockExtension}'s
 * {@code failOnContractViolations}. A refusal is an answer whose envelope code says the request itself is wrong,
 * whatever the mock's state: 99400 (the spec check: a missing, blank or ill-typed field, an unknown field, a value
 * outside its enum or range) and 99404 (no operation has that path, method and action). Business errors (24xxx)
 * are not: they answer a well-formed request from the state a test set up, often on purpose; nor are 99403 (an
 * organization the profile denies) and a gateway 401 (credentials are the suite's configuration, not the client's
 * request).
 * <p>
 * It listens before the answer is sent, so a refusal is kept before the client sees it and the check after the test
 * never misses one. It works with WireMock's request journal off. Thread-safe.
 */
final class ContractRefusals implements ServeEventListener {
    static final String NAME = "enos-ota-contract-refusals";
    private static final Set<Integer> REFUSALS = Set.of(OtaError.INVALID_ARGUMENT.code(),
            OtaError.NO_SUCH_OPERATION.code());
    private final List<ContractRefusal> seen = new ArrayList<>();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public void beforeResponseSent(ServeEvent event, Parameters parameters) {
        LoggedResponse response = event.getResponse();
        JsonNode envelope = response == null ? null : envelope(response.getBodyAsString());
        if (envelope == null || !REFUSALS.contains(envelope.get("code").asInt())) {
            return;
        }
        LoggedRequest request = event.getRequest();
        String body = request.getBodyAsString() == null ? "" : request.getBodyAsString();
        ContractRefusal refusal = new ContractRefusal(request.getMethod().getName(), request.getUrl(),
                body.length() <= ContractRefusal.MAX_BODY_CHARS ? body
                        : body.substring(0, ContractRefusal.MAX_BODY_CHARS) + "...",
                envelope.get("code").asInt(), envelope.path("msg").asText(""));
        synchronized (seen) {
            seen.add(refusal);
        }
    }

    /** The refusals kept since the last {@link #clear()}, oldest first. */
    List<ContractRefusal> all() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    void clear() {
        synchronized (seen) {
            seen.clear();
        }
    }

    /** The body as an EnOS envelope (an object with a numeric {@code code}), or null when it is none. */
    private static JsonNode envelope(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = Json.mapper().readTree(body);
            return node != null && node.path("code").isIntegralNumber() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }
}
