package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.contract.Violation;
import java.util.List;
import java.util.function.Supplier;

/**
 * Answers every request that no operation's stub mapping took (the catch-all stub mapping, lowest priority),
 * so that a wrong {@code action}, path or method still gets an EnOS envelope saying why: 99400 naming the
 * {@code action} and the actions the path takes by that method (the behaviour profile's methods) when the path
 * takes some, or 99404 (HTTP 404) when no operation has that path and method. A request that names an operation
 * the profile accepts but reached no operation's stub mapping (a root dir whose mappings name one method) is 99404
 * too, saying so.
 * Stub mappings name it as {@value #NAME}. Built by {@link MockWiring}; do not register it alone.
 */
public final class UnmatchedRequestTransformer extends OperationTransformer {
    public static final String NAME = "enos-unmatched-request";

    UnmatchedRequestTransformer(Supplier<ContractCheck> contract, OperationContext context) {
        super(NAME, contract, context);
    }

    @Override
    Object serve(ValidRequest call) {
        throw new ContractViolation(List.of(new Violation("path", "no stub mapping of the root dir serves this"
                + " operation by this method (the kit's stubs/mappings take every method, \"ANY\", and the behaviour"
                + " profile's methods.* settings choose)")), true);
    }
}
