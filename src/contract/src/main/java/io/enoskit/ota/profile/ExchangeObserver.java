package io.enoskit.ota.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.Operation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what exchanges with a target show about the {@link Setting}s of a behaviour profile, one exchange at a time,
 * and turns it into the target's observed profile ({@link #layer}). Passive: it only reads what it is handed (the
 * conformance run's exchanges, the validating proxy's traffic); {@link #record} takes evidence that needs a request
 * of its own (a probe, a conformance step). Thread-safe; memory grows with the distinct values seen, not with the
 * exchanges (each distinct value keeps a count and its first exchange).
 */
public final class ExchangeObserver {
    /** JobInfo fields a job may leave unset (V2.1 Get OTA Job, JobInfo): absent or null when the job sets none. */
    static final List<String> OPTIONAL_JOB_FIELDS = List.of("name", "firmwareVersion", "firmwareName", "productKey",
            "retryPolicy", "schedulePolicy", "startSchedule", "endSchedule", "createTime");
    private static final Pattern MAX = Pattern.compile("max\\[(\\d+)]");
    /** Most remarks and firmwares kept, so that a long proxy session keeps flat memory. */
    private static final int MAX_KEPT = 200;

    private final Clock clock;
    /** Per setting and fact, each distinct value with its count and first evidence, in order seen. */
    private final Map<Setting, Map<String, Map<JsonNode, Tally>>> seen = new LinkedHashMap<>();
    private final Set<String> remarks = new LinkedHashSet<>();
    /** Per firmwareId, whether its answers show a maxAllowedForVerification of its own. */
    private final Map<String, Boolean> ownLimit = new LinkedHashMap<>();
    /** Per firmwareId, the first 24612 answer's limit, waiting to learn whether the firmware has one of its own. */
    private final Map<String, Evidence> limits = new LinkedHashMap<>();

    public ExchangeObserver() {
        this(Clock.systemUTC());
    }

    public ExchangeObserver(Clock clock) {
        this.clock = clock;
    }

    private static final class Tally {
        private final Evidence first;
        private int count;

        Tally(Evidence first) {
            this.first = first;
        }

        Tally copy() {
            Tally copy = new Tally(first);
            copy.count = count;
            return copy;
        }
    }

    /**
     * Reads what one exchange shows (nothing, for an exchange that is not with the OTA API), per setting:
     * <ul>
     *   <li>{@code errors.httpStatus}: the HTTP status of an answer with code 24xxx or 99403 (the mock answers
     *       99404 with HTTP 404 whatever its profile, so a 99404 is no evidence of it);
     *       {@code errors.invalidArgumentHttpStatus}: of a 99400;</li>
     *   <li>{@code ids.requestId}: the form of an OTA answer's requestId; {@code ids.jobId}: of create's
     *       data.jobId;</li>
     *   <li>{@code answers.unsetFields}: a Get OTA Job or Search OTA Job record with a null field (null), or
     *       without one of JobInfo's optional fields and no null (absent);</li>
     *   <li>{@code methods.*}: a method accepted (code 0 or a 24xxx business error: the operation ran) or refused as
     *       no such operation (99404, or HTTP 405) or as an invalid action (99400 whose msg names action), which is
     *       also {@code methods.refusal};</li>
     *   <li>{@code messages.99403/99404/99500}: the msg of that code (the default template when it fits it);</li>
     *   <li>{@code search.defaultPageSize}: a search sent without pagination (its pagination.pageSize, else the
     *       records of a page that holds fewer than totalSize); {@code search.jobOrder}: a job search without sort
     *       whose records have distinct createTimes in order;</li>
     *   <li>{@code verification.defaultLimit}: 24612's max[N] for a firmware whose answers show no
     *       maxAllowedForVerification of its own.</li>
     * </ul>
     */
    public synchronized void observe(ObservedExchange exchange) {
        Optional<String> api = api(exchange.path());
        if (api.isEmpty()) {
            return;
        }
        boolean jobs = api.get().equals(Operation.JOBS);
        String action = exchange.action();
        JsonNode answer = exchange.answer();
        methods(exchange, jobs, action, answer);
        if (!answer.path("code").isIntegralNumber()) {
            return;
        }
        int code = answer.path("code").asInt();
        if ((code >= 24000 && code < 25000 || code == 99403) && plausible(exchange.status())) {
            record(Setting.ERRORS_HTTP_STATUS, Evidence.WHOLE, IntNode.valueOf(exchange.status()), exchange);
        }
        if (code == 99400 && plausible(exchange.status())) {
            record(Setting.INVALID_ARGUMENT_HTTP_STATUS, Evidence.WHOLE, IntNode.valueOf(exchange.status()), exchange);
        }
        JsonNode requestId = answer.path("requestId");
        if (requestId.isTextual()) {
            id(Setting.REQUEST_ID_FORMAT, "requestId", requestId.asText(), exchange);
        }
        if (code == 99403 || code == 99404 || code == 99500) {
            message(code, answer.path("msg"), exchange);
        }
        if (code == 24612 && jobs && action.equals("create")) {
            Matcher max = MAX.matcher(answer.path("msg").asText(""));
            String firmwareId = exchange.query().get("firmwareId");
            if (max.find() && firmwareId != null && limits.size() < MAX_KEPT) {
                limits.putIfAbsent(firmwareId, evidence(Setting.VERIFICATION_LIMIT, Evidence.WHOLE,
                        IntNode.valueOf(Integer.parseInt(max.group(1))), exchange));
            }
        }
        if (code != 0) {
            return;
        }
        JsonNode data = answer.path("data");
        if (jobs && action.equals("create") && data.path("jobId").isTextual()) {
            id(Setting.JOB_ID_FORMAT, "jobId", data.path("jobId").asText(), exchange);
        }
        if (jobs && (action.equals("get") && data.isObject() || action.equals("search") && data.isArray())) {
            unsetFields(data.isArray() ? data : Json.mapper().createArrayNode().add(data), exchange);
        }
        if (action.equals("search") && data.isArray() && !exchange.request().has("pagination")) {
            pageSize(answer, exchange);
        }
        if (jobs && action.equals("search") && data.isArray() && !exchange.request().has("sort")) {
            jobOrder(data, exchange);
        }
        if (!jobs) {
            firmwareLimits(data);
        }
    }

    /**
     * Takes evidence an exchange cannot show by itself: a probe's or a conformance step's reading of its own
     * request (a job stopped right after create answered 0: {@code create.jobStatus} started).
     *
     * @param fact  {@link Evidence#WHOLE}, a method of a METHODS setting, or {@link Evidence#FIRMWARE_BEFORE_REQUEST}
     * @param value the value (whole-value facts, checked with {@link Setting#accepts}), or true/false
     */
    public synchronized void record(Setting setting, String fact, JsonNode value, ObservedExchange exchange) {
        add(evidence(setting, fact, value, exchange));
    }

    /** Notes something seen that no setting can hold (a requestId of no known form), for the report. */
    public synchronized void remark(String remark) {
        if (remarks.size() < MAX_KEPT) {
            remarks.add(remark);
        }
    }

    /** What was seen that no setting can hold, in order seen. */
    public synchronized List<String> remarks() {
        return List.copyOf(remarks);
    }

    /** Every piece of evidence kept (the first of each distinct value), in catalogue order. */
    public synchronized List<Evidence> evidence() {
        List<Evidence> all = new ArrayList<>();
        tallies().forEach((setting, facts) -> facts.values().forEach(values -> values.values()
                .forEach(tally -> all.add(tally.first))));
        return all;
    }

    /**
     * The settings seen, in catalogue order, each with the value a mock needs to behave as the target did. Evidence
     * that disagrees (two statuses for business errors) is kept: the value seen most often wins, and the others are
     * listed ({@link ObservedSetting#conflicts()}).
     */
    public synchronized List<ObservedSetting> settings() {
        List<ObservedSetting> settings = new ArrayList<>();
        tallies().forEach((setting, facts) -> observed(setting, facts).ifPresent(settings::add));
        return settings;
    }

    /**
     * The target's observed profile: only the settings seen, each {@code source: observed} with the target, the time
     * of its first evidence and the exchanges.
     *
     * @param name   the profile's name
     * @param target the base URL the exchanges went to (credentials never belong in it)
     */
    public synchronized ProfileLayer layer(String name, String target) {
        List<SettingValue> values = settings().stream().map(observed -> new SettingValue(observed.setting(),
                observed.value(), SettingSource.observed(target, observed.time(), observed.exchange()), name))
                .toList();
        return ProfileLayer.of(name, "What " + target + " was seen to do where the EnOS pages leave room; only the"
                + " settings seen are set, the others keep the default profile's values.", values);
    }

    private Map<Setting, Map<String, Map<JsonNode, Tally>>> tallies() {
        Map<Setting, Map<String, Map<JsonNode, Tally>>> all = new EnumMap<>(Setting.class);
        seen.forEach((setting, facts) -> {
            Map<String, Map<JsonNode, Tally>> copy = new LinkedHashMap<>();
            facts.forEach((fact, values) -> {
                Map<JsonNode, Tally> counted = new LinkedHashMap<>();
                values.forEach((value, tally) -> counted.put(value, tally.copy()));
                copy.put(fact, counted);
            });
            all.put(setting, copy);
        });
        limits.forEach((firmwareId, limit) -> {
            if (Boolean.FALSE.equals(ownLimit.get(firmwareId))) {
                Map<JsonNode, Tally> values = all.computeIfAbsent(Setting.VERIFICATION_LIMIT,
                        s -> new LinkedHashMap<>()).computeIfAbsent(Evidence.WHOLE, f -> new LinkedHashMap<>());
                values.computeIfAbsent(limit.value(), v -> new Tally(limit)).count++;
            }
        });
        return all;
    }

    private Optional<ObservedSetting> observed(Setting setting, Map<String, Map<JsonNode, Tally>> facts) {
        List<String> evidence = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        Map<String, JsonNode> chosen = new LinkedHashMap<>();
        Instant time = null;
        for (Map.Entry<String, Map<JsonNode, Tally>> fact : facts.entrySet()) {
            Tally most = fact.getValue().values().stream().reduce((a, b) -> b.count > a.count ? b : a).orElseThrow();
            chosen.put(fact.getKey(), most.first.value());
            evidence.add((fact.getKey().equals(Evidence.WHOLE) ? "" : most.first.describe() + ": ")
                    + most.first.exchange() + (most.count > 1 ? " (and " + (most.count - 1) + " more)" : ""));
            int total = fact.getValue().values().stream().mapToInt(tally -> tally.count).sum();
            fact.getValue().values().stream().filter(tally -> tally != most).forEach(other -> conflicts.add(
                    other.first.describe() + " in " + other.count + " of " + total + " exchanges, e.g. "
                            + other.first.exchange()));
            for (Tally tally : fact.getValue().values()) {
                time = time == null || tally.first.time().isBefore(time) ? tally.first.time() : time;
            }
        }
        JsonNode value;
        boolean partial;
        switch (setting.kind()) {
            case METHODS -> {
                Set<String> methods = new LinkedHashSet<>(texts(BehaviourProfile.defaults().value(setting).value()));
                chosen.forEach((method, accepted) -> {
                    if (accepted.asBoolean()) {
                        methods.add(method);
                    } else {
                        methods.remove(method);
                    }
                });
                if (methods.isEmpty()) {
                    remark(setting.key() + ": every method tried was refused, which no profile can hold");
                    return Optional.empty();
                }
                ArrayNode list = Json.mapper().createArrayNode();
                setting.choices().stream().filter(methods::contains).forEach(list::add);
                value = list;
                partial = !chosen.keySet().containsAll(setting.choices());
            }
            case ORDER -> {
                List<String> order = new ArrayList<>(texts(BehaviourProfile.defaults().value(setting).value()));
                JsonNode firmwareFirst = chosen.get(Evidence.FIRMWARE_BEFORE_REQUEST);
                if (firmwareFirst != null) {
                    boolean wanted = firmwareFirst.asBoolean();
                    if (wanted != order.indexOf("firmware") < order.indexOf("request")) {
                        order.remove(wanted ? "firmware" : "request");
                        order.add(order.indexOf(wanted ? "request" : "firmware"), wanted ? "firmware" : "request");
                    }
                }
                ArrayNode list = Json.mapper().createArrayNode();
                order.forEach(list::add);
                value = list;
                partial = true;
            }
            default -> {
                value = chosen.get(Evidence.WHOLE);
                partial = false;
            }
        }
        if (value == null || !setting.accepts(value)) {
            return Optional.empty();
        }
        return Optional.of(new ObservedSetting(setting, value, partial, evidence, conflicts, time));
    }

    private void methods(ObservedExchange exchange, boolean jobs, String action, JsonNode answer) {
        boolean known = Arrays.stream(Operation.values()).anyMatch(operation -> operation.action().equals(action)
                && operation.path().equals(jobs ? Operation.JOBS : Operation.FIRMWARES));
        if (!known) {
            return;
        }
        Setting setting = action.equals("get") ? jobs ? Setting.METHODS_GET : Setting.METHODS_GET_FIRMWARE
                : Setting.METHODS_OTHER_ACTIONS;
        if (!setting.choices().contains(exchange.method())) {
            return;
        }
        int code = answer.path("code").isIntegralNumber() ? answer.path("code").asInt() : -1;
        if (code == 0 || code >= 24000 && code < 25000) {
            record(setting, exchange.method(), BooleanNode.TRUE, exchange);
        } else if (code == 99404 || exchange.status() == 405) {
            record(setting, exchange.method(), BooleanNode.FALSE, exchange);
            record(Setting.METHOD_REFUSAL, Evidence.WHOLE, TextNode.valueOf("no-such-operation"), exchange);
        } else if (code == 99400 && answer.path("msg").asText("").contains("action")) {
            record(setting, exchange.method(), BooleanNode.FALSE, exchange);
            record(Setting.METHOD_REFUSAL, Evidence.WHOLE, TextNode.valueOf("invalid-argument"), exchange);
        }
    }

    private void id(Setting setting, String field, String id, ObservedExchange exchange) {
        Optional<IdFormat> format = IdFormat.of(id);
        if (format.isPresent()) {
            record(setting, Evidence.WHOLE, TextNode.valueOf(format.get().label()), exchange);
        } else {
            remark(field + " '" + id + "' has none of the forms a profile names (" + String.join(", ",
                    setting.choices()) + "), so " + setting.key() + " is not written");
        }
    }

    private void message(int code, JsonNode msg, ObservedExchange exchange) {
        Setting setting = Setting.named("messages." + code).orElseThrow();
        if (!msg.isTextual()) {
            return;
        }
        String template = BehaviourProfile.defaults().message(code).orElse("");
        int hole = template.indexOf("%s");
        String text = msg.asText();
        String value;
        if (hole >= 0 && text.startsWith(template.substring(0, hole))
                && text.endsWith(template.substring(hole + 2))
                && text.length() >= template.length() - 2) {
            value = template;
        } else if (!text.contains("%")) {
            value = text;
        } else {
            remark("msg of " + code + " '" + text + "' holds a %, which a profile's message cannot");
            return;
        }
        if (setting.accepts(TextNode.valueOf(value))) {
            record(setting, Evidence.WHOLE, TextNode.valueOf(value), exchange);
        }
    }

    private void unsetFields(JsonNode records, ObservedExchange exchange) {
        for (JsonNode job : records) {
            if (!job.isObject() || !job.has("jobId")) {
                continue;
            }
            if (hasNull(job)) {
                record(Setting.UNSET_FIELDS, Evidence.WHOLE, TextNode.valueOf("null"), exchange);
            } else if (OPTIONAL_JOB_FIELDS.stream().anyMatch(field -> !job.has(field))) {
                record(Setting.UNSET_FIELDS, Evidence.WHOLE, TextNode.valueOf("absent"), exchange);
            }
        }
    }

    /** A null field of the record or of an object in it (the vendor's Get OTA Job sample nests them one deep). */
    private static boolean hasNull(JsonNode record) {
        for (JsonNode field : record) {
            if (field.isNull() || field.isObject() && hasNull(field)) {
                return true;
            }
        }
        return false;
    }

    private void pageSize(JsonNode answer, ObservedExchange exchange) {
        JsonNode pageSize = answer.path("pagination").path("pageSize");
        JsonNode total = answer.path("pagination").path("totalSize");
        int records = answer.path("data").size();
        if (pageSize.isIntegralNumber()) {
            record(Setting.SEARCH_PAGE_SIZE, Evidence.WHOLE, IntNode.valueOf(pageSize.asInt()), exchange);
        } else if (total.isIntegralNumber() && records > 0 && records < total.asLong()) {
            record(Setting.SEARCH_PAGE_SIZE, Evidence.WHOLE, IntNode.valueOf(records), exchange);
        }
    }

    private void jobOrder(JsonNode records, ObservedExchange exchange) {
        List<Long> times = new ArrayList<>();
        records.forEach(job -> {
            if (job.path("createTime").isIntegralNumber()) {
                times.add(job.path("createTime").asLong());
            }
        });
        if (times.size() < 2 || Set.copyOf(times).size() < 2) {
            return;
        }
        boolean newestFirst = true;
        boolean oldestFirst = true;
        for (int i = 1; i < times.size(); i++) {
            newestFirst &= times.get(i) <= times.get(i - 1);
            oldestFirst &= times.get(i) >= times.get(i - 1);
        }
        if (newestFirst || oldestFirst) {
            record(Setting.JOB_SEARCH_ORDER, Evidence.WHOLE,
                    TextNode.valueOf(newestFirst ? "createTime-desc" : "createTime-asc"), exchange);
        }
    }

    private void firmwareLimits(JsonNode data) {
        for (JsonNode firmware : data.isArray() ? data : Json.mapper().createArrayNode().add(data)) {
            if (firmware.path("firmwareId").isTextual() && ownLimit.size() < MAX_KEPT) {
                ownLimit.put(firmware.path("firmwareId").asText(),
                        firmware.path("maxAllowedForVerification").isIntegralNumber());
            }
        }
    }

    private void add(Evidence evidence) {
        seen.computeIfAbsent(evidence.setting(), s -> new LinkedHashMap<>())
                .computeIfAbsent(evidence.fact(), f -> new LinkedHashMap<>())
                .computeIfAbsent(evidence.value(), v -> new Tally(evidence)).count++;
    }

    private Evidence evidence(Setting setting, String fact, JsonNode value, ObservedExchange exchange) {
        return new Evidence(setting, fact, value, exchange.describe(), clock.instant());
    }

    /** The API path an exchange went to ({@link Operation#JOBS} or {@link Operation#FIRMWARES}), if either. */
    private static Optional<String> api(String path) {
        return path.endsWith(Operation.JOBS) ? Optional.of(Operation.JOBS)
                : path.endsWith(Operation.FIRMWARES) ? Optional.of(Operation.FIRMWARES) : Optional.empty();
    }

    /** A status a gateway really sent (the EnOS Java client reports 599 for answers whose status it hides). */
    private static boolean plausible(int status) {
        return status >= 200 && status < 599;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
