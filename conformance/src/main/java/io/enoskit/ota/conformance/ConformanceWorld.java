package io.enoskit.ota.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.contract.Json;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;

/**
 * What one scenario shares between its steps: the target, the last answer, the job it created and the
 * observations it made. Created anew for every scenario (cucumber-picocontainer).
 */
public final class ConformanceWorld {
    static final String JOBS = "/connect-service/v2.1/ota-jobs";

    private final TargetConfig target = TargetConfig.current();
    private final List<String> observations = new ArrayList<>();
    private boolean createsJob;
    private JsonNode answerBody;
    private String createdJobId;

    TargetConfig target() {
        return target;
    }

    /** Set by a hook from the scenario's tags: true when the scenario expects the target to create a job. */
    void createsJob(boolean createsJob) {
        this.createsJob = createsJob;
    }

    /**
     * Device keys for a request: in a scenario that creates a job, the target's own keys (the only devices a
     * job may touch); in any other scenario, names of devices that do not exist, so that a server that wrongly
     * accepts the request still touches no real device.
     */
    List<String> deviceKeys(int count) {
        if (!createsJob) {
            List<String> fake = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                fake.add("enos-ota-kit-no-such-device-" + i);
            }
            return fake;
        }
        if (target.deviceKeys().size() < count) {
            throw new org.opentest4j.TestAbortedException("needs " + count + " device keys, "
                    + target.deviceKeys().size() + " given (ota.deviceKeys)");
        }
        return target.deviceKeys().subList(0, count);
    }

    /** All the device keys a job of this scenario may name. */
    List<String> deviceKeys() {
        return deviceKeys(createsJob ? target.deviceKeys().size() : 2);
    }

    String baseUrl() {
        return target.isMock() ? MockTarget.baseUrl() : target.baseUrl();
    }

    /** A request whose exchange is checked against the spec. */
    RequestSpecification request() {
        return authenticated(RestAssured.given().baseUri(baseUrl()).contentType(ContentType.JSON)
                .filter(SpecCheckFilter.checked(observations::add)));
    }

    /** A request that breaks the spec on purpose; its answer is still checked against the spec. */
    RequestSpecification deliberatelyInvalidRequest() {
        return authenticated(RestAssured.given().baseUri(baseUrl()).contentType(ContentType.JSON)
                .filter(SpecCheckFilter.deliberatelyInvalid(observations::add)));
    }

    private RequestSpecification authenticated(RequestSpecification request) {
        return authenticate(request, target, baseUrl());
    }

    /** Adds the target's gateway authentication, if it has one, to a request. */
    static RequestSpecification authenticate(RequestSpecification request, TargetConfig target, String baseUrl) {
        return switch (target.auth()) {
            case "token" -> request.filter(TokenAuthFilter.forTarget(baseUrl, target.appKey(), target.appSecret()));
            case "poseidon" -> request.filter(new PoseidonTransport(target.appKey(), target.appSecret()));
            default -> request;
        };
    }

    void answer(Response response) {
        try {
            this.answerBody = Json.mapper().readTree(response.asString());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("the answer is not JSON (HTTP " + response.statusCode() + "): "
                    + abbreviate(response.asString()));
        }
        if (response.statusCode() != 200) {
            observe("HTTP status " + response.statusCode() + " with code " + answerBody.path("code").asText("?")
                    + " (the vendor page does not document the HTTP status; the mock answers 200)");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    /** The last answer's JSON body. */
    JsonNode body() {
        if (answerBody == null) {
            throw new IllegalStateException("no request has been sent in this scenario yet");
        }
        return answerBody;
    }

    void createdJobId(String jobId) {
        this.createdJobId = jobId;
    }

    String createdJobId() {
        if (createdJobId == null) {
            throw new IllegalStateException("no job has been created in this scenario");
        }
        return createdJobId;
    }

    /** Notes undocumented behaviour of the target; reported apart from failures. */
    void observe(String observation) {
        observations.add(observation);
    }

    List<String> observations() {
        return observations;
    }
}
