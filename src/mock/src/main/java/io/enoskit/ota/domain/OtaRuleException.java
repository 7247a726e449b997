package io.enoskit.ota.domain;

/**
 * A documented rule of the OTA job API was broken; carries the EnOS code and the filled-in message.
 */
public final class OtaRuleException extends RuntimeException {
    private final OtaError error;

    public OtaRuleException(OtaError error, Object... args) {
        super(error.message(args), null, false, false);
        this.error = error;
    }

    public OtaError error() {
        return error;
    }

    /** The EnOS {@code code}. */
    public int code() {
        return error.code();
    }
}
