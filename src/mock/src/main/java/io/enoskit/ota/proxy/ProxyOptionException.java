package io.enoskit.ota.proxy;

/** A proxy setting out of its range, named after the {@link ProxyOptions} method that sets it. */
public final class ProxyOptionException extends IllegalArgumentException {
    private final String setting;
    private final String rule;

    ProxyOptionException(String setting, String rule) {
        super("ProxyOptions." + setting + " " + rule);
        this.setting = setting;
        this.rule = rule;
    }

    /** The builder method's name ({@code timeout}). */
    public String setting() {
        return setting;
    }

    /** What the value must be, and what it was. */
    public String rule() {
        return rule;
    }
}
