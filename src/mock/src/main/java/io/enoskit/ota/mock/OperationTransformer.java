package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.EnosRelease;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.HttpRequest;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.contract.PagedEnvelope;
import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.contract.Violation;
import io.enoskit.ota.domain.OtaError;
import io.enoskit.ota.domain.OtaRuleException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The data path every operation of the mock shares: the request is routed ({@link OperationRoutes}: path, action and
 * the methods the behaviour profile accepts), checked against the spec as the operation documents it, served, and
 * the outcome becomes the EnOS envelope ({@link EnvelopeResponses}). A fault rule ({@link FaultPlan}) that covers
 * the call answers it instead, or delays the answer. A request whose method the profile does not accept for the
 * action is answered as one naming no operation. Runs only where a stub mapping names it
 * ({@code applyGlobally() == false}).
 */
abstract class OperationTransformer implements ResponseDefinitionTransformerV2 {
    private final String name;
    private final Supplier<ContractCheck> contract;
    private final OperationContext context;

    OperationTransformer(String name, Supplier<ContractCheck> contract, OperationContext context) {
        this.name = name;
        this.contract = contract;
        this.context = context;
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
        Optional<Operation> operation = context.routes().operation(request);
        if (operation.isEmpty()) {
            return context.responses().answer(() -> refuse(request));
        }
        Optional<FaultPlan.Decision> decision = context.faults().decide(operation.get());
        if (decision.isPresent() && decision.get().fault() != null) {
            return delayed(FaultPlan.answer(decision.get().fault(), context.responses()), decision.get().delayMs());
        }
        ResponseDefinition answer = context.responses().answer(() -> respond(request, operation.get()));
        return decision.map(delay -> delayed(answer, delay.delayMs())).orElse(answer);
    }

    /**
     * The operation on the request as the spec documents it (a Get OTA Job sent as POST is checked as the GET the
     * page describes): an organization the profile refuses gets 99403 first, then the spec check, then
     * {@link #serve}.
     */
    Object respond(Request request, Operation operation) {
        HttpRequest documented = WireMockRequests.of(request).withMethod(operation.method());
        List<String> orgIds = documented.query().get("orgId");
        String orgId = orgIds == null || orgIds.isEmpty() ? null : orgIds.get(0);
        if (context.deniesOrganization(orgId)) {
            throw new OtaRuleException(OtaError.DENIED_RESOURCE, "orgId " + orgId);
        }
        Object data = respond(request, documented);
        EnosRelease release = EnosRelease.of(context.profile().enosVersion());
        return release.lacksAny() ? answered(release, operation, data) : data;
    }

    /**
     * {@code data}, or each record of a search's page, as the release the mock serves answers it (fields of a later
     * release left out, {@link EnosRelease#answer}); each record is first made the tree this mock writes, so the
     * nulls of {@code answers.unsetFields: null} survive.
     */
    private Object answered(EnosRelease release, Operation operation, Object data) {
        if (!(data instanceof PagedEnvelope paged)) {
            return data == null ? null : release.answer(operation, context.responses().tree(data));
        }
        ArrayNode records = Json.mapper().createArrayNode();
        paged.data().forEach(record -> records.add(context.responses().tree(record)));
        List<JsonNode> trimmed = new ArrayList<>();
        ((JsonNode) release.answer(operation, records)).forEach(trimmed::add);
        return new PagedEnvelope(paged.code(), paged.msg(), paged.requestId(), trimmed, paged.pagination());
    }

    /**
     * The operation on the request as received and as documented; by default {@link #respond(HttpRequest)}. Create
     * Firmware File reads the received body's bytes (a multipart upload is no text).
     */
    Object respond(Request received, HttpRequest documented) {
        return respond(documented);
    }

    /** The spec check, then {@link #serve}; Create OTA Job orders its checks itself. */
    Object respond(HttpRequest documented) {
        return serve(check(documented));
    }

    /** The spec check of a request. */
    final ValidRequest check(HttpRequest documented) {
        return contract.get().check(documented);
    }

    /** The spec check of the operation's document, for a check of its own (a multipart body's JSON part). */
    final ContractCheck contractCheck() {
        return contract.get();
    }

    /** What the operations share. */
    final OperationContext context() {
        return context;
    }

    /**
     * A request that names no operation the profile accepts: 99400 naming the {@code action} when the path takes
     * other actions by that method, else the spec check's 99404 (no operation has that path and method), else
     * 99404 saying no stub mapping serves it.
     */
    private Object refuse(Request request) {
        Optional<ContractViolation> wrongAction = context.routes().refusal(request);
        if (wrongAction.isPresent()) {
            Optional<Operation> byOtherMethod = context.routes().byOtherMethod(request);
            if (byOtherMethod.isPresent() && context.profile().refusesMethodsAsNoSuchOperation()) {
                throw new ContractViolation(List.of(new Violation("action", request.getMethod() + " "
                        + byOtherMethod.get().action() + " (the profile's methods.* settings do not take "
                        + request.getMethod() + " for it)")), true);
            }
            throw wrongAction.get();
        }
        check(WireMockRequests.of(request));
        throw new ContractViolation(List.of(new Violation("path", "no stub mapping serves " + request.getMethod()
                + " on this path; the API's operations are on " + Operation.JOBS + " and " + Operation.FIRMWARES
                + " (a root dir's stub mapping takes every method, \"ANY\", as the kit's stubs/mappings do)")), true);
    }

    private static ResponseDefinition delayed(ResponseDefinition answer, int delayMs) {
        return delayMs <= 0 ? answer : ResponseDefinitionBuilder.like(answer).but().withFixedDelay(delayMs).build();
    }
}
