package io.enoskit.ota.mock;

/**
 * A value {@link MockOptions} refuses, thrown by the builder method given it (or by {@link OtaMockServer#start} for a
 * rule between two settings). The message is the method's name and the rule, one sentence:
 * {@code MockOptions.port must be from 0 to 65535, was 70000}. The command line shows the same rule under its
 * option's name ({@code --port must be from 0 to 65535, was 70000}), so the two cannot word a limit differently.
 */
public final class MockOptionException extends IllegalArgumentException {
    private final String setting;
    private final String rule;

    /**
     * @param setting the builder method, e.g. {@code maxBodyBytes}
     * @param rule    what the value must be and what it was, e.g. {@code must be at least 1, was 0}
     */
    public MockOptionException(String setting, String rule) {
        super("MockOptions." + setting + " " + rule);
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
