package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;

/** The rules on the EnOS envelope: its fields on success and on error, a requestId per call, the documented shape. */
public final class EnvelopeSteps {
    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private final ConformanceWorld world;
    private final JobSteps jobs;
    private final List<String> requestIds = new ArrayList<>();

    public EnvelopeSteps(ConformanceWorld world, JobSteps jobs) {
        this.world = world;
        this.jobs = jobs;
    }

    @Then("the answer is a success: code 0, msg {string}, a requestId and the result in data")
    public void theAnswerIsASuccess(String ok) {
        JsonNode body = world.body();
        assertThat(body.path("code").isIntegralNumber() && body.path("code").asInt() == 0)
                .as("code of %s is the number 0", body).isTrue();
        assertThat(body.path("msg").asText(null)).as("msg").isEqualTo(ok);
        assertRequestId(body);
        assertThat(body.path("data").isObject()).as("data of %s holds the result", body).isTrue();
    }

    @Then("the answer is an error: a non-zero code, a msg, a requestId and data null")
    public void theAnswerIsAnError() {
        JsonNode body = world.body();
        assertThat(body.path("code").isIntegralNumber() && body.path("code").asInt() != 0)
                .as("code of %s is a non-zero number", body).isTrue();
        assertThat(body.path("msg").isTextual() && !body.path("msg").asText().isBlank()).as("msg of %s", body)
                .isTrue();
        assertRequestId(body);
        if (!body.has("data")) {
            world.observe("the error answer has no data field (the vendor's samples show \"data\":null)");
        }
        assertThat(body.path("data").isMissingNode() || body.path("data").isNull()).as("data of %s is null", body)
                .isTrue();
    }

    @Then("the answer fits the documented shape")
    public void theAnswerFitsTheDocumentedShape() {
        assertThat(world.takeSpecErrors()).as("breaches of the spec's answer schema").isEmpty();
    }

    @When("I read a job that does not exist twice")
    public void readAMissingJobTwice() {
        for (int i = 0; i < 2; i++) {
            jobs.readAJobThatDoesNotExist();
            requestIds.add(world.body().path("requestId").asText(""));
        }
    }

    @Then("the two answers carry different requestIds")
    public void differentRequestIds() {
        assertThat(requestIds).as("requestIds").hasSize(2).doesNotContain("");
        assertThat(requestIds.get(0)).as("the second requestId").isNotEqualTo(requestIds.get(1));
    }

    private void assertRequestId(JsonNode body) {
        String requestId = body.path("requestId").asText("");
        assertThat(body.path("requestId").isTextual() && !requestId.isBlank()).as("requestId of %s", body).isTrue();
        if (!requestId.matches(UUID)) {
            world.observe("requestId '" + requestId + "' is not a UUID, unlike the vendor's samples");
        }
    }
}
