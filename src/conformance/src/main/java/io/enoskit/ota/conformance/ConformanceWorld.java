package io.enoskit.ota.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cucumber.java.Scenario;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.profile.Evidence;
import io.enoskit.ota.profile.ObservedExchange;
import io.enoskit.ota.profile.Setting;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one scenario shares between its steps: the run and its target, the last answer, the job it created, the
 * spec breaches of its answers and the observations it made. Created anew for every scenario.
 */
public final class ConformanceWorld {
    static final String JOBS = Operation.JOBS;
    /**
     * The Content-Type of every call, exactly as the EnOS API convention writes it (EnOS API overview, "Request URI":
     * {@code Content-Type: application/json;charset=UTF-8}, no space); a gateway may compare the string.
     */
    public static final String CONTENT_TYPE = "application/json;charset=UTF-8";
    /** Prefix of report lines the summary lists as observations. */
    static final String OBSERVATION = "Observation: ";

    private final ConformanceRun run;
    private final RunValidators validators;
    private final Set<String> observations = new LinkedHashSet<>();
    private final List<String> specErrors = new ArrayList<>();
    private Scenario scenario;
    private boolean createsJob;
    private Response answer;
    private JsonNode answerBody;
    private String createdJobId;
    private ObservedExchange lastExchange;
    private final Map<String, String> scenarioJobs = new LinkedHashMap<>();

    public ConformanceWorld(ConformanceRun run) {
        this.run = run;
        this.validators = run.validators();
    }

    /** Called first in every scenario: what it is, and whether it may create a job (its tags). */
    void begin(Scenario current) {
        this.scenario = current;
        this.createsJob = current.getSourceTagNames().contains("@creates-job")
                || current.getSourceTagNames().contains("@starts-job");
    }

    ConformanceRun run() {
        return run;
    }

    TargetConfig target() {
        return run.target();
    }

    String baseUrl() {
        return run.baseUrl();
    }

    /**
     * Device keys for a request: in a scenario that creates a job, the target's own keys (the only devices a job may
     * touch); in any other scenario, names of devices that do not exist, so that a server that wrongly accepts the
     * request still touches no real device.
     *
     * @throws Skip when the scenario needs more device keys than the target gave
     */
    List<String> deviceKeys(int count) {
        if (!createsJob) {
            List<String> fake = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                fake.add("enos-ota-kit-no-such-device-" + i);
            }
            return fake;
        }
        if (target().deviceKeys().size() < count) {
            throw skip("needs " + count + " device keys, " + target().deviceKeys().size() + " given (--device-keys)");
        }
        return target().deviceKeys().subList(0, count);
    }

    /** All the device keys a job of this scenario may name (two made-up ones outside job-creating scenarios). */
    List<String> deviceKeys() {
        return deviceKeys(createsJob ? Math.min(2, target().deviceKeys().size()) : 2);
    }

    /** A call whose request and answer are checked against the spec, with the target's credentials. */
    RequestSpecification request() {
        return run.authenticated(plain().filter(new ExchangeCheckFilter(validators, this, false))
                .filter(new ObservingFilter(this)));
    }

    /** A call that breaks the spec on purpose; its answer is still checked against the spec. */
    RequestSpecification deliberatelyInvalidRequest() {
        return run.authenticated(plain().filter(new ExchangeCheckFilter(validators, this, true))
                .filter(new ObservingFilter(this)));
    }

    /** A call with no credentials and no spec check (the rules on gateway authentication). */
    RequestSpecification unauthenticatedRequest() {
        return plain();
    }

    /** The calls of the token service. */
    TokenAuthFilter tokens() {
        return run.tokens();
    }

    private RequestSpecification plain() {
        return run.given().filter(new TransportGuard(run, this)).filter(new Exchanges(this));
    }

    /** Keeps an answer as the last one; it must be JSON. */
    void answer(Response response) {
        this.answer = response;
        String text = response.asString();
        try {
            this.answerBody = Json.mapper().readTree(text == null ? "" : text);
        } catch (JsonProcessingException e) {
            this.answerBody = null;
        }
        if (answerBody == null || answerBody.isMissingNode()) {
            answerBody = null;
            throw new AssertionError("the answer is not JSON (HTTP " + response.statusCode() + "): "
                    + abbreviate(text));
        }
        if (response.statusCode() != 200 && response.statusCode() < 500) {
            observe("HTTP status " + response.statusCode() + " with code " + answerBody.path("code").asText("?")
                    + " (the vendor pages do not document the HTTP status of answers; the mock answers 200)");
        }
    }

    /** The last answer's JSON body. */
    JsonNode body() {
        if (answerBody == null) {
            throw new IllegalStateException("no answer has been received in this scenario yet");
        }
        return answerBody;
    }

    /** The last answer's HTTP status. */
    int status() {
        if (answer == null) {
            throw new IllegalStateException("no answer has been received in this scenario yet");
        }
        return answer.statusCode();
    }

    void createdJobId(String jobId) {
        createdJob(jobId, null);
    }

    /** A job this scenario created, with its type ("upgrade" or "verify"; null when not known). */
    void createdJob(String jobId, String type) {
        this.createdJobId = jobId;
        if (jobId != null) {
            scenarioJobs.put(jobId, type);
        }
        run.createdJobs().record(target().orgId(), jobId);
    }

    /** Every job this scenario created, oldest first, with its type (null when not known). */
    Map<String, String> scenarioJobs() {
        return Collections.unmodifiableMap(scenarioJobs);
    }

    /**
     * The job this scenario created.
     *
     * @throws AssertionError when the target did not create it (the answer to the create says why)
     */
    String createdJobId() {
        if (createdJobId == null) {
            throw new AssertionError("the target did not create the scenario's job"
                    + (answerBody == null ? "" : "; it answered " + answerBody));
        }
        return createdJobId;
    }

    /** The spec check of one exchange: breaches wait for a step on the documented shape; notes are observations. */
    void checkedAgainstSpec(Operation operation, List<String> errors, List<String> warnings) {
        takeSpecErrors().forEach(earlier -> observe("the answer does not fit the spec: " + earlier));
        errors.forEach(error -> specErrors.add(error + " (" + operation.method() + " " + operation.action() + ")"));
        warnings.forEach(warning -> observe("spec: " + warning + " (" + operation.method() + " "
                + operation.action() + ")"));
    }

    /** The spec breaches of the last answer, handed over once (a shape step asserts them). */
    List<String> takeSpecErrors() {
        List<String> taken = List.copyOf(specErrors);
        specErrors.clear();
        return taken;
    }

    /** Keeps the last exchange of the scenario's API calls, the evidence {@link #evidence} records. */
    void lastExchange(ObservedExchange exchange) {
        this.lastExchange = exchange;
    }

    /**
     * Records what the last exchange showed about a profile setting that the exchange alone cannot show (a job
     * stopped right after create answered 0: created started); the run's observed profile holds it.
     */
    void evidence(Setting setting, String value) {
        if (lastExchange != null) {
            run.observer().record(setting, Evidence.WHOLE, TextNode.valueOf(value), lastExchange);
        }
    }

    /**
     * Records how another organization's call was answered ({@code organizations.foreign}): 99403 denied, 24404 (an
     * organization that shows nothing) not found; other codes say nothing about the setting.
     */
    void foreignOrganization(int code) {
        if (code == 99403 || code == 24404) {
            evidence(Setting.FOREIGN_ORGANIZATION, code == 99403 ? "denied" : "not-found");
        }
    }

    /** Notes undocumented behaviour of the target, with the step it belongs to; reported apart from failures. */
    void observe(String observation) {
        if (observations.add(observation) && scenario != null) {
            scenario.log(OBSERVATION + observation);
        }
    }

    /**
     * Stops the scenario as skipped: the reason is logged once, as plain text, under the step that stopped it (the
     * report shows no exception for a skip, {@link HtmlReport}); throw what this returns.
     */
    Skip skip(String reason) {
        if (scenario != null) {
            scenario.log("Skipped: " + reason);
        }
        return new Skip(reason);
    }

    /** Notes that a call got no answer, under its step; throw what this returns. */
    TargetSilent silent(String reason) {
        if (scenario != null) {
            scenario.log("Could not judge: " + reason);
        }
        return new TargetSilent(reason);
    }

    /** Adds text to the report under the current step. */
    void attach(String name, String text) {
        if (scenario != null) {
            scenario.attach(text, "text/plain", name);
        }
    }

    private static String abbreviate(String text) {
        String shown = text == null ? "" : text;
        return shown.length() <= 300 ? shown : shown.substring(0, 300) + "…";
    }
}
