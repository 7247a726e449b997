package io.enoskit.ota.junit5;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.enoskit.ota.domain.Device;
import io.enoskit.ota.domain.Firmware;
import io.enoskit.ota.mock.FaultPlan;
import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
import io.enoskit.ota.model.JobInfo;
import io.enoskit.ota.model.TaskInfo;
import io.enoskit.ota.profile.BehaviourProfile;
import io.enoskit.ota.profile.EnosVersion;
import io.enoskit.ota.profile.ProfileException;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The mock inside a JUnit 5 suite, as {@code WireMockExtension} runs WireMock: a {@code static} field starts it once
 * per class, an instance field once per test, on a free loopback port ({@link #baseUrl()}). Each test starts from the
 * default state (unless {@link Builder#keepStateBetweenTests()}) on a frozen clock that only {@link #advanceClock}
 * moves, so a test sees the same task steps on any machine; {@link Builder#failOnContractViolations()} fails a test
 * whose client sent what the contract refuses. {@link OtaMockTest} declares the same without a field.
 */
public final class OtaMockExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    /** Requests kept in the journal when the options given do not say otherwise, a count. */
    public static final int JOURNAL_ENTRIES = 1000;

    /** Null until {@link OtaMockTest}'s attributes are read, for an extension declared by the annotation. */
    private Settings settings;
    private OtaMockServer server;
    /** The test class whose beforeAll started the server; a {@code @Nested} class's beforeAll leaves it running. */
    private String startedBy;
    private boolean perClass;

    private OtaMockExtension(Settings settings) {
        this.settings = settings;
    }

    /** Made by JUnit for {@link OtaMockTest}, whose attributes the first callback reads. */
    OtaMockExtension() {
        this(null);
    }

    /** What the builder decided, fixed once the extension is built. */
    private record Settings(MockOptions options, boolean resetBetweenTests, boolean failOnContractViolations,
                            ContractRefusals refusals) {
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
        if (server == null) {
            server = OtaMockServer.start(settings(context).options());
            startedBy = context.getUniqueId();
            perClass = true;
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (server == null) {
            server = OtaMockServer.start(settings(context).options());
        } else if (settings.resetBetweenTests()) {
            server.reset();
        }
        settings.refusals().clear();
    }

    /**
     * Stops a mock started for this test; with {@code failOnContractViolations}, then fails the test when its client
     * sent a request the contract refused.
     *
     * @throws AssertionError listing each refused request: method, path and query, code, the field and rule, body
     */
    @Override
    public void afterEach(ExtensionContext context) {
        List<ContractRefusal> refused = settings.refusals().all();
        if (!perClass) {
            stop();
        }
        if (settings.failOnContractViolations() && !refused.isEmpty()) {
            throw new AssertionError("The client under test sent " + refused.size() + " request"
                    + (refused.size() == 1 ? "" : "s") + " the contract refuses (failOnContractViolations):\n"
                    + refused.stream().map(refusal -> "  " + refusal).collect(Collectors.joining("\n")));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(startedBy)) {
            stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == OtaMockServer.class || type == OtaMockRuntimeInfo.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == OtaMockRuntimeInfo.class ? runtimeInfo() : server();
    }

    /** The settings, read from the test class's {@link OtaMockTest} the first time when declared by it. */
    private Settings settings(ExtensionContext context) {
        if (settings == null) {
            OtaMockTest declared = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), OtaMockTest.class)
                    .orElseThrow(() -> new IllegalStateException("OtaMockExtension is registered with @ExtendWith"
                            + " on " + context.getRequiredTestClass().getName() + ": annotate the class with"
                            + " @OtaMockTest, or use a @RegisterExtension field built by OtaMockExtension.newInstance()"));
            Builder builder = newInstance();
            if (declared.profile().length > 0) {
                builder.profile(declared.profile());
            }
            if (!declared.enosVersion().isEmpty()) {
                builder.enosVersion(declared.enosVersion());
            }
            if (declared.failOnContractViolations()) {
                builder.failOnContractViolations();
            }
            settings = builder.build().settings;
        }
        return settings;
    }

    /** Base URL, port and state of the running mock, as a test method's parameter gets them. */
    public OtaMockRuntimeInfo runtimeInfo() {
        return new OtaMockRuntimeInfo(server());
    }

    /**
     * The requests of the current test that the contract refused so far (99400, 99404), oldest first; with
     * {@code failOnContractViolations} the test fails on them after it ran.
     */
    public List<ContractRefusal> contractRefusals() {
        return settings.refusals().all();
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
    public WireMockServer wireMock() {
        return server().wireMock();
    }

    /** The organization's jobs, oldest first, as Get OTA Job shows them. */
    public List<JobInfo> jobs(String orgId) {
        return server().jobs(orgId);
    }

    /** Adds a firmware, or replaces the one with the same org and id. */
    public void putFirmware(Firmware firmware) {
        server().putFirmware(firmware);
    }

    /**
     * Moves the simulation clock on, so that device tasks progress, schedules open and timeouts fire without the
     * test sleeping; every job is brought up to the new time before this returns. A reset puts the clock back.
     *
     * @return the clock's time now, milliseconds since the epoch
     */
    public long advanceClock(Duration by) {
        return server().advanceClock(by);
    }

    /** The job's device tasks now, as Search OTA Task shows them (empty before the job's first start). */
    public List<TaskInfo> tasks(String orgId, String jobId) {
        return server().tasks(orgId, jobId);
    }

    /** Adds a device the simulation knows (its version, its outcomes), or replaces the one with the same key. */
    public void putDevice(Device device) {
        server().putDevice(device);
    }

    /** Completes a verification job; its firmware counts as verified from now on. */
    public Firmware completeVerification(String orgId, String jobId) {
        return server().completeVerification(orgId, jobId);
    }

    /**
     * Faults and delays for the next calls, to test the client's retries and timeouts:
     * {@code mock.faults().add(FaultRule.on("create-job").fail(FaultRule.Fault.HTTP_503).nextCalls(2))}.
     */
    public FaultPlan faults() {
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
        private boolean failOnContractViolations;
        private BehaviourProfile profile;
        private EnosVersion enosVersion;

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
         * @throws ProfileException naming the file, the setting and the values it takes,
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
            this.profile = profile;
            return this;
        }

        /**
         * The EnOS release the mock serves: its built-in profile {@code enos-VERSION} stacked over the
         * {@link #profile} given (or the default one), so it wins over a file's {@code enos.version}, as the
         * command line's {@code --enos-version} does.
         *
         * @param version {@code 2.2}, {@code 2.3}, {@code 2.4} or {@code 3.0} ({@code 2.3.1} and {@code enos-2.3}
         *                name 2.3 too)
         * @throws IllegalArgumentException naming the releases the kit covers, for any other text
         */
        public Builder enosVersion(String version) {
            return enosVersion(EnosVersion.parse(version).orElseThrow(() -> new IllegalArgumentException(
                    "OtaMockExtension.enosVersion must be one of " + EnosVersion.labels() + ", was " + version)));
        }

        /** The EnOS release the mock serves, as {@link #enosVersion(String)}. */
        public Builder enosVersion(EnosVersion version) {
            this.enosVersion = version;
            return this;
        }

        /**
         * Fail each test whose client sent a request the contract refuses, once the test has run: the failure lists
         * each such request (method, path and query, body) with the code and the field and rule it broke. Refusals
         * are 99400 and 99404 ({@link ContractRefusal}); business errors such as 24404 are answers to well-formed
         * requests and do not count. Off by default. Requests that never reach the contract check are not seen
         * either: a body refused in transit (over {@code MockOptions.maxBodyBytes}, not UTF-8, an unknown
         * {@code Content-Encoding}, too slow) is answered by the server before it.
         */
        public Builder failOnContractViolations() {
            this.failOnContractViolations = true;
            return this;
        }

        /** What one test created is still there in the next (for a static field). */
        public Builder keepStateBetweenTests() {
            this.resetBetweenTests = false;
            return this;
        }

        public OtaMockExtension build() {
            if (profile != null || enosVersion != null) {
                BehaviourProfile base = profile == null ? BehaviourProfile.defaults() : profile;
                options.profile(enosVersion == null ? base
                        : base.with(BehaviourProfile.builtIn(enosVersion.profileName())));
            }
            ContractRefusals refusals = new ContractRefusals();
            options.extensions(refusals);
            return new OtaMockExtension(new Settings(options, resetBetweenTests, failOnContractViolations, refusals));
        }
    }
}
