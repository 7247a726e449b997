package io.enoskit.ota.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.github.tomakehurst.wiremock.admin.AdminTask;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.url.PathParams;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.domain.Device;
import io.enoskit.ota.domain.Firmware;
import io.enoskit.ota.domain.Job;
import io.enoskit.ota.domain.OtaRuleException;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.domain.SimulationClock;
import io.enoskit.ota.profile.BehaviourProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.jetty.util.URIUtil;

import static com.github.tomakehurst.wiremock.http.RequestMethod.ANY;
import static com.github.tomakehurst.wiremock.http.RequestMethod.DELETE;
import static com.github.tomakehurst.wiremock.http.RequestMethod.GET;
import static com.github.tomakehurst.wiremock.http.RequestMethod.POST;
import static com.github.tomakehurst.wiremock.http.RequestMethod.PUT;

/**
 * The mock's own admin routes under {@code /__admin/ota/}, to set up and inspect its state; not part of the EnOS
 * API. Answers are plain JSON, not the EnOS envelope; errors are {@code {"error": String}} with HTTP 400 (bad body),
 * 404 (unknown job or route) or 409 (job of the wrong type); each route's answer is documented at its handler. The
 * console and docs pages sit behind the admin API's protections like every route: the admin token when set, and
 * {@link CrossSiteAdminFilter} for what changes state. Built by {@link MockWiring}; do not register it alone.
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
    /** The furthest one call moves the clock, in seconds (a year). */
    static final long MAX_ADVANCE_SECONDS = 366L * 86_400;
    private static final ObjectReader DEVICE = strict().readerFor(Device.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    private static final ObjectReader FAULT = strict().readerFor(FaultRule.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectReader FIRMWARE = strict().readerFor(Firmware.class)
            .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    private final OtaStore store;
    private final FaultPlan faults;
    private final SimulationClock clock;
    private final Supplier<BehaviourProfile> profile;
    private final ExchangeLog exchanges;
    private final Supplier<ApiDocs> docs;
    /** The mock's one reset ({@link StateResetListener#resetState()}). */
    private final Runnable resetState;
    private final ConsoleAssets assets = new ConsoleAssets();

    /**
     * @param profile   the behaviour profile in force, with the state file's limit applied
     * @param exchanges the API exchanges the console's request log shows
     * @param docs      the spec documents the docs page renders (built on first use)
     */
    OtaAdminApiExtension(OtaStore store, FaultPlan faults, SimulationClock clock,
                         Supplier<BehaviourProfile> profile, ExchangeLog exchanges, Supplier<ApiDocs> docs,
                         Runnable resetState) {
        this.store = store;
        this.resetState = resetState;
        this.faults = faults;
        this.clock = clock;
        this.profile = profile;
        this.exchanges = exchanges;
        this.docs = docs;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public void contributeAdminApiRoutes(Router router) {
        router.add(GET, "/ota/state", state());
        router.add(GET, "/ota/profile", showProfile());
        router.add(POST, "/ota/reset", reset());
        router.add(GET, "/ota/orgs/{orgId}/firmwares", listFirmwares());
        router.add(PUT, "/ota/orgs/{orgId}/firmwares/{firmwareId}", putFirmware());
        router.add(GET, "/ota/orgs/{orgId}/jobs", listJobs());
        router.add(POST, "/ota/orgs/{orgId}/jobs/{jobId}/complete-verification", completeVerification());
        router.add(GET, "/ota/orgs/{orgId}/jobs/{jobId}/tasks", listTasks());
        router.add(GET, "/ota/orgs/{orgId}/devices", listDevices());
        router.add(PUT, "/ota/orgs/{orgId}/devices/{deviceKey}", putDevice());
        router.add(GET, "/ota/clock", readClock());
        router.add(POST, "/ota/clock", advanceClock());
        router.add(GET, "/ota/faults", listFaults());
        router.add(POST, "/ota/faults", addFault());
        router.add(DELETE, "/ota/faults", clearFaults());
        router.add(GET, "/ota/orgs", listOrganizations());
        router.add(GET, "/ota/exchanges", listExchanges());
        router.add(DELETE, "/ota/exchanges", clearExchanges());
        // the console (an HTML page, its files under /ui/) and the API docs page (Swagger UI under /docs/swagger-ui/)
        router.add(GET, "/ota/ui", (admin, event, params) -> assets.kitFile("console.html"));
        router.add(GET, "/ota/ui/{file}", (admin, event, params) -> assets.kitFile(params.get("file")));
        router.add(GET, "/ota/docs", (admin, event, params) -> assets.kitFile("docs.html"));
        router.add(GET, "/ota/docs/specs", listDocuments());
        router.add(GET, "/ota/docs/specs/{document}", showDocument());
        router.add(GET, "/ota/docs/swagger-ui/{file}", (admin, event, params) -> assets.swaggerUiFile(
                params.get("file")));
        // two lambdas: WireMock finds a task's path template again by the task's class
        router.add(ANY, "/ota/**", (admin, event, params) -> unknownRoute(event));
        router.add(ANY, "/ota", (admin, event, params) -> unknownRoute(event));
    }

    /**
     * Any other request under {@code /__admin/ota/}, or to {@code /__admin/ota} itself: 404 with the routes there are
     * (WireMock's router takes the first route that matches, so these come after the real ones).
     */
    private static ResponseDefinition unknownRoute(ServeEvent event) {
        return EnvelopeResponses.json(404, Map.of("error", "no admin route " + event.getRequest().getMethod()
                + " /__admin" + event.getRequest().getUrl().replaceFirst("\\?.*", "")
                + "; the routes under /__admin/ota are: " + String.join(", ", ROUTES)));
    }

    /** GET /state: the counts of orgs, firmware and jobs ({@code "counts"}) and the default verification limit. */
    private AdminTask state() {
        return (admin, event, params) -> answer(() -> Map.of(
                "counts", store.counts(), "maxAllowedForVerification", store.defaultVerificationLimit()));
    }

    /**
     * GET /profile: the behaviour profile in force, read-only: {@code {"layers": [name], "settings": {key:
     * {"value", "source": {"kind", "section"|"reason"|"target", "time", "exchange"}, "layer"}}}}.
     */
    private AdminTask showProfile() {
        return (admin, event, params) -> answer(() -> ProfileView.of(profile.get()));
    }

    /** GET /faults: {@code {"faults": [FaultRule]}}, the fault and delay rules in force. */
    private AdminTask listFaults() {
        return (admin, event, params) -> answer(() -> Map.of("faults", faults.rules()));
    }

    /** POST /faults: adds a rule, the body a {@link FaultRule}; answers the rules in force. */
    private AdminTask addFault() {
        return (admin, event, params) -> answer(() -> {
            ObjectNode body = (ObjectNode) readObject(adminBody(event.getRequest()));
            FaultRule rule = readBody(FAULT, body, "fault rule", Set.of());
            faults.add(rule);
            return Map.of("faults", faults.rules());
        });
    }

    /** DELETE /faults: removes every rule. */
    private AdminTask clearFaults() {
        return (admin, event, params) -> answer(() -> {
            faults.clear();
            return Map.of("faults", faults.rules());
        });
    }

    /**
     * An admin body read as its type, or the reason it is not one: the rule the type's constructor broke, an unknown
     * field with the fields the type knows (Jackson's list, less those the route's path gives), or a field of the
     * wrong type with the type it takes.
     *
     * @param what     the body's name in the message ("device")
     * @param fromPath the fields the route sets from its path, left out of the known ones
     * @throws IllegalArgumentException "the {what} is not valid: ..."
     */
    private static <T> T readBody(ObjectReader reader, ObjectNode body, String what, Set<String> fromPath) {
        try {
            return reader.readValue(body);
        } catch (IOException wrong) {
            throw new IllegalArgumentException("the " + what + " is not valid: " + problem(wrong, fromPath));
        }
    }

    private static String problem(IOException wrong, Set<String> fromPath) {
        if (wrong.getCause() instanceof IllegalArgumentException rule) {
            return rule.getMessage();
        }
        if (wrong instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "' (known: " + unknown.getKnownPropertyIds().stream()
                    .map(String::valueOf).filter(name -> !fromPath.contains(name)).collect(Collectors.joining(", "))
                    + ")";
        }
        if (wrong instanceof MismatchedInputException mismatch) {
            String field = mismatch.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .filter(Objects::nonNull).collect(Collectors.joining("."));
            Class<?> type = mismatch.getTargetType();
            return "field '" + field + "' has the wrong type" + (type == null ? "" : " (it takes "
                    + typeName(type) + ")");
        }
        return String.valueOf(wrong.getMessage());
    }

    /** "a string", "a whole number", "true or false", "a number", "an object" or "a list" for a Java type. */
    private static String typeName(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return Collection.class.isAssignableFrom(type) || type.isArray() ? "a list" : "an object";
    }

    /** GET /orgs: {@code {"orgs": [orgId]}}, the organizations the state knows. */
    private AdminTask listOrganizations() {
        return (admin, event, params) -> answer(() -> Map.of("orgs", store.organizations()));
    }

    /**
     * GET /exchanges?after=n: {@code {"exchanges": [LoggedExchange], "capacity": n}}, the last API exchanges
     * (request, envelope, the fields a 99400 names, {@link ExchangeLog}) numbered above {@code after} (a whole
     * number, 0 when absent).
     */
    private AdminTask listExchanges() {
        return (admin, event, params) -> answer(() -> {
            var after = event.getRequest().queryParameter("after");
            long from;
            try {
                from = after.isPresent() ? Long.parseLong(after.firstValue()) : 0;
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("the query parameter after must be a whole number (the last"
                        + " exchange's seq the caller has), found '" + after.firstValue() + "'");
            }
            return Map.of("exchanges", exchanges.after(from), "capacity", ExchangeLog.CAPACITY);
        });
    }

    /** DELETE /exchanges: forgets the logged exchanges (a reset does too). */
    private AdminTask clearExchanges() {
        return (admin, event, params) -> answer(() -> {
            exchanges.clear();
            return Map.of("exchanges", exchanges.after(0), "capacity", ExchangeLog.CAPACITY);
        });
    }

    /**
     * GET /docs/specs: the spec documents the docs page renders ({@link ApiDocs}), {@code {"swaggerUi":
     * version, "documents": [{"name", "url"}]}}.
     */
    private AdminTask listDocuments() {
        return (admin, event, params) -> answer(() -> Map.of("swaggerUi", String.valueOf(assets.swaggerUiVersion()),
                "documents", docs.get().names().stream().map(name -> Map.of("name", name,
                        "url", "/__admin/ota/docs/specs/" + name)).toList()));
    }

    /** GET /docs/specs/{document}: one document as JSON; 404 with the names there are. */
    private AdminTask showDocument() {
        return (admin, event, params) -> docs.get().document(params.get("document"),
                        event.getRequest().getHeader("Host"))
                .map(json -> new ResponseDefinitionBuilder().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody(json).build())
                .orElseGet(() -> EnvelopeResponses.json(404, Map.of("error", "no spec document "
                        + params.get("document") + "; the documents are " + String.join(", ", docs.get().names()))));
    }

    /** POST /reset: back to the default state (all jobs dropped); answers as {@link #state()}. */
    private AdminTask reset() {
        return (admin, event, params) -> answer(() -> {
            resetState.run();
            return Map.of("counts", store.counts(), "maxAllowedForVerification", store.defaultVerificationLimit());
        });
    }

    /** GET /orgs/{orgId}/firmwares: {@code {"firmwares": [Firmware]}}. */
    private AdminTask listFirmwares() {
        return (admin, event, params) -> answer(() -> Map.of("firmwares", store.firmwares(param(params, "orgId"))));
    }

    /**
     * PUT /orgs/{orgId}/firmwares/{firmwareId}: adds or replaces a firmware; body {@code {"name", "version",
     * "enableVerification", "isVerified", "maxAllowedForVerification"}}.
     */
    private AdminTask putFirmware() {
        return (admin, event, params) -> answer(() -> {
            ObjectNode body = (ObjectNode) readObject(adminBody(event.getRequest()));
            body.put("orgId", param(params, "orgId"));
            body.put("firmwareId", param(params, "firmwareId"));
            Firmware firmware = readBody(FIRMWARE, body, "firmware", Set.of("orgId", "firmwareId"));
            store.putFirmware(firmware);
            return firmware;
        });
    }

    /** GET /orgs/{orgId}/jobs: {@code {"jobs": [JobInfo]}}, oldest first. */
    private AdminTask listJobs() {
        return (admin, event, params) -> answer(() -> Map.of("jobs", store.jobs(param(params, "orgId")).stream()
                .map(Job::info).toList()));
    }

    /**
     * GET /orgs/{orgId}/jobs/{jobId}/tasks: {@code {"tasks": [TaskInfo], "counts": {"init": n, ...}}}, the
     * job's device tasks now (empty before its first start).
     */
    private AdminTask listTasks() {
        return (admin, event, params) -> answer(() -> {
            String orgId = param(params, "orgId");
            String jobId = param(params, "jobId");
            return Map.of("tasks", store.tasks(orgId, jobId), "counts", store.taskCounts(orgId, jobId));
        });
    }

    /** GET /orgs/{orgId}/devices: {@code {"devices": [Device]}}. */
    private AdminTask listDevices() {
        return (admin, event, params) -> answer(() -> Map.of("devices", store.devices(param(params, "orgId"))));
    }

    /**
     * PUT /orgs/{orgId}/devices/{deviceKey}: adds or replaces a device; body {@code {"productKey", "assetId",
     * "firmwareVersion", "outcomes": ["succeed"|"fail"|"stall"], "failureDesc", "tags": {key: value},
     * "attributes": {id: scalar}, "assetTrees": {treeId: [nodeId, ...]}}}.
     */
    private AdminTask putDevice() {
        return (admin, event, params) -> answer(() -> {
            ObjectNode body = (ObjectNode) readObject(adminBody(event.getRequest()));
            body.put("orgId", param(params, "orgId"));
            body.put("deviceKey", param(params, "deviceKey"));
            Device device = readBody(DEVICE, body, "device", Set.of("orgId", "deviceKey"));
            store.putDevice(device);
            return device;
        });
    }

    /** GET /clock: {@code {"now": ms, "advancedSeconds": s, "frozen": bool}}, the simulation clock. */
    private AdminTask readClock() {
        return (admin, event, params) -> answer(this::clockState);
    }

    private Map<String, Object> clockState() {
        return Map.of("now", clock.millis(), "advancedSeconds", clock.advancedMillis() / 1000,
                "frozen", clock.frozen());
    }

    /**
     * POST /clock: moves the simulation clock on, body {@code {"advanceSeconds": s}} (0 to
     * {@value #MAX_ADVANCE_SECONDS}), and brings every task, schedule and timeout up to it before answering;
     * {@code {"frozen": true}} stops real time from counting (only advances move the clock), {@code false} lets it
     * count again. Answers as {@link #readClock()}.
     */
    private AdminTask advanceClock() {
        return (admin, event, params) -> answer(() -> {
            ObjectNode body = (ObjectNode) readObject(adminBody(event.getRequest()));
            var seconds = body.get("advanceSeconds");
            var frozen = body.get("frozen");
            boolean secondsWrong = seconds != null && (!seconds.isIntegralNumber() || !seconds.canConvertToLong()
                    || seconds.asLong() < 0 || seconds.asLong() > MAX_ADVANCE_SECONDS);
            boolean unknown = body.size() != (seconds == null ? 0 : 1) + (frozen == null ? 0 : 1);
            if (secondsWrong || unknown || (frozen != null && !frozen.isBoolean()) || body.isEmpty()) {
                throw new IllegalArgumentException("the body must be {\"advanceSeconds\": n} (a whole number of"
                        + " seconds from 0 to " + MAX_ADVANCE_SECONDS + "), {\"frozen\": true|false} (real time stops"
                        + " or goes on counting), or both");
            }
            if (frozen != null) {
                clock.frozen(frozen.asBoolean());
            }
            clock.advance(Duration.ofSeconds(seconds == null ? 0 : seconds.asLong()));
            store.advance();
            return clockState();
        });
    }

    /**
     * POST /orgs/{orgId}/jobs/{jobId}/complete-verification: the verification job succeeded, so its firmware
     * becomes verified and upgrade jobs on it no longer get 24610.
     */
    private AdminTask completeVerification() {
        return (admin, event, params) -> answer(
                () -> Map.of("firmware", store.completeVerification(param(params, "orgId"), param(params, "jobId"))));
    }

    /** The kit's mapper, but a number is no string, and a string no number or boolean (admin bodies are typed). */
    private static ObjectMapper strict() {
        ObjectMapper mapper = Json.mapper().copy();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }

    private static Object readObject(String body) {
        try {
            var node = Json.mapper().readTree(body == null || body.isBlank() ? "{}" : body);
            if (!node.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not well-formed JSON: " + e.getOriginalMessage());
        }
    }

    private static String adminBody(Request request) {
        try {
            return WireMockRequests.bodyText(request);
        } catch (ContractViolation unreadable) {
            throw new IllegalArgumentException("the body cannot be read: " + unreadable.getMessage());
        }
    }

    /**
     * A path parameter, percent-decoded as a path segment (the router hands them over as sent): a {@code +} stays a
     * plus, as in any URL path; only a query's form encoding makes it a space.
     *
     * @throws IllegalArgumentException naming the parameter when its percent-encoding is broken (answered 400)
     */
    private static String param(PathParams params, String name) {
        String raw = params.get(name);
        try {
            return URIUtil.decodePath(raw);
        } catch (RuntimeException broken) {
            throw new IllegalArgumentException("path parameter " + name + " '" + raw
                    + "' is not valid percent-encoded UTF-8");
        }
    }

    private static ResponseDefinition answer(Supplier<Object> task) {
        try {
            return EnvelopeResponses.json(200, task.get());
        } catch (OtaRuleException notFound) {
            return EnvelopeResponses.json(404, Map.of("error", notFound.getMessage()));
        } catch (IllegalStateException conflict) {
            return EnvelopeResponses.json(409, Map.of("error", conflict.getMessage()));
        } catch (IllegalArgumentException | ClassCastException badBody) {
            return EnvelopeResponses.json(400, Map.of("error", String.valueOf(badBody.getMessage())));
        }
    }
}
