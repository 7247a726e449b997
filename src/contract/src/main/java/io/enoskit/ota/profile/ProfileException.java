package io.enoskit.ota.profile;

/**
 * A profile that cannot be used: not found, not YAML, an unknown setting, a value the setting does not take, or a
 * source without what its kind needs. The message names the file, the setting and the allowed values, e.g.
 * {@code gateway.yaml: errors.httpStatus must be an HTTP status from 200 to 599, was 99}.
 */
public final class ProfileException extends RuntimeException {
    public ProfileException(String message) {
        super(message);
    }

    public ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
