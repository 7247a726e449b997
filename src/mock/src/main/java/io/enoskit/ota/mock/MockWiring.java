package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ExtensionFactory;
import com.github.tomakehurst.wiremock.extension.WireMockServices;
import com.google.common.base.Suppliers;
import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.domain.DefaultState;
import io.enoskit.ota.domain.Job;
import io.enoskit.ota.domain.JobIdGenerator;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.domain.SearchFields;
import io.enoskit.ota.domain.Simulation;
import io.enoskit.ota.domain.SimulationClock;
import io.enoskit.ota.profile.BehaviourProfile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Wires the mock once per server: the default state (from the root dir's {@code ota-state.json}), the store, the
 * contract check (spec parsed once), and the WireMock extensions that share them, handed to WireMock as its
 * extension factory (not to be confused with the JUnit 5 {@code OtaMockExtension}, which starts a whole server).
 */
public final class MockWiring implements ExtensionFactory {
    private final BehaviourProfile profile;
    /** The profile with the state file's limit applied, once the state is read. */
    private volatile BehaviourProfile inForce;
    private final boolean lenient;
    private final GatewayAuth gatewayAuth;
    private final int maxJobs;
    private final Simulation simulation;
    private final SimulationClock clock = SimulationClock.system();
    private volatile OtaStore store;
    private volatile FirmwareUploads uploads;
    private final Path stateFile;
    private final long firmwareStoreBytes;
    private volatile SimulationScheduler scheduler;
    private final FaultPlan faults = new FaultPlan();
    private final ExchangeLog exchanges = new ExchangeLog();
    /** Built on the docs page's first visit: parsing the spec documents again costs start-up time otherwise. */
    private final Supplier<ApiDocs> docs = Suppliers.memoize(ApiDocs::new);
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final Map<String, ContractCheck> checks = new ConcurrentHashMap<>();

    /**
     * @param profile     the behaviour profile given (the state file may still set its verification limit)
     * @param gatewayAuth how API calls authenticate ({@link GatewayFilter})
     * @param maxJobs     the most jobs the store keeps, a count
     * @param simulation  how device tasks progress
     * @param stateFile   the state file, beside which uploaded firmware files are kept; null: a temporary folder
     * @param firmwareStoreBytes the most bytes uploaded firmware files take
     */
    MockWiring(BehaviourProfile profile, GatewayAuth gatewayAuth, int maxJobs, Simulation simulation,
                      Path stateFile, long firmwareStoreBytes) {
        this.stateFile = stateFile;
        this.firmwareStoreBytes = firmwareStoreBytes;
        this.profile = profile;
        // request.unknownFields: the one switch of the contract check (--lenient is a shortcut for ignore)
        this.lenient = !profile.refusesUnknownFields();
        this.gatewayAuth = gatewayAuth;
        this.maxJobs = maxJobs;
        this.simulation = simulation;
    }

    @Override
    public List<Extension> create(WireMockServices services) {
        DefaultState state = StateFile.read(services.getOptions().filesRoot());
        inForce = state.applyTo(profile, StateFile.NAME + " under " + services.getOptions().filesRoot().getPath());
        store = new OtaStore(state, new JobIdGenerator(inForce.jobIdFormat()), clock, maxJobs, simulation, inForce);
        uploads = new FirmwareUploads(store, FirmwareFiles.open(stateFile, firmwareStoreBytes));
        EnvelopeResponses responses = new EnvelopeResponses(inForce);
        OperationContext context = new OperationContext(faults, responses, new OperationRoutes(inForce), inForce,
                store);
        GatewayTokens tokens = new GatewayTokens(state.apps(), Clock.systemUTC());
        List<Extension> extensions = new ArrayList<>();
        boolean journalled = !services.getOptions().requestJournalDisabled();
        if (gatewayAuth != GatewayAuth.OFF || journalled) {
            // WireMock copies every request once more for each request filter; with nothing to check or mask the
            // filter would cost each call that copy and do nothing
            extensions.add(new GatewayFilter(tokens, gatewayAuth, journalled, responses));
        }
        StateResetListener reset = new StateResetListener(store, faults, exchanges, uploads);
        extensions.add(reset);
        extensions.add(new ExchangeLogListener(exchanges));
        extensions.add(new ApimTokenTransformer(tokens));
        extensions.addAll(List.of(
                new OtaOperationTransformer(handlers(context), this::check, context),
                new OtaAdminApiExtension(store, faults, clock, () -> inForce, exchanges, docs, reset::resetState)));
        extensions.forEach(extension -> created.add(extension.getName()));
        return extensions;
    }

    /**
     * The handler of each operation: the one map from an operation to the code that serves it. The switch has no
     * default, so an operation added to {@link Operation} does not compile until it has a handler here.
     */
    private Map<Operation, OperationHandler> handlers(OperationContext context) {
        OtaJobActions jobActions = new OtaJobActions(store);
        OtaTaskActions taskActions = new OtaTaskActions(store);
        GetFirmwareFileHandler getFirmware = new GetFirmwareFileHandler(store, context);
        Map<Operation, OperationHandler> handlers = new EnumMap<>(Operation.class);
        for (Operation operation : Operation.values()) {
            handlers.put(operation, switch (operation) {
                case CREATE_JOB -> new CreateOtaJobHandler(store);
                case GET_JOB -> new GetOtaJobHandler(store);
                case START_JOB -> (OperationHandler.Checked) jobActions::start;
                case STOP_JOB -> (OperationHandler.Checked) jobActions::stop;
                case DELETE_JOB -> (OperationHandler.Checked) jobActions::delete;
                case SEARCH_JOBS -> new SearchHandler<>(SearchFields.JOBS, store::searchJobs, Job::info, context);
                case SEARCH_TASKS -> new SearchHandler<>(SearchFields.TASKS, store::searchTasks, task -> task,
                        context);
                case CANCEL_TASKS -> (OperationHandler.Checked) taskActions::cancel;
                case RETRY_TASKS -> (OperationHandler.Checked) taskActions::retry;
                case GET_FIRMWARE -> getFirmware;
                case SEARCH_FIRMWARE -> new SearchHandler<>(SearchFields.FIRMWARE, store::searchFirmware,
                        getFirmware::info, context);
                case CREATE_FIRMWARE -> new CreateFirmwareFileHandler(uploads, context);
                case DELETE_FIRMWARE -> new DeleteFirmwareHandler(store, uploads);
                case SEARCH_DEVICE_UPGRADE -> new SearchHandler<>(SearchFields.DEVICE_UPGRADE,
                        store::searchDeviceUpgrades, device -> device, context);
            });
        }
        return handlers;
    }

    /**
     * The spec check of a document, as the profile's leniency and EnOS release have it; looked up in the JVM's cache
     * once per document, not on every request.
     */
    private ContractCheck check(String document) {
        return checks.computeIfAbsent(document, named -> ContractCheckCache.get(named, lenient,
                profile.enosVersion()));
    }

    /** Builds and warms the contract checks in the background (once per JVM). */
    void warmUp() {
        ContractCheckCache.warmUpInBackground(lenient);
    }

    /** Starts the scheduler that moves device tasks on (once the server runs). */
    void startScheduler(Runnable afterTick) {
        scheduler = new SimulationScheduler(store(), afterTick);
    }

    /** The scheduler, once started; null before. */
    SimulationScheduler scheduler() {
        return scheduler;
    }

    /** The simulation clock the store and the admin API share. */
    SimulationClock clock() {
        return clock;
    }

    /**
     * The names of every extension the server loads: the mock's (once created) and the ones the options add, for the
     * check that each stub mapping's transformer exists.
     */
    Set<String> names(MockOptions options) {
        Set<String> names = new HashSet<>(created);
        options.extensionNames().forEach(names::add);
        return names;
    }

    /** The behaviour profile the extensions follow: the one given, with the state file's limit once read. */
    BehaviourProfile profile() {
        return inForce != null ? inForce : profile;
    }

    /** The console's log of API exchanges. */
    ExchangeLog exchanges() {
        return exchanges;
    }

    /** The fault rules the operations share. */
    FaultPlan faults() {
        return faults;
    }

    /** The uploaded firmware files and their store, once WireMock has asked for the extensions. */
    FirmwareUploads uploads() {
        if (uploads == null) {
            throw new IllegalStateException("the extensions have not been created yet");
        }
        return uploads;
    }

    /** The store the extensions share, once WireMock has asked for them (at server construction). */
    OtaStore store() {
        if (store == null) {
            throw new IllegalStateException("the extensions have not been created yet");
        }
        return store;
    }
}
