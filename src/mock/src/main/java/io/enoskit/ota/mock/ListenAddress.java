package io.enoskit.ota.mock;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.function.BiFunction;

/**
 * The rules of where a server of the kit listens, which the mock's options ({@link MockOptions}) and the proxy's share,
 * worded once: a TCP port from {@value MockOptions#PORT_FROM} to {@value MockOptions#PORT_TO} (0 picks a free one),
 * and a bind address that resolves. A broken rule goes to the caller's refusal as (setting, rule), so that each
 * builder throws its own {@link OptionException}: {@code ProxyOptions.port must be from 0 to 65535, was 70000}.
 */
public final class ListenAddress {
    private ListenAddress() {
    }

    /**
     * @param refusal builds the builder's exception from the setting ({@code port}) and the rule
     * @return the port
     * @throws OptionException from {@code refusal} when the port is out of range
     */
    public static int port(int port, BiFunction<String, String, ? extends OptionException> refusal) {
        if (port < MockOptions.PORT_FROM || port > MockOptions.PORT_TO) {
            throw refusal.apply("port", "must be from " + MockOptions.PORT_FROM + " to " + MockOptions.PORT_TO
                    + ", was " + port);
        }
        return port;
    }

    /**
     * The address an IP address or host name stands for now (a name may resolve to another address later, so callers
     * resolve again when they need the address, not only when given the name).
     *
     * @param refusal builds the builder's exception from the setting ({@code bindAddress}) and the rule
     * @throws OptionException from {@code refusal} when the name does not resolve
     */
    public static InetAddress resolve(String bindAddress,
                                      BiFunction<String, String, ? extends OptionException> refusal) {
        try {
            return InetAddress.getByName(bindAddress);
        } catch (UnknownHostException unknown) {
            throw refusal.apply("bindAddress", "must be an address of this machine or a name that resolves to one,"
                    + " was " + bindAddress + ", which does not resolve");
        }
    }
}
