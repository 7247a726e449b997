package io.enoskit.ota.conformance;

import org.opentest4j.TestAbortedException;

/**
 * A call that got no answer: the connection was refused or dropped, or the target did not answer within the
 * timeout. The scenario cannot judge the rule, so it is reported as skipped with this reason, and the run ends with
 * the exit code for "could not judge" rather than "a rule failed".
 */
final class TargetSilent extends TestAbortedException {
    TargetSilent(String reason) {
        super(reason);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    @Override
    public String toString() {
        return "Could not judge: " + getMessage();
    }
}
