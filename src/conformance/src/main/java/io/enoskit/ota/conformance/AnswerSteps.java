package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import java.util.regex.Pattern;

/**
 * The Then steps about the code and message of the last answer. Each asserts only what its rule documents: the
 * envelope as a whole (requestId, data null on errors) has rules of its own ({@link EnvelopeSteps}).
 */
public final class AnswerSteps {
    private final ConformanceWorld world;

    public AnswerSteps(ConformanceWorld world) {
        this.world = world;
    }

    @Then("the job is created")
    public void theJobIsCreated() {
        JsonNode body = world.body();
        assertThat(body.path("code").asInt(-1)).as("code of %s", body).isEqualTo(0);
        assertThat(body.path("data").path("jobId").asText("")).as("data.jobId of %s", body).isNotBlank();
    }

    @Then("the answer carries the new job's id in data.jobId")
    public void theAnswerCarriesTheJobId() {
        String jobId = world.body().path("data").path("jobId").asText("");
        assertThat(jobId).as("data.jobId").isNotBlank().isNotEqualTo("5ee1a91029b990001b9c188e");
        if (!jobId.matches("[0-9a-f]{24}")) {
            world.observe("jobId '" + jobId + "' is not 24 lowercase hex characters, unlike the vendor's samples");
        }
    }

    @Then("the answer is not a created job")
    public void theAnswerIsNotACreatedJob() {
        JsonNode body = world.body();
        assertThat(body.path("code").asInt(-1)).as("code of %s (another organization must not use the firmware)",
                body).isNotEqualTo(0);
        if (body.path("code").asInt() != 24404) {
            world.observe("another organization's create is answered " + body.path("code").asText() + " "
                    + body.path("msg").asText() + " (24404 \"Firmware not found\" or 99403 are the documented codes)");
        }
        world.foreignOrganization(body.path("code").asInt());
    }

    @Then("the answer is the error {int} {string}")
    public void theAnswerIsTheError(int code, String msg) {
        assertCode(code);
        assertThat(world.body().path("msg").asText()).as("msg").isEqualTo(msg);
    }

    @Then("the answer is the error 24612 with the ready firmware's verification limit")
    public void theAnswerIsTooManyVerificationDevices() {
        assertCode(24612);
        String msg = world.body().path("msg").asText();
        Integer limit = world.target().verificationLimit();
        if (limit != null) {
            String expected = "Exceeded max verification deviceKeys, max[" + limit + "]";
            world.attach("expected msg", expected);
            assertThat(msg).as("msg").isEqualTo(expected);
        } else {
            assertThat(msg).as("msg").matches(Pattern.quote("Exceeded max verification deviceKeys, max[")
                    + "\\d+" + Pattern.quote("]"));
            world.observe("the verification limit of the ready firmware is not configured (--verification-limit);"
                    + " only the form of the message is checked: " + msg);
        }
    }

    @Then("the answer is an invalid argument naming {string}")
    public void theAnswerIsAnInvalidArgument(String field) {
        theAnswerIsAnInvalidArgument();
        String msg = world.body().path("msg").asText();
        if (!msg.contains(field)) {
            world.observe("99400 message does not name the field " + field + ": " + msg);
        }
    }

    @Then("the answer is an invalid argument")
    public void theAnswerIsAnInvalidArgument() {
        assertThat(world.status()).as("HTTP status (a server error is never the answer to a client's mistake)")
                .isLessThan(500);
        assertCode(99400);
    }

    private void assertCode(int code) {
        JsonNode body = world.body();
        assertThat(world.status()).as("HTTP status of %s", body).isLessThan(500);
        assertThat(body.path("code").asInt(-1)).as("code of %s", body).isEqualTo(code);
    }
}
