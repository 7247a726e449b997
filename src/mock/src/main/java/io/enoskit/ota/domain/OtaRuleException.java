package io.enoskit.ota.domain;

/**
 * A documented rule of the OTA job API was broken; carries the EnOS code and the filled-in message.
 */
public final class OtaRuleException extends RuntimeException {
    private final OtaError error;
    private final Object[] arguments;

    public OtaRuleException(OtaError error, Object... args) {
        super(error.message(args), null, false, false);
        this.error = error;
        this.arguments = args.clone();
    }

    /** The arguments of the message template, for an answer that words the message otherwise (a profile's). */
    public Object[] arguments() {
        return arguments.clone();
    }

    public OtaError error() {
        return error;
    }

    /** The EnOS {@code code}. */
    public int code() {
        return error.code();
    }
}
