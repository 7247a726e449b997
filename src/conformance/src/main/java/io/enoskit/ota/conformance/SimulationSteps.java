package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.enoskit.ota.conformance.ParameterTypes.FirmwareRole;
import io.enoskit.ota.conformance.ParameterTypes.JobType;
import io.enoskit.ota.conformance.ParameterTypes.TaskAction;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.model.UpgradeScope;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mock's device simulation, driven as a console would: jobs on the devices of the mock's state file (named in
 * the scenario), started through the API, the simulation clock moved on through the admin route
 * {@code POST /__admin/ota/clock} (nobody waits), and tasks read back with Search OTA Task. Only for scenarios tagged
 * {@code @mock-only}: every step refuses to run against anything but the in-process mock, since these jobs name
 * devices and upgrade them.
 */
public final class SimulationSteps {
    private final ConformanceWorld world;
    private final CreateJobSteps create;
    private final TaskSteps tasks;

    public SimulationSteps(ConformanceWorld world, CreateJobSteps create, TaskSteps tasks) {
        this.world = world;
        this.create = create;
        this.tasks = tasks;
    }

    @Given("a(n) {jobType} job on the {firmware} firmware for {devices}")
    public void aJobFor(JobType type, FirmwareRole firmware, List<String> deviceKeys) {
        createFor(firmware, body(type, deviceKeys));
    }

    @Given("a started {jobType} job on the {firmware} firmware for {devices}")
    public void aStartedJobFor(JobType type, FirmwareRole firmware, List<String> deviceKeys) {
        createFor(firmware, body(type, deviceKeys));
        start();
    }

    @Given("a started upgrade job on the {firmware} firmware for {devices}, with an upgradeTimeout of {int} seconds")
    public void aStartedJobWithTimeout(FirmwareRole firmware, List<String> deviceKeys, int seconds) {
        ObjectNode body = body(JobType.UPGRADE, deviceKeys);
        body.put("upgradeTimeout", seconds);
        createFor(firmware, body);
        start();
    }

    @Given("a started upgrade job on the {firmware} firmware for {devices}, {int} devices at a time, with an"
            + " upgradeTimeout of {int} seconds")
    public void aStartedJobWithConcurrency(FirmwareRole firmware, List<String> deviceKeys, int concurrency,
                                           int seconds) {
        ObjectNode body = body(JobType.UPGRADE, deviceKeys);
        body.put("maximumConcurrency", concurrency);
        body.put("upgradeTimeout", seconds);
        createFor(firmware, body);
        start();
    }

    /** Creates and starts an upgrade job whose scope is the given one (the steps that select by tag, ...). */
    void aStartedJobWith(FirmwareRole firmware, UpgradeScope scope) {
        createFor(firmware, JobRequests.minimalUpgrade(scope));
        start();
    }

    @When("{int} seconds pass on the mock's clock")
    public void secondsPass(int seconds) {
        requireMock();
        world.run().given().body(Json.write(Map.of("advanceSeconds", seconds)))
                .post("/__admin/ota/clock").then().statusCode(200);
    }

    @When("I {taskAction} the task(s) of {devices}")
    public void actOn(TaskAction action, List<String> deviceKeys) {
        requireMock();
        tasks.act(action, world.createdJobId(), deviceKeys);
    }

    @Then("the job's tasks are:")
    public void theJobsTasksAre(DataTable expected) {
        requireMock();
        JsonNode answer = tasks.searchTasksOf(world.createdJobId());
        assertThat(answer.path("code").asInt(-1)).as("code of Search OTA Task: %s", answer).isEqualTo(0);
        Map<String, JsonNode> byDevice = new LinkedHashMap<>();
        answer.path("data").forEach(task -> byDevice.put(task.path("deviceKey").asText(), task));
        List<Map<String, String>> rows = expected.asMaps();
        assertThat(byDevice.keySet()).as("devices of the job's tasks").containsExactlyInAnyOrderElementsOf(
                rows.stream().map(row -> row.get("deviceKey")).toList());
        for (Map<String, String> row : rows) {
            JsonNode task = byDevice.get(row.get("deviceKey"));
            row.forEach((column, value) -> assertThat(task.path(column).asText())
                    .as("%s of the task of %s: %s", column, row.get("deviceKey"), task).isEqualTo(value));
        }
    }

    @When("I search the job's tasks every {int} seconds of the mock's clock for {int} seconds, then once more {int}"
            + " seconds later")
    public void followTheJob(int every, int during, int later) {
        requireMock();
        for (int passed = 0; passed <= during; passed += every) {
            if (passed > 0) {
                secondsPass(every);
            }
            tasks.tasksAnswered(tasks.searchTasksOf(world.createdJobId()));
        }
        secondsPass(later);
        tasks.tasksAnswered(tasks.searchTasksOf(world.createdJobId()));
    }

    private ObjectNode body(JobType type, List<String> deviceKeys) {
        return type == JobType.UPGRADE ? JobRequests.minimalUpgrade(deviceKeys)
                : JobRequests.verification(deviceKeys, UpgradeScope.TypeEnum.PARTIAL);
    }

    private void createFor(FirmwareRole firmware, ObjectNode body) {
        requireMock();
        create.create(world.request(), firmware, body);
        assertThat(world.body().path("code").asInt(-1)).as("creating the scenario's job: %s", world.body())
                .isEqualTo(0);
    }

    private void start() {
        world.answer(world.request()
                .queryParam("action", "start")
                .queryParam("orgId", world.target().orgId())
                .queryParam("jobId", world.createdJobId())
                .post(ConformanceWorld.JOBS));
        assertThat(world.body().path("code").asInt(-1)).as("starting the scenario's job: %s", world.body())
                .isEqualTo(0);
    }

    /** These steps name devices and upgrade them: never anywhere but in the kit's own in-process mock. */
    private void requireMock() {
        if (!world.target().isMock()) {
            throw new IllegalStateException("a step of the mock's simulation ran against " + world.target().baseUrl()
                    + "; its scenario must be tagged @mock-only");
        }
    }
}
