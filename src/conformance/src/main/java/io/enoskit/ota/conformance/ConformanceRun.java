package io.enoskit.ota.conformance;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestSourceParsed;
import io.enoskit.ota.contract.DocumentedRule;
import io.enoskit.ota.contract.OpenApiContract;
import io.enoskit.ota.profile.ExchangeObserver;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One conformance run: the target, the HTTP settings every call uses (connect and read timeouts), the gateway
 * credentials cache, the jobs the run created, and what kept it from judging. Every scenario's world reaches it
 * (injected by {@link ConformanceObjectFactory}); it is also a Cucumber plugin that removes the created jobs when
 * the run ends, before the summary is written.
 */
public final class ConformanceRun implements ConcurrentEventListener {
    private final TargetConfig target;
    private final RestAssuredConfig http;
    private final CreatedJobs createdJobs = new CreatedJobs(this);
    private final Set<String> cannotJudge = new LinkedHashSet<>();
    private final RunValidators validators;
    private final ExchangeObserver observer = new ExchangeObserver();
    private final Supplier<String> inProcessMockUrl;
    private TokenAuthFilter tokens;
    /** The features of the run as Cucumber parsed them, for {@link #ruleOf}. */
    private final FeatureSources features = new FeatureSources();
    private static final List<DocumentedRule> RULES = OpenApiContract.allRules();

    /** A run against a target at a base URL. */
    public ConformanceRun(TargetConfig target) {
        this(target, null);
    }

    /**
     * A run whose target may be the kit's mock in this JVM ({@link TargetConfig#isMock()}), started and stopped by
     * the caller (this module has no mock on its class path: the kit's own tests bring one).
     *
     * @param inProcessMockUrl the base URL of the caller's mock, asked for on each call; null when the target is at a
     *                         base URL
     */
    public ConformanceRun(TargetConfig target, Supplier<String> inProcessMockUrl) {
        this.target = target;
        this.inProcessMockUrl = inProcessMockUrl;
        this.validators = new RunValidators(target.enosVersion());
        int millis = (int) Math.min(Integer.MAX_VALUE, target.timeout().toMillis());
        this.http = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", millis)
                .setParam("http.socket.timeout", millis)
                .setParam("http.connection-manager.timeout", (long) millis));
    }

    public TargetConfig target() {
        return target;
    }

    /** The base URL calls go to. */
    public String baseUrl() {
        if (!target.isMock()) {
            return target.baseUrl();
        }
        if (inProcessMockUrl == null) {
            throw new IllegalStateException("a run against the in-process mock needs the mock's URL");
        }
        return inProcessMockUrl.get();
    }

    /**
     * A request to the target with the run's timeouts, the documented Content-Type ({@link
     * ConformanceWorld#CONTENT_TYPE}, also on calls without a body, which rest-assured would otherwise send as a form)
     * and no credentials.
     */
    RequestSpecification given() {
        return RestAssured.given().config(http).baseUri(baseUrl()).contentType(ConformanceWorld.CONTENT_TYPE);
    }

    /** The same request with the target's gateway credentials, if it has any. */
    RequestSpecification authenticated(RequestSpecification request) {
        return switch (target.auth()) {
            case TOKEN -> request.filter(tokens());
            case POSEIDON -> request.filter(new PoseidonTransport(target.appKey(), target.appSecret()));
            case NONE -> request;
        };
    }

    /** The APIM token cache of this run (one token for all its calls, renewed a minute before it expires). */
    synchronized TokenAuthFilter tokens() {
        if (tokens == null) {
            tokens = new TokenAuthFilter(this, target.appKey(), target.appSecret());
        }
        return tokens;
    }

    /** The spec validators of this run. */
    RunValidators validators() {
        return validators;
    }

    /** What the run's exchanges showed about the behaviour profile's settings (the observed profile). */
    public ExchangeObserver observer() {
        return observer;
    }

    CreatedJobs createdJobs() {
        return createdJobs;
    }

    /** Notes that a call got no answer (timeout, refused or dropped connection): the run could not judge it. */
    synchronized void couldNotJudge(String reason) {
        cannotJudge.add(reason);
    }

    /** Why some calls got no answer, in order seen; empty when every call was answered. */
    public synchronized List<String> cannotJudge() {
        return new ArrayList<>(cannotJudge);
    }

    /** The jobs the run created on a foreign target and removed again, as {@code org job jobId}. */
    public List<String> removedJobs() {
        return createdJobs.removed();
    }

    /** The jobs the run created and could not remove, with why. */
    public List<String> jobsLeft() {
        return createdJobs.notRemoved();
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestSourceParsed.class, features::parsed);
        publisher.registerHandlerFor(TestRunFinished.class, event -> createdJobs.removeAll());
    }

    /**
     * The documented rule a scenario guards: the Gherkin {@code Rule:} it sits in, whose title starts with the rule's
     * id. Empty for a scenario outside a rule, or when this run is no plugin of the Cucumber run (its features unseen).
     *
     * @param feature the scenario's feature file
     * @param line    the scenario's line (of its example row, for an outline)
     */
    Optional<DocumentedRule> ruleOf(URI feature, int line) {
        return features.ruleId(feature, line)
                .flatMap(id -> RULES.stream().filter(rule -> rule.id().equals(id)).findFirst());
    }
}
