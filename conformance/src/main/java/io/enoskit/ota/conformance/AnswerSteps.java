package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;

/** The Then steps about the envelope of the last answer: {@code code}, {@code msg}, {@code requestId}, {@code data}. */
public final class AnswerSteps {
    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private final ConformanceWorld world;

    public AnswerSteps(ConformanceWorld world) {
        this.world = world;
    }

    @Then("the job is created")
    public void theJobIsCreated() {
        JsonNode body = world.body();
        assertThat(body.path("code").asInt(-1)).as("code of %s", body).isEqualTo(0);
        assertThat(body.path("msg").asText()).as("msg").isEqualTo("OK");
        assertThat(body.path("data").path("jobId").asText("")).as("data.jobId of %s", body).isNotBlank();
    }

    @Then("the answer has a request id")
    public void theAnswerHasARequestId() {
        String requestId = world.body().path("requestId").asText("");
        assertThat(requestId).as("requestId").isNotBlank();
        if (!requestId.matches(UUID)) {
            world.observe("requestId '" + requestId + "' is not a UUID, unlike the vendor's samples");
        }
    }

    @Then("the answer carries the new job's id in data.jobId")
    public void theAnswerCarriesTheJobId() {
        String jobId = world.body().path("data").path("jobId").asText("");
        assertThat(jobId).as("data.jobId").isNotBlank().isNotEqualTo("5ee1a91029b990001b9c188e");
        if (!jobId.matches("[0-9a-f]{24}")) {
            world.observe("jobId '" + jobId + "' is not 24 lowercase hex characters, unlike the vendor's samples");
        }
    }

    @Then("the answer is the error {int} {string}")
    public void theAnswerIsTheError(int code, String msg) {
        assertError(code);
        assertThat(world.body().path("msg").asText()).as("msg").isEqualTo(msg);
    }

    @Then("the answer is the error {int} {string} with the firmware's limit")
    public void theAnswerIsTheErrorWithTheLimit(int code, String template) {
        assertError(code);
        String msg = world.body().path("msg").asText();
        Integer limit = world.target().verificationLimit();
        if (limit != null) {
            assertThat(msg).as("msg").isEqualTo(String.format(template, limit));
        } else {
            assertThat(msg).as("msg").matches(java.util.regex.Pattern.quote(template).replace("%d", "\\E\\d+\\Q"));
            world.observe("the verification limit of the ready firmware is not configured; the answer says: " + msg);
        }
    }

    @Then("the answer is an invalid argument naming {string}")
    public void theAnswerIsAnInvalidArgument(String field) {
        assertError(99400);
        String msg = world.body().path("msg").asText();
        if (!msg.contains(field)) {
            world.observe("99400 message does not name the field " + field + ": " + msg);
        }
    }

    private void assertError(int code) {
        JsonNode body = world.body();
        assertThat(body.path("code").asInt(-1)).as("code of %s", body).isEqualTo(code);
        assertThat(body.has("data") && !body.get("data").isNull()).as("data is null on an error").isFalse();
        assertThat(body.path("requestId").asText("")).as("requestId").isNotBlank();
    }
}
