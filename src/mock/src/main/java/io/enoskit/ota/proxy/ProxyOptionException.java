package io.enoskit.ota.proxy;

import io.enoskit.ota.mock.OptionException;

/** A proxy setting out of its range, named after the {@link ProxyOptions} method that sets it. */
public final class ProxyOptionException extends OptionException {
    ProxyOptionException(String setting, String rule) {
        super("ProxyOptions", setting, rule);
    }
}
