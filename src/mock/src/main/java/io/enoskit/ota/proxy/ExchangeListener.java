package io.enoskit.ota.proxy;

/**
 * Receives every exchange the proxy forwarded, once it is checked: the place to plug in what else should learn from
 * the traffic (an observed behaviour profile, a recorder). Called on the proxy's one checking thread, in the order the
 * answers completed, never on a thread that serves a client: a slow listener delays the reports, not the traffic.
 * An exception it throws is logged and does not stop the proxy.
 */
@FunctionalInterface
public interface ExchangeListener {
    /** @param exchange the exchange, credentials masked, with the operation it named and what the checks found */
    void exchanged(CheckedExchange exchange);
}
