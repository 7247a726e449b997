package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.domain.OtaRuleException;

/**
 * Serves one operation of the API for {@link OtaOperationTransformer}, which picks it by the request's
 * {@link Operation}: the map of handlers is built once, in {@link MockWiring}.
 */
@FunctionalInterface
interface OperationHandler {
    /**
     * The operation on one request.
     *
     * @return the envelope's {@code data} (null for {@code data: null}, a {@code PagedEnvelope} for a search)
     * @throws ContractViolation 99400 naming the field and the rule
     * @throws OtaRuleException  the documented code of a rule the store enforces
     */
    Object respond(OperationCall call);

    /** A handler that serves a request once the spec check let it through, as most operations do. */
    @FunctionalInterface
    interface Checked extends OperationHandler {
        /** The operation on a request that passed the spec; returns {@code data} or throws a documented error. */
        Object serve(ValidRequest call);

        @Override
        default Object respond(OperationCall call) {
            return serve(call.check());
        }
    }
}
