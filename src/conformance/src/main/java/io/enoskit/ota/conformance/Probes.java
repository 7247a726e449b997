package io.enoskit.ota.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.profile.Evidence;
import io.enoskit.ota.profile.ExchangeObserver;
import io.enoskit.ota.profile.ObservedExchange;
import io.enoskit.ota.profile.Setting;
import io.restassured.response.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The requests a profile setting needs of its own, sent once before the scenarios when the run writes the observed
 * profile ({@code conform --write-profile}). A probe is not a rule: it asserts nothing, never fails or stops the run
 * (a probe that gets no answer is noted and skipped) and creates nothing: its create names a firmware that does not
 * exist, and the rest are reads. What each showed goes to the run's {@link ExchangeObserver}.
 * <ul>
 *   <li>{@code create.checkOrder}: create with an empty body (no field the request must have) on the missing
 *       firmware: 99400 means the request's shape is checked first, 24404 the firmware;</li>
 *   <li>{@code request.unknownFields}: Search OTA Job with one field the spec does not define: 99400 refuses it,
 *       code 0 ignores it;</li>
 *   <li>{@code methods.get}: Get OTA Job as the official Python sample sends it (POST, body {@code {}}) for a job
 *       that does not exist: 24404 accepts the method, 99400, 99404 or HTTP 405 refuse it;</li>
 *   <li>{@code search.defaultPageSize}: Search OTA Job without pagination.</li>
 * </ul>
 */
final class Probes {
    /** The field no spec defines, sent by the unknown-fields probe. */
    static final String UNKNOWN_FIELD = "enosOtaKitProbe";
    private static final String NO_SUCH_JOB = "enos-ota-kit-no-such-job";

    private final ConformanceRun run;

    Probes(ConformanceRun run) {
        this.run = run;
    }

    void runAll() {
        TargetConfig target = run.target();
        exchange("create.checkOrder", "POST", Operation.JOBS, query("action", "create", "orgId", target.orgId(),
                "firmwareId", target.missingFirmwareId()), "{}").ifPresent(exchange -> {
                    int code = code(exchange);
                    if (code == 99400 || code == 24404) {
                        record(Setting.CREATE_CHECK_ORDER, Evidence.FIRMWARE_BEFORE_REQUEST,
                                BooleanNode.valueOf(code == 24404), exchange);
                    }
                });
        exchange("request.unknownFields", "POST", Operation.JOBS, query("action", "search", "orgId",
                target.orgId()), "{\"" + UNKNOWN_FIELD + "\":true}").ifPresent(exchange -> {
                    int code = code(exchange);
                    if (code == 99400 || code == 0) {
                        record(Setting.UNKNOWN_FIELDS, Evidence.WHOLE, TextNode.valueOf(code == 0 ? "ignore"
                                : "refuse"), exchange);
                    }
                });
        exchange("methods.get", "POST", Operation.JOBS, query("action", "get", "orgId", target.orgId(), "jobId",
                NO_SUCH_JOB), "{}").ifPresent(exchange -> {
                    // the observer reads 0, 24xxx (accepted), 99404 and 405 (refused) by itself; a 99400 to the
                    // Python sample's own request refuses it too
                    if (code(exchange) == 99400) {
                        record(Setting.METHODS_GET, "POST", BooleanNode.FALSE, exchange);
                    }
                });
        exchange("search.defaultPageSize", "POST", Operation.JOBS, query("action", "search", "orgId",
                target.orgId()), "{}");
    }

    /** Sends one probe; the observer reads the exchange. Empty when it got no answer (noted, never thrown). */
    private Optional<ObservedExchange> exchange(String setting, String method, String path,
                                                Map<String, String> query, String body) {
        try {
            Response response = run.authenticated(run.given()).queryParams(query).body(body).request(method, path);
            StringBuilder target = new StringBuilder(path);
            String separator = "?";
            for (Map.Entry<String, String> parameter : query.entrySet()) {
                target.append(separator).append(encode(parameter.getKey())).append('=')
                        .append(encode(parameter.getValue()));
                separator = "&";
            }
            ObservedExchange exchange = ObservedExchange.of(method, target.toString(), body, response.statusCode(),
                    response.asString());
            run.observer().observe(exchange);
            return Optional.of(exchange);
        } catch (RuntimeException noAnswer) { // a probe never stops the run; its setting is simply not seen
            run.observer().remark("the probe for " + setting + " got no answer (" + noAnswer.getMessage() + ")");
            return Optional.empty();
        }
    }

    private void record(Setting setting, String fact, JsonNode value, ObservedExchange exchange) {
        run.observer().record(setting, fact, value, exchange);
    }

    /** Query parameters in the order given: name, value, name, value... */
    private static Map<String, String> query(String... pairs) {
        Map<String, String> query = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.put(pairs[i], pairs[i + 1]);
        }
        return query;
    }

    private static int code(ObservedExchange exchange) {
        JsonNode code = exchange.answer().path("code");
        return code.isIntegralNumber() ? code.asInt() : -1;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
