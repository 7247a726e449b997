package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.enoskit.ota.contract.Json;
import io.restassured.response.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mock's faults and delays ({@code /__admin/ota/faults}), and a client with a retry policy facing them, as an SDK
 * would retry; only for scenarios tagged {@code @mock-only}.
 */
public final class FaultSteps {
    private final ConformanceWorld world;
    private int attempts;
    private int lastStatus;
    private long answeredAfterMillis;

    public FaultSteps(ConformanceWorld world) {
        this.world = world;
    }

    @Given("the mock answers the next {int} call(s) of {string} with HTTP {int}")
    public void failTheNextCalls(int calls, String operation, int status) {
        addRule(Map.of("operation", operation, "fault", String.valueOf(status), "calls", calls));
    }

    @Given("the mock delays every call of {string} by {int} ms")
    public void delayEveryCall(String operation, int millis) {
        addRule(Map.of("operation", operation, "delayMs", millis));
    }

    @When("a client that retries up to {int} time(s) on HTTP 5xx creates an upgrade job on the ready firmware")
    public void createWithRetries(int maxAttempts) {
        attempts = 0;
        Response response;
        do {
            attempts++;
            response = world.request()
                    .queryParam("action", "create")
                    .queryParam("orgId", world.target().orgId())
                    .queryParam("firmwareId", world.target().readyFirmwareId())
                    .body(Json.write(JobRequests.minimalUpgrade(world.deviceKeys())))
                    .post(ConformanceWorld.JOBS);
            lastStatus = response.statusCode();
        } while (lastStatus >= 500 && attempts < maxAttempts);
        world.answer(response);
        if (world.body().path("code").asInt(-1) == 0) {
            world.createdJobId(world.body().path("data").path("jobId").asText(null));
        }
    }

    @When("I read a job that does not exist, timing the answer")
    public void readTimed() {
        long started = System.nanoTime();
        new JobSteps(world).readAJobThatDoesNotExist();
        answeredAfterMillis = (System.nanoTime() - started) / 1_000_000;
    }

    @Then("the client made {int} attempt(s)")
    public void theClientMadeAttempts(int expected) {
        assertThat(attempts).as("attempts").isEqualTo(expected);
    }

    @Then("the client got HTTP {int}")
    public void theClientGot(int status) {
        assertThat(lastStatus).as("HTTP status of the last attempt").isEqualTo(status);
    }

    @Then("the organization has {int} job(s)")
    public void theOrganizationHasJobs(int count) {
        assertThat(world.run().given().get("/__admin/ota/orgs/" + world.target().orgId() + "/jobs")
                .jsonPath().getList("jobs")).as("jobs of the organization").hasSize(count);
    }

    @Then("the answer came after at least {int} ms")
    public void theAnswerCameAfter(int millis) {
        assertThat(answeredAfterMillis).as("ms until the answer").isGreaterThanOrEqualTo(millis);
    }

    private void addRule(Map<String, Object> rule) {
        world.run().given().body(Json.write(new LinkedHashMap<>(rule)))
                .post("/__admin/ota/faults").then().statusCode(200);
    }
}
