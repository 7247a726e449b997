package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.enoskit.ota.conformance.ParameterTypes.FirmwareRole;
import io.enoskit.ota.profile.Setting;

/**
 * Start, Stop and Delete OTA Job on the kit's own job. The jobs these scenarios start are dormant
 * ({@link JobRequests#dormantUpgrade}): their scope selects only devices on a firmware version no device runs, and
 * their schedule opens in 30 days, so starting one upgrades no device.
 */
public final class ActionSteps {
    private final ConformanceWorld world;
    private final CreateJobSteps create;

    public ActionSteps(ConformanceWorld world, CreateJobSteps create) {
        this.world = world;
        this.create = create;
    }

    @Given("a dormant job of the kit that is stopped")
    public void aStoppedJob() {
        createDormantJob();
        act("stop", world.target().orgId());
        int code = world.body().path("code").asInt(-1);
        assertThat(code).as("stopping the new job (0, or 24616 when it was created stopped): %s", world.body())
                .isIn(0, 24616);
        if (code == 0) {
            world.observe("the job was created started: stopping it right after create answered 0");
        }
        if (code == 0 || code == 24616) {
            world.evidence(Setting.CREATED_JOB_STATUS, code == 0 ? "started" : "stopped");
        }
    }

    @Given("a dormant job of the kit that has been started")
    public void aStartedJob() {
        createDormantJob();
        act("start", world.target().orgId());
        int code = world.body().path("code").asInt(-1);
        assertThat(code).as("starting the new job (0, or 24615 when it was created started): %s", world.body())
                .isIn(0, 24615);
        if (code == 24615) {
            world.observe("the job was created started: starting it right after create answered 24615");
        }
        if (code == 0 || code == 24615) {
            world.evidence(Setting.CREATED_JOB_STATUS, code == 0 ? "stopped" : "started");
        }
    }

    @When("I {action} the job")
    public void actOnTheJob(String action) {
        act(action, world.target().orgId());
        if (action.equals("delete") && world.body().path("code").asInt(-1) == 0) {
            world.run().createdJobs().deleted(world.createdJobId());
        }
    }

    @When("another organization deletes the job")
    public void anotherOrganizationDeletes() {
        act("delete", new Organizations(world).other());
    }

    @When("I {action} a job that does not exist")
    public void actOnAMissingJob(String action) {
        send(action, world.target().orgId(), "enos-ota-kit-no-such-job");
    }

    @Then("the job is deleted")
    public void theJobIsDeleted() {
        assertThat(world.body().path("code").asInt(-1)).as("code of Delete OTA Job: %s", world.body()).isEqualTo(0);
    }

    private void createDormantJob() {
        create.create(world.request(), FirmwareRole.READY,
                JobRequests.dormantUpgrade(world.deviceKeys(), System.currentTimeMillis()));
        assertThat(world.body().path("code").asInt(-1)).as("creating the scenario's job: %s", world.body())
                .isEqualTo(0);
    }

    private void act(String action, String orgId) {
        send(action, orgId, world.createdJobId());
    }

    private void send(String action, String orgId, String jobId) {
        world.answer(world.request()
                .queryParam("action", action)
                .queryParam("orgId", orgId)
                .queryParam("jobId", jobId)
                .post(ConformanceWorld.JOBS));
    }
}
