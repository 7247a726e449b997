package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.domain.SimulationClock;
import io.enoskit.ota.profile.BehaviourProfile;
import java.util.List;
import java.util.function.Supplier;

import static com.github.tomakehurst.wiremock.http.RequestMethod.ANY;
import static com.github.tomakehurst.wiremock.http.RequestMethod.DELETE;
import static com.github.tomakehurst.wiremock.http.RequestMethod.GET;
import static com.github.tomakehurst.wiremock.http.RequestMethod.POST;
import static com.github.tomakehurst.wiremock.http.RequestMethod.PUT;

/**
 * The mock's own admin routes under {@code /__admin/ota/}, to set up and inspect its state; not part of the EnOS
 * API. This class is their table; each route is served by a group of one concern ({@link StateRoutes},
 * {@link SimulationRoutes}, {@link FaultRoutes}, {@link ConsoleRoutes}), which documents its answer. Answers are plain
 * JSON, not the EnOS envelope; errors are {@code {"error": String}} with HTTP 400 (bad body), 404 (unknown job or
 * route) or 409 (job of the wrong type), as {@link AdminAnswers} maps them. The console and docs pages sit behind the
 * admin API's protections like every route: the admin token when set, and {@link CrossSiteAdminFilter} for what
 * changes state. Built by {@link MockWiring}; do not register it alone.
 */
public final class OtaAdminApiExtension implements AdminApiExtension {
    public static final String NAME = "enos-ota-admin";
    /** The routes, as the 404 of an unknown route lists them. */
    static final List<String> ROUTES = List.of("GET /state", "GET /profile", "POST /reset",
            "GET /orgs/{orgId}/firmwares", "PUT /orgs/{orgId}/firmwares/{firmwareId}", "GET /orgs/{orgId}/jobs",
            "POST /orgs/{orgId}/jobs/{jobId}/complete-verification", "GET /orgs/{orgId}/jobs/{jobId}/tasks",
            "GET /orgs/{orgId}/devices", "PUT /orgs/{orgId}/devices/{deviceKey}", "GET /clock", "POST /clock",
            "GET /faults", "POST /faults", "DELETE /faults", "GET /orgs", "GET /exchanges", "DELETE /exchanges",
            "GET /ui", "GET /docs");
    private final StateRoutes state;
    private final SimulationRoutes simulation;
    private final FaultRoutes faults;
    private final ConsoleRoutes console;

    /**
     * @param profile    the behaviour profile in force, with the state file's limit applied
     * @param exchanges  the API exchanges the console's request log shows
     * @param docs       the spec documents the docs page renders (built on first use)
     * @param resetState the mock's one reset ({@link StateResetListener#resetState()})
     */
    OtaAdminApiExtension(OtaStore store, FaultPlan faults, SimulationClock clock,
                         Supplier<BehaviourProfile> profile, ExchangeLog exchanges, Supplier<ApiDocs> docs,
                         Runnable resetState) {
        this.state = new StateRoutes(store, profile, resetState);
        this.simulation = new SimulationRoutes(store, clock);
        this.faults = new FaultRoutes(faults);
        this.console = new ConsoleRoutes(exchanges, docs);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public void contributeAdminApiRoutes(Router router) {
        router.add(GET, "/ota/state", state.state());
        router.add(GET, "/ota/profile", state.showProfile());
        router.add(POST, "/ota/reset", state.reset());
        router.add(GET, "/ota/orgs/{orgId}/firmwares", state.listFirmwares());
        router.add(PUT, "/ota/orgs/{orgId}/firmwares/{firmwareId}", state.putFirmware());
        router.add(GET, "/ota/orgs/{orgId}/jobs", state.listJobs());
        router.add(POST, "/ota/orgs/{orgId}/jobs/{jobId}/complete-verification", state.completeVerification());
        router.add(GET, "/ota/orgs/{orgId}/jobs/{jobId}/tasks", state.listTasks());
        router.add(GET, "/ota/orgs/{orgId}/devices", simulation.listDevices());
        router.add(PUT, "/ota/orgs/{orgId}/devices/{deviceKey}", simulation.putDevice());
        router.add(GET, "/ota/clock", simulation.readClock());
        router.add(POST, "/ota/clock", simulation.advanceClock());
        router.add(GET, "/ota/faults", faults.listFaults());
        router.add(POST, "/ota/faults", faults.addFault());
        router.add(DELETE, "/ota/faults", faults.clearFaults());
        router.add(GET, "/ota/orgs", state.listOrganizations());
        router.add(GET, "/ota/exchanges", console.listExchanges());
        router.add(DELETE, "/ota/exchanges", console.clearExchanges());
        // the console (an HTML page, its files under /ui/) and the API docs page (Swagger UI under /docs/swagger-ui/)
        router.add(GET, "/ota/ui", console.console());
        router.add(GET, "/ota/ui/{file}", console.consoleFile());
        router.add(GET, "/ota/docs", console.docsPage());
        router.add(GET, "/ota/docs/specs", console.listDocuments());
        router.add(GET, "/ota/docs/specs/{document}", console.showDocument());
        router.add(GET, "/ota/docs/swagger-ui/{file}", console.swaggerUiFile());
        // two lambdas: WireMock finds a task's path template again by the task's class (so each route above has its
        // own method, hence its own lambda class)
        router.add(ANY, "/ota/**", (admin, event, params) -> unknownRoute(event));
        router.add(ANY, "/ota", (admin, event, params) -> unknownRoute(event));
    }

    /**
     * Any other request under {@code /__admin/ota/}, or to {@code /__admin/ota} itself: 404 with the routes there are
     * (WireMock's router takes the first route that matches, so these come after the real ones).
     */
    private static ResponseDefinition unknownRoute(ServeEvent event) {
        return AdminAnswers.error(404, "no admin route " + event.getRequest().getMethod()
                + " /__admin" + event.getRequest().getUrl().replaceFirst("\\?.*", "")
                + "; the routes under /__admin/ota are: " + String.join(", ", ROUTES));
    }
}
