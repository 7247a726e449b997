package io.enoskit.ota.conformance;

import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;

/** The kit's own mock as a target: started on a free port on first use, stopped when the JVM ends. */
final class MockTarget {
    private static OtaMockServer mock;

    private MockTarget() {
    }

    static synchronized String baseUrl() {
        if (mock == null) {
            mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().journalEntries(0));
            OtaMockServer started = mock;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "ota-mock-target-stop"));
        }
        return mock.baseUrl();
    }
}
