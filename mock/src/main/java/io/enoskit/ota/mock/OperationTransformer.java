package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.ValidRequest;

/**
 * The data path every operation of the mock shares: the request is checked against the spec, the operation
 * serves the valid request, and the outcome becomes the EnOS envelope ({@link EnvelopeResponses}).
 * Runs only where a stub mapping names it ({@code applyGlobally() == false}).
 */
abstract class OperationTransformer implements ResponseDefinitionTransformerV2 {
    private final String name;
    private final ContractCheck contract;

    OperationTransformer(String name, ContractCheck contract) {
        this.name = name;
        this.contract = contract;
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
        return EnvelopeResponses.answer(() -> serve(contract.check(WireMockRequests.of(serveEvent.getRequest()))));
    }
}
