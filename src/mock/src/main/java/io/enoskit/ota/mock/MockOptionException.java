package io.enoskit.ota.mock;

/**
 * A value {@link MockOptions} refuses, thrown by the builder method given it (or by {@link OtaMockServer#start} for a
 * rule between two settings): {@code MockOptions.port must be from 0 to 65535, was 70000}.
 */
public final class MockOptionException extends OptionException {
    /**
     * @param setting the builder method, e.g. {@code maxBodyBytes}
     * @param rule    what the value must be and what it was, e.g. {@code must be at least 1, was 0}
     */
    public MockOptionException(String setting, String rule) {
        super("MockOptions", setting, rule);
    }
}
