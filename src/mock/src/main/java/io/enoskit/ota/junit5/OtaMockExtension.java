package io.enoskit.ota.junit5;

import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
import io.enoskit.ota.profile.BehaviourProfile;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The mock of the EnOS OTA Job API inside a JUnit 5 test suite, the way {@code WireMockExtension} runs WireMock:
 * <pre>{@code
 * class FirmwareClientTest {
 *     @RegisterExtension
 *     static OtaMockExtension mock = OtaMockExtension.newInstance().build();
 *
 *     @Test
 *     void createsAJob() {
 *         new FirmwareClient(mock.baseUrl()).createUpgradeJob("yourOrgId", "yourFirmwareId", "deviceKey1");
 *         assertThat(mock.jobs("yourOrgId")).hasSize(1);
 *         mock.wireMock().verify(postRequestedFor(urlPathEqualTo("/connect-service/v2.1/ota-jobs")));
 *     }
 * }
 * }</pre>
 * <ul>
 *   <li>In a {@code static} field the mock starts once for the class; in an instance field, once per test.</li>
 *   <li>It listens on a free port of the loopback address; {@link #baseUrl()} says where.</li>
 *   <li>Before each test the mock is reset (default OTA state, empty request journal, stub mappings added by a test
 *       removed), unless built with {@link Builder#keepStateBetweenTests()}.</li>
 *   <li>The request journal is on ({@value #JOURNAL_ENTRIES} entries by default), so WireMock's {@code verify(...)}
 *       works.</li>
 *   <li>A test method may also take an {@link OtaMockServer} parameter.</li>
 *   <li>The simulation clock is frozen: device tasks progress only when the test calls {@link #advanceClock}, so a
 *       test sees the same steps on any machine.</li>
 * </ul>
 * The admin operations ({@code putFirmware}, {@code jobs}, {@code completeVerification}, ...) are those of
 * {@link OtaMockServer}, reached through {@link #server()} or the shortcuts here.
 */
public final class OtaMockExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    /** Requests kept in the journal when the options given do not say otherwise, a count. */
    public static final int JOURNAL_ENTRIES = 1000;

    private final MockOptions options;
    private final boolean resetBetweenTests;
    private OtaMockServer server;
    private boolean perClass;

    private OtaMockExtension(MockOptions options, boolean resetBetweenTests) {
        this.options = options;
        this.resetBetweenTests = resetBetweenTests;
    }

    /** A builder with the defaults above. */
    public static Builder newInstance() {
        return new Builder();
    }

    /** An extension with the defaults above. */
    public static OtaMockExtension withDefaults() {
        return newInstance().build();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = OtaMockServer.start(options);
        perClass = true;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (server == null) {
            server = OtaMockServer.start(options);
        } else if (resetBetweenTests) {
            server.reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == OtaMockServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server();
    }

    /**
     * The running mock.
     *
     * @throws IllegalStateException outside a test of the class that registered the extension
     */
    public OtaMockServer server() {
        if (server == null) {
            throw new IllegalStateException("the OTA mock runs only during the tests of the class that registers it");
        }
        return server;
    }

    /** {@code http://127.0.0.1:<port>}: where the client under test sends its requests. */
    public String baseUrl() {
        return server().baseUrl();
    }

    /** The port the mock listens on. */
    public int port() {
        return server().port();
    }

    /** WireMock itself, for {@code verify(...)} and {@code stubFor(...)}. */
    public com.github.tomakehurst.wiremock.WireMockServer wireMock() {
        return server().wireMock();
    }

    /** The organization's jobs, oldest first, as Get OTA Job shows them. */
    public java.util.List<io.enoskit.ota.model.JobInfo> jobs(String orgId) {
        return server().jobs(orgId);
    }

    /** Adds a firmware, or replaces the one with the same org and id. */
    public void putFirmware(io.enoskit.ota.domain.Firmware firmware) {
        server().putFirmware(firmware);
    }

    /**
     * Moves the simulation clock on, so that device tasks progress, schedules open and timeouts fire without the
     * test sleeping; every job is brought up to the new time before this returns. A reset puts the clock back.
     *
     * @return the clock's time now, milliseconds since the epoch
     */
    public long advanceClock(java.time.Duration by) {
        return server().advanceClock(by);
    }

    /** The job's device tasks now, as Search OTA Task shows them (empty before the job's first start). */
    public java.util.List<io.enoskit.ota.model.TaskInfo> tasks(String orgId, String jobId) {
        return server().tasks(orgId, jobId);
    }

    /** Adds a device the simulation knows (its version, its outcomes), or replaces the one with the same key. */
    public void putDevice(io.enoskit.ota.domain.Device device) {
        server().putDevice(device);
    }

    /** Completes a verification job; its firmware counts as verified from now on. */
    public io.enoskit.ota.domain.Firmware completeVerification(String orgId, String jobId) {
        return server().completeVerification(orgId, jobId);
    }

    /**
     * Faults and delays for the next calls, to test the client's retries and timeouts:
     * {@code mock.faults().add(FaultRule.on("create-job").fail(FaultRule.Fault.HTTP_503).nextCalls(2))}.
     */
    public io.enoskit.ota.mock.FaultPlan faults() {
        return server().faults();
    }

    /** Back to the default state, empty journal, only the root's stub mappings. */
    public void reset() {
        server().reset();
    }

    private void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Settings of the extension. */
    public static final class Builder {
        private MockOptions options = MockOptions.mockOptions().dynamicPort().journalEntries(JOURNAL_ENTRIES)
                .frozenClock(true);
        private boolean resetBetweenTests = true;

        private Builder() {
        }

        /**
         * Changes the extension's options, which start as {@code MockOptions.mockOptions().dynamicPort()
         * .journalEntries(1000).frozenClock(true)}: {@code .configure(o -> o.lenient(true))}. The frozen clock makes
         * device tasks move only when the test calls {@link OtaMockExtension#advanceClock}; {@code
         * .configure(o -> o.frozenClock(false))} lets real time move them too.
         */
        public Builder configure(UnaryOperator<MockOptions> change) {
            this.options = change.apply(options);
            return this;
        }

        /**
         * The behaviour profile the mock follows: built-in names ({@code default}, {@code enos-2.3}, ...) or YAML
         * files, stacked on the default profile in order, a later one overriding an earlier one's settings:
         * {@code .profile("src/test/resources/our-gateway.yaml")}.
         *
         * @throws io.enoskit.ota.profile.ProfileException naming the file, the setting and the values it takes,
         *                                                 when a profile cannot be used
         */
        public Builder profile(String... namesOrFiles) {
            return profile(BehaviourProfile.of(List.of(namesOrFiles)));
        }

        /**
         * The behaviour profile the mock follows, as built in code:
         * {@code .profile(BehaviourProfile.defaults().with(ProfileLayer.parse(yaml, "inline")))}.
         */
        public Builder profile(BehaviourProfile profile) {
            this.options = options.profile(profile);
            return this;
        }

        /** What one test created is still there in the next (for a static field). */
        public Builder keepStateBetweenTests() {
            this.resetBetweenTests = false;
            return this;
        }

        public OtaMockExtension build() {
            return new OtaMockExtension(options, resetBetweenTests);
        }
    }
}
