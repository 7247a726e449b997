package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;

/** Reading a job back (Get OTA Job) and what the job holds. */
public final class JobSteps {
    private final ConformanceWorld world;

    public JobSteps(ConformanceWorld world) {
        this.world = world;
    }

    @When("I read the created job back")
    @When("I read the job back")
    public void readBack() {
        readBackAs(world.target().orgId());
    }

    @When("another organization reads the job")
    public void anotherOrganizationReads() {
        readBackAs(new Organizations(world).other());
    }

    void readBackAs(String orgId) {
        read(orgId, world.createdJobId());
    }

    @When("I read a job that does not exist")
    public void readAJobThatDoesNotExist() {
        read(world.target().orgId(), "enos-ota-kit-no-such-job");
    }

    private void read(String orgId, String jobId) {
        world.answer(world.request()
                .queryParam("action", "get")
                .queryParam("orgId", orgId)
                .queryParam("jobId", jobId)
                .get(ConformanceWorld.JOBS));
    }

    @Then("the job has the upgradeTimeout {long} seconds")
    public void upgradeTimeout(long seconds) {
        assertThat(job().path("upgradeTimeout").asLong(-1)).as("upgradeTimeout of the job read back")
                .isEqualTo(seconds);
    }

    @Then("the job has the maximumConcurrency {int}")
    public void maximumConcurrency(int count) {
        assertThat(job().path("maximumConcurrency").asInt(-1)).as("maximumConcurrency of the job read back")
                .isEqualTo(count);
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
        assertThat(schedule.isMissingNode() || schedule.isNull() || schedule.path("isRepeatDaily").isNull()
                || schedule.path("isRepeatDaily").isMissingNode() || schedule.path("isRepeatDaily").asBoolean())
                .as("schedulePolicy %s repeats daily", schedule).isTrue();
        JsonNode start = schedule.path("startTimestamp");
        if (start.isNumber() && job.path("createTime").isNumber()) {
            long delay = start.asLong() - job.path("createTime").asLong();
            assertThat(delay).as("ms from createTime to the schedule's start (at once)").isLessThanOrEqualTo(60_000);
        }
        if (job.path("startSchedule").isNumber() || job.path("endSchedule").isNumber()) {
            assertThat(List.of(job.path("startSchedule").asInt(0), job.path("endSchedule").asInt(86399)))
                    .as("daily window 00:00:00 to 23:59:59 in seconds of the day").containsExactly(0, 86399);
        }
    }

    @Then("the job read back is the one created, with the sample's device keys")
    public void theJobReadBack() {
        JsonNode job = job();
        assertThat(job.path("jobId").asText()).as("jobId").isEqualTo(world.createdJobId());
        assertThat(job.path("orgId").asText()).as("orgId").isEqualTo(world.target().orgId());
        assertThat(job.path("firmwareId").asText()).as("firmwareId").isEqualTo(world.target().readyFirmwareId());
        assertThat(job.path("type").asText()).as("type").isEqualTo("upgrade");
        assertThat(job.path("upgradePolicy").asText()).as("upgradePolicy").isEqualTo("snapshot");
        assertThat(job.path("enableUpgradeRequest").asBoolean(false)).as("enableUpgradeRequest").isTrue();
        assertThat(job.path("upgradeScope").path("type").asText()).as("upgradeScope.type").isEqualTo("partial");
        List<String> keys = new ArrayList<>();
        job.path("upgradeScope").path("deviceKeys").forEach(key -> keys.add(key.asText()));
        assertThat(keys).as("upgradeScope.deviceKeys").containsExactlyInAnyOrderElementsOf(world.deviceKeys());
    }

    @Then("the job is not shown to it")
    public void theJobIsNotShown() {
        JsonNode body = world.body();
        assertThat(body.path("code").asInt(-1)).as("code of %s (another organization must not read the job)", body)
                .isNotEqualTo(0);
        assertThat(body.path("data").path("jobId").asText("")).as("data of the answer").isNotEqualTo(
                world.createdJobId());
        if (body.path("code").asInt() != 24404) {
            world.observe("another organization's read is answered " + body.path("code").asText() + " "
                    + body.path("msg").asText() + " (24404 \"Job not found\" or 99403 are the documented codes)");
        }
        world.foreignOrganization(body.path("code").asInt());
    }

    @Then("the job is still there")
    public void theJobIsStillThere() {
        readBack();
        assertThat(world.body().path("code").asInt(-1)).as("code of reading the job back: %s", world.body())
                .isEqualTo(0);
    }

    private JsonNode job() {
        JsonNode body = world.body();
        assertThat(body.path("code").asInt(-1)).as("code of the Get OTA Job answer %s", body).isEqualTo(0);
        return body.path("data");
    }
}
