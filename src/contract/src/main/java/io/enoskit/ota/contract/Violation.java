package io.enoskit.ota.contract;

/**
 * One way a request breaks the spec.
 *
 * @param field the field or parameter, as a dotted path ({@code upgradeScope.type}), a query parameter name
 *              ({@code orgId}), {@code Content-Type} or {@code body}
 * @param rule  what is wrong with it, in words
 */
public record Violation(String field, String rule) {
    /** {@code field: rule}, the form used in the 99400 message. */
    @Override
    public String toString() {
        return field + ": " + rule;
    }
}
