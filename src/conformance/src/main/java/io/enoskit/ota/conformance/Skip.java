package io.enoskit.ota.conformance;

import org.opentest4j.TestAbortedException;

/**
 * A scenario that cannot run against this target, with the reason in words. Cucumber reports it as skipped; the
 * report shows the reason alone (no exception class, no stack trace), since a skip is not a crash.
 */
final class Skip extends TestAbortedException {
    Skip(String reason) {
        super(reason);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    @Override
    public String toString() {
        return "Skipped: " + getMessage();
    }
}
