package io.enoskit.ota.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Every job the conformance run created on a target other than the mock, so the run's summary can list them:
 * a team checking a real gateway must know what it left behind. Thread-safe.
 */
final class CreatedJobs {
    private static final List<String> CREATED = new ArrayList<>();

    private CreatedJobs() {
    }

    static void record(TargetConfig target, String jobId) {
        if (target.isMock() || jobId == null) {
            return;
        }
        synchronized (CREATED) {
            CREATED.add(target.baseUrl() + " org " + target.orgId() + " job " + jobId);
        }
    }

    /** Forgets what earlier runs in this JVM created. */
    static void clear() {
        synchronized (CREATED) {
            CREATED.clear();
        }
    }

    /** What was created so far, oldest first. */
    static List<String> all() {
        synchronized (CREATED) {
            return List.copyOf(CREATED);
        }
    }
}
