package io.enoskit.ota.junit5;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.enoskit.ota.mock.OtaMockServer;

/**
 * Where the mock of a test runs and how to reach its state, as {@code WireMockRuntimeInfo} is for WireMock: a test
 * method of a class annotated {@link OtaMockTest} (or registering {@link OtaMockExtension}) takes it as a parameter.
 * <pre>{@code
 * @OtaMockTest
 * class OtaJobsTest {
 *     @Test
 *     void createsAJob(OtaMockRuntimeInfo mock) {
 *         new FirmwareClient(mock.baseUrl()).createUpgradeJob("yourOrgId", "yourFirmwareId", "deviceKey1");
 *         assertEquals(1, mock.server().jobs("yourOrgId").size());
 *     }
 * }
 * }</pre>
 *
 * @param server the running mock: its state (jobs, firmware, devices), clock, faults and WireMock itself
 */
public record OtaMockRuntimeInfo(OtaMockServer server) {
    /** {@code http://127.0.0.1:<port>}: where the client under test sends its requests. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** The port the mock listens on, chosen free at start. */
    public int port() {
        return server.port();
    }

    /** WireMock itself, for {@code verify(...)} and {@code stubFor(...)}. */
    public WireMockServer wireMock() {
        return server.wireMock();
    }
}
