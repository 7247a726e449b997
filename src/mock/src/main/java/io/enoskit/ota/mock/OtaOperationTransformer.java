package io.enoskit.ota.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.EnosRelease;
import io.enoskit.ota.contract.HttpRequest;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.OpenApiContract;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.contract.PagedEnvelope;
import io.enoskit.ota.contract.Violation;
import io.enoskit.ota.domain.OtaError;
import io.enoskit.ota.domain.OtaRuleException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The one transformer of the API's operations, {@value #NAME}. A stub mapping names the operation it serves in
 * WireMock's {@code transformerParameters}, as {@code {"operation": "<id>"}} ({@link Operation#id()}); the catch-all
 * mapping names none. The request is routed once ({@link OperationRoutes}: path, action and the methods the
 * behaviour profile accepts); when that is the mapping's operation, a fault rule ({@link FaultPlan}) may answer or
 * delay it, else its {@link OperationHandler} serves it after the spec check, and the outcome becomes the EnOS
 * envelope ({@link EnvelopeResponses}). A request that names no operation gets 99400 on {@code action} or 99404; one
 * that reached a mapping of another operation, or the catch-all, gets 99404 saying no mapping serves it. Runs only
 * where a stub mapping names it ({@code applyGlobally() == false}).
 */
final class OtaOperationTransformer implements ResponseDefinitionTransformerV2 {
    /** The name stub mappings give in {@code "transformers"}. */
    static final String NAME = "enos-ota";
    /** The key in a stub mapping's {@code transformerParameters} whose value is the operation's id. */
    static final String OPERATION = "operation";
    private final Map<Operation, OperationHandler> handlers;
    private final Function<String, ContractCheck> checks;
    private final OperationContext context;
    private final EnosRelease release;

    /**
     * @param handlers the handler of each operation, every operation of {@link Operation} present
     * @param checks   the spec check of a spec document ({@link Operation#document()})
     * @throws IllegalArgumentException when an operation has no handler
     */
    OtaOperationTransformer(Map<Operation, OperationHandler> handlers, Function<String, ContractCheck> checks,
                            OperationContext context) {
        Set<Operation> unserved = EnumSet.allOf(Operation.class);
        unserved.removeAll(handlers.keySet());
        if (!unserved.isEmpty()) {
            throw new IllegalArgumentException("no handler serves " + unserved);
        }
        this.handlers = new EnumMap<>(handlers);
        this.checks = checks;
        this.context = context;
        this.release = EnosRelease.of(context.profile().enosVersion());
    }

    /**
     * The operation a stub mapping's {@code transformerParameters} name; empty when they name none (the catch-all)
     * or name something that is no operation's id ({@link StubRootCheck} refuses that mapping at start-up).
     */
    static Optional<Operation> served(Parameters parameters) {
        return named(parameters).flatMap(Operation::byId);
    }

    /** The value of a stub mapping's {@value #OPERATION} parameter, as written; empty when it has none. */
    static Optional<String> named(Parameters parameters) {
        return parameters == null || parameters.get(OPERATION) == null ? Optional.empty()
                : Optional.of(String.valueOf(parameters.get(OPERATION)));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        Optional<Operation> routed = context.routes().operation(request);
        if (routed.isEmpty()) {
            return context.responses().answer(() -> refuse(request));
        }
        Operation operation = routed.get();
        Optional<Operation> served = served(serveEvent.getTransformerParameters());
        if (!served.equals(routed)) {
            return context.responses().answer(() -> notServed(operation, serveEvent.getStubMapping(), served));
        }
        Optional<FaultPlan.Decision> decision = context.faults().decide(operation);
        if (decision.isPresent() && decision.get().fault() != null) {
            return delayed(FaultPlan.answer(decision.get().fault(), context.responses()), decision.get().delayMs());
        }
        ResponseDefinition answer = context.responses().answer(() -> respond(request, operation));
        return decision.map(delay -> delayed(answer, delay.delayMs())).orElse(answer);
    }

    /**
     * The operation on the request as the spec documents it (a Get OTA Job sent as POST is checked as the GET the
     * page describes): an organization the profile refuses gets 99403 first, then the operation's handler.
     */
    private Object respond(Request request, Operation operation) {
        HttpRequest documented = WireMockRequests.of(request).withMethod(operation.method());
        List<String> orgIds = documented.query().get("orgId");
        String orgId = orgIds == null || orgIds.isEmpty() ? null : orgIds.get(0);
        if (context.deniesOrganization(orgId)) {
            throw new OtaRuleException(OtaError.DENIED_RESOURCE, "orgId " + orgId);
        }
        Object data = handlers.get(operation)
                .respond(new OperationCall(request, documented, checks.apply(operation.document())));
        return release.lacksAny() ? answered(operation, data) : data;
    }

    /**
     * {@code data}, or each record of a search's page, as the release the mock serves answers it (fields of a later
     * release left out, {@link EnosRelease#answer}); each record is first made the tree this mock writes, so the
     * nulls of {@code answers.unsetFields: null} survive.
     */
    private Object answered(Operation operation, Object data) {
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
        checks.apply(OpenApiContract.SPEC_RESOURCE).check(WireMockRequests.of(request));
        throw new ContractViolation(List.of(new Violation("path", "no stub mapping serves " + request.getMethod()
                + " on this path; the API's operations are on " + Operation.JOBS + " and " + Operation.FIRMWARES
                + " (a root dir's stub mapping takes every method, \"ANY\", as the kit's stubs/mappings do)")), true);
    }

    /**
     * A request naming an operation that reached the catch-all, or the mapping of another operation (a root dir's
     * mapping whose request pattern takes more than its operation): 99404, as for an operation the mock lacks.
     */
    private static Object notServed(Operation operation, StubMapping mapping, Optional<Operation> served) {
        String which = served.isPresent()
                ? "; the stub mapping " + StubRootCheck.describe(mapping) + " that took it serves " + served.get().id()
                + " (its transformerParameters.operation), so its request pattern should match only action="
                + served.get().action()
                : " by this method (the kit's stubs/mappings take every method, \"ANY\", and the behaviour profile's"
                + " methods.* settings choose)";
        throw new ContractViolation(List.of(new Violation("path", "no stub mapping of the root dir serves "
                + operation.id() + which)), true);
    }

    private static ResponseDefinition delayed(ResponseDefinition answer, int delayMs) {
        return delayMs <= 0 ? answer : ResponseDefinitionBuilder.like(answer).but().withFixedDelay(delayMs).build();
    }
}
