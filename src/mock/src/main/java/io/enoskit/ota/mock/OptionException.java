package io.enoskit.ota.mock;

/**
 * A value a builder of options refuses ({@link MockOptions}, the proxy's options), thrown by the builder method given
 * it. The message is the builder's and the method's name and the rule, one sentence:
 * {@code MockOptions.port must be from 0 to 65535, was 70000}. The command line shows the same rule under its
 * option's name ({@code --port must be from 0 to 65535, was 70000}), so the two cannot word a limit differently.
 */
public abstract class OptionException extends IllegalArgumentException {
    private final String setting;
    private final String rule;

    /**
     * @param builder the options class, e.g. {@code MockOptions}
     * @param setting the builder method, e.g. {@code maxBodyBytes}
     * @param rule    what the value must be and what it was, e.g. {@code must be at least 1, was 0}
     */
    protected OptionException(String builder, String setting, String rule) {
        super(builder + "." + setting + " " + rule);
        this.setting = setting;
        this.rule = rule;
    }

    /** The builder method that refused the value, e.g. {@code maxBodyBytes}. */
    public String setting() {
        return setting;
    }

    /** What the value must be and what it was, e.g. {@code must be at least 1, was 0}. */
    public String rule() {
        return rule;
    }
}
