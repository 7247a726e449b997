package io.enoskit.ota.contract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request that the spec rejects. {@link #operationMissing()} tells a request that names no operation of the
 * spec (unknown path or method: 99404) from one that breaks an operation's rules (99400).
 */
public final class ContractViolation extends RuntimeException {
    private final List<Violation> violations;
    private final boolean operationMissing;

    public ContractViolation(List<Violation> violations, boolean operationMissing) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")), null, false, false);
        this.violations = List.copyOf(violations);
        this.operationMissing = operationMissing;
    }

    /** What is wrong, at least one entry, in the order the checks found them. */
    public List<Violation> violations() {
        return violations;
    }

    /** True when the path or method matches no operation of the spec. */
    public boolean operationMissing() {
        return operationMissing;
    }
}
