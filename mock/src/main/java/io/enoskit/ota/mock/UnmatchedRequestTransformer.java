package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.contract.Violation;
import java.util.List;

/**
 * Answers every request that no operation's stub mapping took (the catch-all stub mapping, lowest priority),
 * so that a wrong {@code action}, path or method still gets an EnOS envelope saying why: 99400 naming the
 * broken parameter, or 99404 (HTTP 404) when no operation of the spec has that path and method.
 * Stub mappings name it as {@value #NAME}. Built by {@link OtaMockExtensions}; do not register it alone.
 */
public final class UnmatchedRequestTransformer extends OperationTransformer {
    public static final String NAME = "enos-unmatched-request";

    UnmatchedRequestTransformer(ContractCheck contract) {
        super(NAME, contract, new FaultPlan());
    }

    @Override
    Object serve(ValidRequest call) {
        throw new ContractViolation(List.of(new Violation("path", "no stub mapping serves this path and method;"
                + " the API's operations are POST and GET on /connect-service/v2.1/ota-jobs")), true);
    }
}
