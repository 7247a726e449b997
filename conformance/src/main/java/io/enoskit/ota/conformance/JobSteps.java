package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;

/** Reading a created job back (Get OTA Job) and what the job holds. */
public final class JobSteps {
    private final ConformanceWorld world;

    public JobSteps(ConformanceWorld world) {
        this.world = world;
    }

    @When("I read the created job back")
    public void readBack() {
        readBackAs(world.target().orgId());
    }

    @When("I read the created job back as the organization {string}")
    public void readBackAs(String orgId) {
        world.answer(world.request()
                .queryParam("action", "get")
                .queryParam("orgId", orgId)
                .queryParam("jobId", world.createdJobId())
                .get(ConformanceWorld.JOBS));
    }

    @Then("the job has the upgradeTimeout {long} seconds")
    public void upgradeTimeout(long seconds) {
        assertThat(job().path("upgradeTimeout").asLong(-1)).as("upgradeTimeout").isEqualTo(seconds);
    }

    @Then("the job has the maximumConcurrency {int}")
    public void maximumConcurrency(int count) {
        assertThat(job().path("maximumConcurrency").asInt(-1)).as("maximumConcurrency").isEqualTo(count);
    }

    @Then("the job has no retry policy")
    public void noRetry() {
        JsonNode retry = job().path("retryPolicy");
        assertThat(retry.isMissingNode() || retry.isNull() || !retry.path("enableRetry").asBoolean(false))
                .as("retryPolicy %s means no retry", retry).isTrue();
    }

    @Then("the job has the default schedule, starting at once and running daily")
    public void defaultSchedule() {
        JsonNode job = job();
        JsonNode schedule = job.path("schedulePolicy");
        assertThat(schedule.isMissingNode() || schedule.isNull() || schedule.path("isRepeatDaily").asBoolean(false))
                .as("schedulePolicy %s repeats daily", schedule).isTrue();
        if (schedule.has("startTimestamp") && job.has("createTime")) {
            long delay = schedule.path("startTimestamp").asLong() - job.path("createTime").asLong();
            if (Math.abs(delay) > 60_000) {
                world.observe("the default schedule starts " + delay + " ms from the job's createTime");
            }
        }
        if (job.has("startSchedule") || job.has("endSchedule")) {
            assertThat(List.of(job.path("startSchedule").asInt(), job.path("endSchedule").asInt()))
                    .as("daily window 00:00:00 to 23:59:59 in seconds of the day").containsExactly(0, 86399);
        }
    }

    @Then("the job read back is the one created, with the sample's device keys")
    public void theJobReadBack() {
        JsonNode job = job();
        assertThat(job.path("jobId").asText()).isEqualTo(world.createdJobId());
        assertThat(job.path("orgId").asText()).isEqualTo(world.target().orgId());
        assertThat(job.path("firmwareId").asText()).isEqualTo(world.target().readyFirmwareId());
        assertThat(job.path("type").asText()).isEqualTo("upgrade");
        List<String> keys = new ArrayList<>();
        job.path("upgradeScope").path("deviceKeys").forEach(key -> keys.add(key.asText()));
        assertThat(keys).isEqualTo(world.deviceKeys());
    }

    private JsonNode job() {
        JsonNode body = world.body();
        assertThat(body.path("code").asInt(-1)).as("code of the Get OTA Job answer %s", body).isEqualTo(0);
        return body.path("data");
    }
}
