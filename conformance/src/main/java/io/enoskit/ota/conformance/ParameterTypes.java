package io.enoskit.ota.conformance;

import io.cucumber.java.ParameterType;

/** Cucumber parameter types of the features: {@code {firmware}} and {@code {jobType}}. */
public final class ParameterTypes {
    /** A firmware by the role it plays; the target's fixtures say which firmware id plays it. */
    public enum FirmwareRole { READY, UNVERIFIED, MISSING }

    /** The two shapes of the create body. */
    public enum JobType { UPGRADE, VERIFICATION }

    @ParameterType("ready|unverified|missing")
    public FirmwareRole firmware(String role) {
        return FirmwareRole.valueOf(role.toUpperCase(java.util.Locale.ROOT));
    }

    @ParameterType("upgrade|verification")
    public JobType jobType(String type) {
        return JobType.valueOf(type.toUpperCase(java.util.Locale.ROOT));
    }
}
