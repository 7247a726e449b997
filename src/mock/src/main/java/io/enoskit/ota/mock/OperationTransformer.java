package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.EnosRelease;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.contract.PagedEnvelope;
import io.enoskit.ota.contract.ValidRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The data path every operation of the mock shares: the request is checked against the spec, the operation
 * serves the valid request, and the outcome becomes the EnOS envelope ({@link EnvelopeResponses}). A fault rule
 * ({@link FaultPlan}) that covers the call answers it instead, or delays the answer.
 * Runs only where a stub mapping names it ({@code applyGlobally() == false}).
 */
abstract class OperationTransformer implements ResponseDefinitionTransformerV2 {
    private final String name;
    private final java.util.function.Supplier<ContractCheck> contract;
    private final FaultPlan faults;

    OperationTransformer(String name, java.util.function.Supplier<ContractCheck> contract, FaultPlan faults) {
        this.name = name;
        this.contract = contract;
        this.faults = faults;
    }

    /** The operation on a request that passed the spec; returns {@code data} or throws a documented error. */
    abstract Object serve(ValidRequest call);

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final boolean applyGlobally() {
        return false;
    }

    @Override
    public final ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        Optional<FaultPlan.Decision> decision = operation(request).flatMap(faults::decide);
        if (decision.isPresent() && decision.get().fault() != null) {
            return delayed(FaultPlan.answer(decision.get().fault()), decision.get().delayMs());
        }
        ResponseDefinition answer = EnvelopeResponses.answer(() -> respond(request));
        return decision.map(delay -> delayed(answer, delay.delayMs())).orElse(answer);
    }

    /**
     * The spec check, then {@link #serve}, then the answer as the release of the check has it (fields of a later
     * release left out, {@link EnosRelease#answer}); the catch-all checks the {@code action} first.
     */
    Object respond(Request request) {
        ValidRequest call = contract.get().check(WireMockRequests.of(request));
        Object data = serve(call);
        EnosRelease release = EnosRelease.of(call.release());
        return operation(request).map(operation -> answered(release, operation, data)).orElse(data);
    }

    /** {@code data}, or each record of a search's page, as the release answers it. */
    private static Object answered(EnosRelease release, Operation operation, Object data) {
        if (!(data instanceof PagedEnvelope paged)) {
            return release.answer(operation, data);
        }
        Object records = release.answer(operation, paged.data());
        if (records == paged.data()) {
            return paged;
        }
        List<JsonNode> trimmed = new ArrayList<>();
        ((JsonNode) records).forEach(trimmed::add);
        return new PagedEnvelope(paged.code(), paged.msg(), paged.requestId(), trimmed, paged.pagination());
    }

    static Optional<Operation> operation(Request request) {
        String url = request.getUrl();
        QueryParameter action = Urls.splitQueryFromUrl(url).get("action");
        return Operation.of(request.getMethod().getName(), Urls.getPath(url),
                action == null || !action.isPresent() ? "" : action.firstValue());
    }

    private static ResponseDefinition delayed(ResponseDefinition answer, int delayMs) {
        return delayMs <= 0 ? answer : ResponseDefinitionBuilder.like(answer).but().withFixedDelay(delayMs).build();
    }
}
