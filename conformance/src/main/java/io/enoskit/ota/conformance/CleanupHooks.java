package io.enoskit.ota.conformance;

import io.cucumber.java.AfterAll;

/** At the end of a run, removes the jobs it created on a foreign target ({@link CreatedJobs}). */
public final class CleanupHooks {
    @AfterAll
    public static void removeCreatedJobs() {
        CreatedJobs.removeAll();
    }
}
