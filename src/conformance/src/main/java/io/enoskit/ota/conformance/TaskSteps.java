package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.enoskit.ota.conformance.ParameterTypes.TaskAction;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.model.TaskActionRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Search OTA Task, Cancel OTA Task and Retry OTA Task. Against a gateway they act only on the kit's own dormant
 * jobs or on a job that does not exist: a dormant job's tasks, if the gateway makes any, never start upgrading (their
 * schedule opens in 30 days), so cancelling or retrying one upgrades no device. Device tasks that move are the mock's
 * ({@link SimulationSteps}).
 */
public final class TaskSteps {
    /** The task statuses Search OTA Task documents. */
    static final Set<String> STATUSES = Set.of("init", "published", "upgrading", "succeeded", "failed");
    /** The statuses Cancel OTA Task accepts (24620 "Only init or published tasks can be canceled"). */
    static final Set<String> CANCELLABLE = Set.of("init", "published");
    private final ConformanceWorld world;
    private final Searches searches;
    private final List<JsonNode> tasksAnswered = new ArrayList<>();
    private boolean organizationWide;
    /** The device whose task in the scenario's job the scenario acts on. */
    private String chosenDevice;

    public TaskSteps(ConformanceWorld world) {
        this.world = world;
        this.searches = new Searches(world);
    }

    @When("I search the tasks of the job")
    public void searchTheJobsTasks() {
        tasksAnswered(searchTasksOf(world.createdJobId()));
    }

    /** Search OTA Task by the job's id, one page of {@value Searches#PAGE_SIZE}; the answer is the world's. */
    JsonNode searchTasksOf(String jobId) {
        return searches.page(Operation.SEARCH_TASKS, world.target().orgId(), "jobId = " + Searches.quoted(jobId), 1,
                Searches.PAGE_SIZE);
    }

    @When("I search the organization's tasks")
    public void searchTheOrganizationsTasks() {
        organizationWide = true;
        tasksAnswered(searches.page(Operation.SEARCH_TASKS, world.target().orgId(), null, 1, Searches.PAGE_SIZE));
    }

    /** Keeps the tasks of a search answer for the steps on what tasks were answered. */
    void tasksAnswered(JsonNode answer) {
        answer.path("data").forEach(tasksAnswered::add);
    }

    @Then("the answer is a page of tasks, each of the job, with pagination beside data")
    public void aPageOfTheJobsTasks() {
        JsonNode answer = world.body();
        assertThat(answer.path("code").asInt(-1)).as("code of %s", answer).isEqualTo(0);
        assertThat(answer.path("data").isArray()).as("data of %s is an array of tasks", answer).isTrue();
        searches.assertPaginationBesideData(answer, 1, Searches.PAGE_SIZE);
        String jobId = world.createdJobId();
        assertThat(Searches.values(List.copyOf(tasksOf(answer)), "jobId")).as("jobIds of the tasks answered")
                .allMatch(jobId::equals);
        if (answer.path("data").isEmpty()) {
            world.observe("the job has no device task (a dormant job upgrades no device): only the page itself"
                    + " was checked");
        }
    }

    @Then("there is one task for each of {devices}")
    public void oneTaskForEach(List<String> deviceKeys) {
        assertThat(Searches.values(tasksOf(world.body()), "deviceKey")).as("deviceKeys of the tasks answered")
                .containsExactlyInAnyOrderElementsOf(deviceKeys);
    }

    @Then("every task answered has a documented status and a progress from 0 to 100, negative only when it failed")
    public void everyTaskHasDocumentedValues() {
        if (organizationWide && world.body().path("code").asInt(-1) != 0) {
            throw world.skip("the gateway does not list the organization's tasks without an expression (code "
                    + world.body().path("code").asText() + " " + world.body().path("msg").asText() + ")");
        }
        if (tasksAnswered.isEmpty()) {
            assertThat(organizationWide).as("tasks were answered to check").isTrue();
            throw world.skip("the organization has no device task to check (no job of it has run)");
        }
        List<String> problems = new ArrayList<>();
        for (JsonNode task : tasksAnswered) {
            String problem = problem(task);
            if (problem != null) {
                problems.add(problem);
            }
        }
        assertThat(problems).as("tasks with an undocumented status or progress, of %s answered",
                tasksAnswered.size()).isEmpty();
    }

    @Then("the tasks answered went through {statuses}")
    public void theTasksWentThrough(List<String> statuses) {
        Set<String> seen = new LinkedHashSet<>(Searches.values(tasksAnswered, "status"));
        assertThat(seen).as("statuses seen over %s tasks answered", tasksAnswered.size()).containsAll(statuses);
    }

    /** What is wrong with a task's status or progress, or null when nothing is. */
    static String problem(JsonNode task) {
        String status = task.path("status").asText(null);
        String device = "task of " + task.path("deviceKey").asText("?") + " in job " + task.path("jobId").asText("?");
        if (status == null || !STATUSES.contains(status)) {
            return device + ": status " + task.path("status") + " is not one of " + STATUSES;
        }
        JsonNode progress = task.path("progress");
        if (progress.isNumber()) {
            int value = progress.asInt();
            if (value > 100 || (value < 0 && !status.equals("failed"))) {
                return device + ": progress " + value + " while " + status;
            }
        } else if (!progress.isMissingNode() && !progress.isNull()) {
            return device + ": progress " + progress + " is not a number";
        }
        return null;
    }

    @When("I {taskAction} the tasks of a job that does not exist")
    public void actOnAMissingJob(TaskAction action) {
        act(action, "enos-ota-kit-no-such-job", world.deviceKeys());
    }

    @When("I {taskAction} the tasks of the job's devices")
    public void actOnTheJobsDevices(TaskAction action) {
        act(action, world.createdJobId(), world.deviceKeys());
    }

    /** Cancel or Retry OTA Task of the given devices in a job of the organization. */
    void act(TaskAction action, String jobId, List<String> deviceKeys) {
        world.answer(world.request()
                .queryParam("action", action.action())
                .queryParam("orgId", world.target().orgId())
                .queryParam("jobId", jobId)
                .body(Json.write(new TaskActionRequest().deviceKeys(new LinkedHashSet<>(deviceKeys))))
                .post(Operation.JOBS));
    }

    /**
     * Picks a task of the kit's started dormant job that is neither init nor published, for CANCEL-24620: one that
     * is init or published is cancelled first (the page lets those be cancelled, so that must be accepted), then read
     * back. Dormant tasks never start upgrading (their schedule opens in 30 days), so a cancel is all that can move
     * one on without upgrading a device.
     *
     * @throws Skip when the gateway made no task for the job, or a cancelled task is still init or published (the
     *              pages do not say what a cancelled task becomes; a second cancel could then rightly be accepted)
     */
    @Given("a task of the job that is neither init nor published, cancelled by the kit if need be")
    public void aTaskNoLongerCancellable() {
        JsonNode task = aTaskOfTheJob(status -> true);
        String status = task.path("status").asText();
        if (CANCELLABLE.contains(status)) {
            act(TaskAction.CANCEL, world.createdJobId(), List.of(chosenDevice));
            assertThat(world.body().path("code").asInt(-1)).as("code of cancelling the task of %s while %s (the"
                    + " page lets init and published tasks be cancelled): %s", chosenDevice, status, world.body())
                    .isEqualTo(0);
            JsonNode cancelled = taskOf(chosenDevice);
            if (cancelled.isMissingNode()) {
                throw world.skip("Search OTA Task no longer answers the task of " + chosenDevice + " after it was"
                        + " cancelled, so it cannot be cancelled a second time");
            }
            String after = cancelled.path("status").asText();
            if (CANCELLABLE.contains(after)) {
                throw world.skip("the task of " + chosenDevice + " is still " + after + " after Cancel OTA Task"
                        + " answered 0 (the pages do not say what a cancelled task becomes), so a second cancel"
                        + " may rightly be accepted");
            }
        }
    }

    /**
     * Picks a task of the kit's started dormant job that has not failed, for RETRY-24621.
     *
     * @throws Skip when the gateway made no task for the job, or every task of it has failed
     */
    @Given("a task of the job that has not failed")
    public void aTaskThatHasNotFailed() {
        aTaskOfTheJob(status -> !status.equals("failed"));
    }

    @When("I {taskAction} that task")
    public void actOnThatTask(TaskAction action) {
        act(action, world.createdJobId(), List.of(chosenDevice));
    }

    /**
     * A task of the scenario's job, read with Search OTA Task, on one of the target's own devices (the only ones the
     * kit acts on) and with a status that passes the test; its device becomes the chosen one.
     */
    private JsonNode aTaskOfTheJob(Predicate<String> status) {
        JsonNode answer = searchTasksOf(world.createdJobId());
        if (answer.path("code").asInt(-1) != 0) {
            throw world.skip("Search OTA Task of the kit's job answered " + answer.path("code").asText("?") + " "
                    + answer.path("msg").asText("") + ", so no task of it could be picked");
        }
        List<JsonNode> ours = tasksOf(answer).stream()
                .filter(task -> world.target().deviceKeys().contains(task.path("deviceKey").asText()))
                .toList();
        if (ours.isEmpty()) {
            throw world.skip("the target made no task for the kit's dormant job (its scope selects only devices on"
                    + " a firmware version no device runs), so there is no task to act on");
        }
        JsonNode task = ours.stream().filter(candidate -> status.test(candidate.path("status").asText()))
                .findFirst().orElseThrow(() -> world.skip("no task of the kit's dormant job is in a state to check"
                        + " the rule: " + Searches.values(ours, "status")));
        chosenDevice = task.path("deviceKey").asText();
        return task;
    }

    /** The task of a device in the scenario's job, read again with Search OTA Task (missing when not answered). */
    private JsonNode taskOf(String deviceKey) {
        return tasksOf(searchTasksOf(world.createdJobId())).stream()
                .filter(task -> deviceKey.equals(task.path("deviceKey").asText())).findFirst()
                .orElse(MissingNode.getInstance());
    }

    @Then("the {taskAction} is accepted")
    public void theActionIsAccepted(TaskAction action) {
        assertThat(world.body().path("code").asInt(-1)).as("code of %s: %s", action.action(), world.body())
                .isEqualTo(0);
    }

    private static List<JsonNode> tasksOf(JsonNode answer) {
        List<JsonNode> tasks = new ArrayList<>();
        answer.path("data").forEach(tasks::add);
        return tasks;
    }
}
