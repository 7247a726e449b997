package io.enoskit.ota.proxy;

import io.enoskit.ota.contract.Operation;
import java.util.List;
import java.util.Optional;

/**
 * An exchange as the proxy judged it.
 *
 * @param exchange  the call and the answer, credentials masked
 * @param operation the operation it named, empty when it named none of the spec (then it was forwarded, not checked)
 * @param findings  what the checks found, findings and observations; empty when all was as documented
 */
public record CheckedExchange(Exchange exchange, Optional<Operation> operation, List<Finding> findings) {
}
