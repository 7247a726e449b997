package io.enoskit.ota.conformance;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestRunFinished;
import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One conformance run: the target, the HTTP settings every call uses (connect and read timeouts), the gateway
 * credentials cache, the jobs the run created, and what kept it from judging. Every scenario's world reaches it
 * (injected by {@link ConformanceObjectFactory}); it is also a Cucumber plugin that removes the created jobs when
 * the run ends, before the summary is written.
 */
public final class ConformanceRun implements ConcurrentEventListener, AutoCloseable {
    private final TargetConfig target;
    private final RestAssuredConfig http;
    private final CreatedJobs createdJobs = new CreatedJobs(this);
    private final Set<String> cannotJudge = new LinkedHashSet<>();
    private final SpecChecks specChecks = new SpecChecks();
    private TokenAuthFilter tokens;
    private OtaMockServer mock;
    /** True when the run started its in-process mock itself, and so stops it. */
    private boolean ownsMock = true;

    public ConformanceRun(TargetConfig target) {
        this.target = target;
        int millis = (int) Math.min(Integer.MAX_VALUE, target.timeout().toMillis());
        this.http = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", millis)
                .setParam("http.socket.timeout", millis)
                .setParam("http.connection-manager.timeout", (long) millis));
    }

    /**
     * A run against an in-process mock started by the caller (with extensions of its own, say), which the caller
     * also stops; the target must be the in-process mock ({@link TargetConfig#isMock()}).
     */
    ConformanceRun(TargetConfig target, OtaMockServer mock) {
        this(target);
        if (!target.isMock()) {
            throw new IllegalArgumentException("a run with a mock of its own needs the in-process target, not "
                    + target.baseUrl());
        }
        this.mock = mock;
        this.ownsMock = false;
    }

    public TargetConfig target() {
        return target;
    }

    /** The base URL calls go to; the in-process mock is started on first use. */
    public synchronized String baseUrl() {
        if (!target.isMock()) {
            return target.baseUrl();
        }
        if (mock == null) {
            mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().frozenClock(true));
        }
        return mock.baseUrl();
    }

    /** A request to the target with the run's timeouts and no credentials. */
    RequestSpecification given() {
        return RestAssured.given().config(http).baseUri(baseUrl());
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
    SpecChecks specChecks() {
        return specChecks;
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
        publisher.registerHandlerFor(TestRunFinished.class, event -> createdJobs.removeAll());
    }

    /** Stops the in-process mock, if the run started one. */
    @Override
    public synchronized void close() {
        if (mock != null && ownsMock) {
            mock.close();
            mock = null;
        }
    }
}
