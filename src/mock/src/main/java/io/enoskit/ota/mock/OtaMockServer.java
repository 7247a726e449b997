package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.standalone.MappingFileException;
import io.enoskit.ota.domain.Device;
import io.enoskit.ota.domain.Firmware;
import io.enoskit.ota.domain.Job;
import io.enoskit.ota.domain.OtaRuleException;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.model.JobInfo;
import io.enoskit.ota.model.TaskInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A running mock: WireMock with the OTA extensions, serving the stub mappings of its root dir. The handle for using
 * it inside a test suite (the JUnit 5 extension {@code OtaMockExtension} wraps it):
 * <pre>{@code
 * try (OtaMockServer mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort())) {
 *     String base = mock.baseUrl();                       // http://127.0.0.1:<port>
 *     // ... point the client under test at base, then:
 *     mock.jobs("yourOrgId");                             // what the client created, as Get OTA Job shows it
 *     mock.wireMock().verify(postRequestedFor(urlPathEqualTo("/connect-service/v2.1/ota-jobs")));
 *     mock.reset();                                       // back to the default state, journal cleared
 * }
 * }</pre>
 * The admin operations here are the same as the admin API's routes under {@code /__admin/ota/}.
 */
public final class OtaMockServer implements AutoCloseable {
    private static final long STOP_POLL_MILLIS = 200;
    /** WireMock's {@link MappingFileException} message: {@code Error loading file <path>:\n<Jackson's words>}. */
    private static final Pattern MAPPING_FILE = Pattern.compile("Error loading file (.*?):\n(.*)", Pattern.DOTALL);
    private final WireMockServer server;
    private final MockOptions options;
    private final OtaStore store;
    private final FaultPlan faults;
    private final MockWiring wiring;
    private final StatePersistence persistence;

    private OtaMockServer(WireMockServer server, MockOptions options, MockWiring wiring,
                          StatePersistence persistence) {
        this.server = server;
        this.options = options;
        this.store = wiring.store();
        this.faults = wiring.faults();
        this.wiring = wiring;
        this.persistence = persistence;
    }

    /**
     * Starts a mock and returns once it accepts requests.
     *
     * @throws IllegalArgumentException when the root dir, its default state or the state file cannot be used
     */
    public static OtaMockServer start(MockOptions options) {
        MockWiring wiring = options.wiring();
        WireMockServer server = wireMockServer(options, wiring);
        wiring.warmUp();
        wiring.clock().startFrozen(options.frozenClock());
        StatePersistence persistence = options.stateFile() == null ? null
                : StatePersistence.open(options.stateFile(), wiring.store());
        server.start();
        List<String> problems = StubRootCheck.problems(server, wiring.names(options));
        if (!problems.isEmpty()) {
            server.stop();
            throw new IllegalArgumentException("the root dir " + (options.rootDirOnClasspath() ? "inside the jar"
                    : options.rootDir()) + " cannot serve the API: " + String.join("; ", problems));
        }
        options.faultRules().forEach(wiring.faults()::add);
        wiring.startScheduler(persistence == null ? () -> { } : persistence::saveIfChanged);
        return new OtaMockServer(server, options, wiring, persistence);
    }

    /**
     * WireMock reads the root dir's stub mappings here. A mapping it cannot read is a usage error naming the file and
     * the place, without the file's text WireMock's message repeats. Its {@code matchesJsonSchema} matcher is built on
     * json-schema-validator 1.x, which the kit leaves out for the 2.x its spec validator needs (root pom): a mapping
     * that uses it is a usage error naming the alternatives, not a stack trace.
     */
    private static WireMockServer wireMockServer(MockOptions options, MockWiring wiring) {
        try {
            return new WireMockServer(options.toWireMockConfiguration(wiring));
        } catch (MappingFileException unreadable) {
            Matcher file = MAPPING_FILE.matcher(unreadable.getMessage());
            throw new IllegalArgumentException(file.matches()
                    ? "the stub mapping " + file.group(1) + " cannot be read: " + JsonProblems.clean(file.group(2))
                    : JsonProblems.clean(unreadable.getMessage()), unreadable);
        } catch (NoClassDefFoundError missing) {
            if (missing.getMessage() == null || !missing.getMessage().startsWith("com/networknt/schema/")) {
                throw missing;
            }
            throw new IllegalArgumentException("a stub mapping of the root dir " + (options.rootDirOnClasspath()
                    ? "inside the jar" : options.rootDir()) + " uses matchesJsonSchema, which the kit's mock does not"
                    + " offer (WireMock's JSON-schema matcher needs json-schema-validator 1.x, the kit's spec validator"
                    + " 2.x); match the body with matchesJsonPath or equalToJson instead");
        }
    }

    /** The port it listens on (the chosen one when started on port 0). */
    public int port() {
        return server.port();
    }

    /** {@code http://host:port}, with a loopback host when bound to every address. */
    public String baseUrl() {
        return baseUrl(options.bindAddress(), port());
    }

    /** {@code http://host:port} of a server bound to {@code bindAddress}: a loopback host when bound to every address. */
    public static String baseUrl(String bindAddress, int port) {
        String host = bindAddress.equals("0.0.0.0") || bindAddress.equals("::") ? "127.0.0.1" : bindAddress;
        return "http://" + host + ":" + port;
    }

    /**
     * The underlying WireMock server, for what WireMock itself offers: {@code verify(...)} of the requests a client
     * sent (the request journal must be on: {@link MockOptions#journalEntries(int)}), {@code stubFor(...)} to answer
     * some request in a way of your own (a stub mapping of priority below 5 wins over the OTA operations').
     */
    public WireMockServer wireMock() {
        return server;
    }

    /**
     * Back to the start: the OTA state is the default state again (every job dropped), the request journal is
     * emptied, and stub mappings added since the start are removed.
     */
    public void reset() {
        server.resetAll();
        store.reset();
        faults.clear();
    }

    /**
     * The faults and delays the mock adds to its operations, for testing a client's retries and timeouts:
     * {@code mock.faults().add(FaultRule.on("create-job").fail(FaultRule.Fault.HTTP_503).nextCalls(2))}. A reset
     * clears them.
     */
    public FaultPlan faults() {
        return faults;
    }

    /** The OTA state only (firmware and jobs) back to the default state; stub mappings and journal stay. */
    public void resetState() {
        store.reset();
        wiring.uploads().removeUnusedFiles();
    }

    /** The organization's firmware, in the order added (empty for an unknown org). */
    public List<Firmware> firmwares(String orgId) {
        return store.firmwares(orgId);
    }

    /** Adds a firmware, or replaces the one with the same org and id. */
    public void putFirmware(Firmware firmware) {
        store.putFirmware(firmware);
    }

    /**
     * The organization's jobs, oldest first, as Get OTA Job shows them (empty for an unknown org): new JobInfo objects
     * each call, which later calls to the mock leave as they are.
     */
    public List<JobInfo> jobs(String orgId) {
        return store.jobs(orgId).stream().map(Job::info).toList();
    }

    /**
     * Starts a job, as Start OTA Job does.
     *
     * @throws OtaRuleException 24404 when the org has no such job, 24615 when it runs already
     */
    public void startJob(String orgId, String jobId) {
        store.startJob(orgId, jobId);
    }

    /**
     * Stops a job, as Stop OTA Job does: its device tasks pause.
     *
     * @throws OtaRuleException 24404 when the org has no such job, 24616 when it is stopped
     */
    public void stopJob(String orgId, String jobId) {
        store.stopJob(orgId, jobId);
    }

    /**
     * The job's device tasks now, as Search OTA Task shows them (empty before the job's first start).
     *
     * @throws OtaRuleException 24404 when the org has no such job
     */
    public List<TaskInfo> tasks(String orgId, String jobId) {
        return store.tasks(orgId, jobId);
    }

    /** The organization's devices the simulation knows, in the order added (empty for an unknown org). */
    public List<Device> devices(String orgId) {
        return store.devices(orgId);
    }

    /** Adds a device the simulation knows, or replaces the one with the same org and key. */
    public void putDevice(Device device) {
        store.putDevice(device);
    }

    /**
     * Moves the simulation clock on, so that device tasks progress, schedules open and timeouts fire without
     * waiting; every job is brought up to the new time before this returns.
     *
     * @param by how far, not negative
     * @return the clock's time now, milliseconds since the epoch
     */
    public long advanceClock(Duration by) {
        long now = wiring.clock().advance(by);
        store.advance();
        return now;
    }

    /**
     * Completes a verification job: its firmware counts as verified from now on (upgrade jobs on it no longer get
     * 24610).
     *
     * @return the firmware, now verified
     * @throws OtaRuleException 24404 when the org has no such job
     * @throws IllegalStateException                  when the job is an upgrade job
     */
    public Firmware completeVerification(String orgId, String jobId) {
        return store.completeVerification(orgId, jobId);
    }

    /**
     * Blocks until the server has stopped: by {@link #close()}, or by WireMock's {@code POST /__admin/shutdown}.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void awaitStop() throws InterruptedException {
        while (server.isRunning()) {
            Thread.sleep(STOP_POLL_MILLIS);
        }
    }

    /**
     * The file a firmware was uploaded with (Create Firmware File), if it has one: the mock keeps it on disk, beside
     * the state file when there is one.
     */
    public Optional<Path> firmwareFile(String orgId, String firmwareId) {
        return wiring.uploads().file(orgId, firmwareId);
    }

    /** The folder the uploaded firmware files are kept in. */
    public Path firmwareFolder() {
        return wiring.uploads().folder();
    }

    /** True until the server stops. */
    public boolean isRunning() {
        return server.isRunning();
    }

    /** The state file, absolute, or null when the state lives in memory only. */
    public Path stateFile() {
        return persistence == null ? null : persistence.file();
    }

    /** Stops the server and its scheduler; the state file, if any, is saved first, else what it stored is lost. */
    @Override
    public void close() {
        SimulationScheduler scheduler = wiring.scheduler();
        if (scheduler != null) {
            if (persistence != null) {
                scheduler.runLast(persistence::saveIfChanged);
            }
            scheduler.close();
        }
        server.stop();
        wiring.uploads().close();
    }
}
