package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.enoskit.ota.conformance.ParameterTypes.FirmwareRole;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.profile.Setting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Search OTA Job: the kit looks for its own jobs among the organization's. The jobs it creates for that are dormant
 * ({@link JobRequests#dormantUpgrade}) and never started; a search only reads.
 */
public final class SearchJobSteps {
    private static final String UPGRADE = "upgrade";
    private final ConformanceWorld world;
    private final CreateJobSteps create;
    private final Searches searches;
    private Searches.Walk walk;
    private String expression;
    private String firmwareId;
    private int pageSize;
    private int pageNo;
    /** The pages read one at a time, by number. */
    private final Map<Integer, JsonNode> pages = new HashMap<>();

    public SearchJobSteps(ConformanceWorld world, CreateJobSteps create) {
        this.world = world;
        this.create = create;
        this.searches = new Searches(world);
    }

    @Given("a dormant job of the kit on the {firmware} firmware")
    public void aDormantJob(FirmwareRole firmware) {
        createDormant(firmware, JobRequests.dormantUpgrade(world.deviceKeys(), System.currentTimeMillis()));
    }

    @Given("two dormant jobs of the kit on the {firmware} firmware, one created after the other")
    public void twoDormantJobs(FirmwareRole firmware) {
        aDormantJob(firmware);
        aDormantJob(firmware);
    }

    @Given("a dormant verification job of the kit on the {firmware} firmware")
    public void aDormantVerificationJob(FirmwareRole firmware) {
        createDormant(firmware, JobRequests.dormantVerification(world.deviceKeys(1)));
    }

    /**
     * Creates a job the search is to find. A search rule cannot be judged without it, and a create that fails
     * breaks a rule of Create OTA Job, not of the search: the scenario is skipped, saying why.
     */
    private void createDormant(FirmwareRole firmware, ObjectNode body) {
        create.create(world.request(), firmware, body);
        JsonNode answer = world.body();
        if (answer.path("code").asInt(-1) != 0) {
            throw world.skip("the search needs a " + body.path("type").asText() + " job of the kit, and the target"
                    + " did not create it (code " + answer.path("code").asText() + " " + answer.path("msg").asText()
                    + "; the rules of Create OTA Job judge that)");
        }
    }

    @When("I search the organization's jobs on the {firmware} firmware")
    public void searchOnFirmware(FirmwareRole firmware) {
        firmwareId = create.firmwareId(firmware);
        expression = "firmwareId = " + Searches.quoted(firmwareId);
        walk = searches.walk(Operation.SEARCH_JOBS, world.target().orgId(), expression,
                records -> Searches.values(records, "jobId").containsAll(world.scenarioJobs().keySet()));
    }

    /**
     * Searches by {@code firmwareVersion} (a search field from EnOS 2.3), the version Get Firmware File answers for the
     * firmware. Without that version the rule cannot be judged (FIRMWARE-GET judges Get Firmware File): skipped.
     */
    @When("I search the organization's jobs on the {firmware} firmware's version")
    public void searchOnFirmwareVersion(FirmwareRole firmware) {
        firmwareId = create.firmwareId(firmware);
        world.answer(world.request()
                .queryParam("action", Operation.GET_FIRMWARE.action())
                .queryParam("orgId", world.target().orgId())
                .queryParam("firmwareId", firmwareId)
                .get(Operation.FIRMWARES));
        JsonNode version = world.body().path("data").path("version");
        if (world.body().path("code").asInt(-1) != 0 || !version.isTextual() || version.asText().isBlank()) {
            throw world.skip("the search needs the version of the firmware " + firmwareId + ", and Get Firmware File"
                    + " did not answer one (the rules of Get Firmware File judge that)");
        }
        expression = "firmwareVersion = " + Searches.quoted(version.asText());
        walk = searches.walk(Operation.SEARCH_JOBS, world.target().orgId(), expression,
                records -> Searches.values(records, "jobId").containsAll(world.scenarioJobs().keySet()));
    }

    @When("I search the organization's jobs on the {firmware} firmware, {int} per page")
    public void searchOnePage(FirmwareRole firmware, int size) {
        expression = "firmwareId = " + Searches.quoted(create.firmwareId(firmware));
        pageSize = size;
        askForPage(1);
    }

    @When("I ask for page {int}")
    public void askForPage(int page) {
        pageNo = page;
        pages.put(page, searches.page(Operation.SEARCH_JOBS, world.target().orgId(), expression, pageNo, pageSize));
    }

    @When("I search the organization's jobs of the type {string}")
    public void searchByType(String type) {
        expression = "type = " + Searches.quoted(type);
        List<String> wanted = kitJobsOfType(type);
        walk = searches.walk(Operation.SEARCH_JOBS, world.target().orgId(), expression,
                records -> Searches.values(records, "jobId").containsAll(wanted));
    }

    @When("another organization searches its jobs on the {firmware} firmware")
    public void anotherOrganizationSearches(FirmwareRole firmware) {
        expression = "firmwareId = " + Searches.quoted(create.firmwareId(firmware));
        walk = searches.walk(Operation.SEARCH_JOBS, new Organizations(world).other(), expression,
                records -> Searches.values(records, "jobId").stream().anyMatch(world.scenarioJobs()::containsKey));
    }

    /** Only that the job is found: what the job found holds is SEARCH-JOB-FOUND's to judge. */
    @Then("the kit's job is among the jobs answered")
    public void theKitsJobIsAmongThem() {
        walk.assertPages("Search OTA Job");
        String jobId = world.createdJobId();
        assertThat(Searches.values(walk.records(), "jobId")).as("the kit's job %s among the %s jobs answered for %s"
                + " (%s)", jobId, walk.records().size(), expression, walk.complete() ? "every page read"
                : "pages read up to the kit's job or the page cap").contains(jobId);
    }

    @Then("the kit's job is among the jobs answered, as a JobInfo with its firmwareId and type")
    public void theKitsJobIsFound() {
        walk.assertPages("Search OTA Job");
        String jobId = world.createdJobId();
        JsonNode job = walk.records().stream().filter(record -> jobId.equals(record.path("jobId").asText()))
                .findFirst().orElse(null);
        assertThat(job).as("the kit's job %s among the %s jobs answered for %s (%s)", jobId, walk.records().size(),
                expression, walk.complete() ? "every page read" : "pages read up to the kit's job or the page cap")
                .isNotNull();
        assertThat(job.path("firmwareId").asText(null)).as("firmwareId of the job found: %s", job)
                .isEqualTo(firmwareId);
        assertThat(job.path("type").asText(null)).as("type of the job found: %s", job)
                .isEqualTo(world.scenarioJobs().get(jobId));
        if (job.hasNonNull("orgId")) {
            assertThat(job.path("orgId").asText()).as("orgId of the job found").isEqualTo(world.target().orgId());
        }
    }

    @Then("every job answered has the type {string}")
    public void everyJobHasTheType(String type) {
        walk.assertPages("Search OTA Job");
        assertThat(walk.records()).as("jobs answered for %s", expression)
                .allSatisfy(job -> assertThat(job.path("type").asText(null))
                        .as("type of job %s", job.path("jobId").asText()).isEqualTo(type));
    }

    @Then("the kit's {string} job is among them")
    public void theKitsJobOfTheTypeIsAmongThem(String type) {
        assertThat(kitJobsOfType(type)).as("the kit's %s jobs in this scenario", type).isNotEmpty();
        assertThat(Searches.values(walk.records(), "jobId")).as("jobs answered for %s", expression)
                .containsAll(kitJobsOfType(type));
    }

    @Then("the answer holds {int} job(s), with pagination beside data")
    public void theAnswerHoldsJobs(int count) {
        JsonNode answer = world.body();
        assertThat(answer.path("code").asInt(-1)).as("code of %s", answer).isEqualTo(0);
        assertThat(answer.path("data").isArray()).as("data of %s is an array", answer).isTrue();
        searches.assertPaginationBesideData(answer, pageNo, pageSize);
        assertThat(answer.path("data").size()).as("jobs on page %s of %s (pageSize %s)", pageNo, answer, pageSize)
                .isEqualTo(count);
    }

    @Then("its totalSize counts the kit's {int} jobs at least")
    public void theTotalSizeCountsTheKitsJobs(int count) {
        assertThat(world.body().path("pagination").path("totalSize").asLong(-1))
                .as("pagination.totalSize of all the jobs on the firmware, the kit's %s among them", count)
                .isGreaterThanOrEqualTo(count);
    }

    @Then("it is not the job of page {int}")
    public void itIsNotTheJobOfTheOtherPage(int page) {
        assertThat(pages).as("pages read").containsKey(page);
        List<String> other = Searches.values(iterable(pages.get(page).path("data")), "jobId");
        List<String> now = Searches.values(iterable(world.body().path("data")), "jobId");
        assertThat(now).as("jobs of page %s against page %s %s", pageNo, page, other).doesNotContainAnyElementsOf(
                other);
    }

    @Then("the kit's newer job comes before its older one")
    public void theNewerJobComesFirst() {
        walk.assertPages("Search OTA Job");
        List<String> ids = Searches.values(walk.records(), "jobId");
        List<String> kit = List.copyOf(world.scenarioJobs().keySet());
        String older = kit.get(0);
        String newer = kit.get(kit.size() - 1);
        if (!ids.contains(older) || !ids.contains(newer)) {
            throw world.skip("the order cannot be judged: the search did not answer both jobs of the kit"
                    + " (SEARCH-JOB-FOUND says whether it finds them)");
        }
        JsonNode olderJob = walk.records().get(ids.indexOf(older));
        JsonNode newerJob = walk.records().get(ids.indexOf(newer));
        if (olderJob.path("createTime").isNumber() && newerJob.path("createTime").isNumber()
                && olderJob.path("createTime").asLong() == newerJob.path("createTime").asLong()) {
            world.observe("the kit's two jobs have the same createTime " + olderJob.path("createTime")
                    + "; their order cannot be judged");
            return;
        }
        world.evidence(Setting.JOB_SEARCH_ORDER, ids.indexOf(newer) < ids.indexOf(older) ? "createTime-desc"
                : "createTime-asc");
        assertThat(ids.indexOf(newer)).as("place of the newer job %s against the older %s in %s", newer, older, ids)
                .isLessThan(ids.indexOf(older));
    }

    @Then("createTime does not increase from one job to the next")
    public void createTimeDoesNotIncrease() {
        List<JsonNode> jobs = walk.records();
        Long previous = null;
        int timed = 0;
        for (JsonNode job : jobs) {
            if (!job.path("createTime").isNumber()) {
                continue;
            }
            long time = job.path("createTime").asLong();
            if (previous != null) {
                assertThat(time).as("createTime of job %s after a job created at %s", job.path("jobId").asText(),
                        previous).isLessThanOrEqualTo(previous);
            }
            previous = time;
            timed++;
        }
        if (timed < jobs.size()) {
            world.observe((jobs.size() - timed) + " of " + jobs.size() + " jobs answered have no createTime");
        }
    }

    @Then("the kit's job is not among the jobs answered to it")
    public void theKitsJobIsNotShown() {
        JsonNode last = world.body();
        if (last.path("code").asInt(-1) != 0) {
            world.observe("another organization's search is answered " + last.path("code").asText() + " "
                    + last.path("msg").asText() + " (an error shows it nothing, as the rule asks)");
        }
        // an empty page is how an organization without jobs is answered: not-found in the profile's terms
        world.foreignOrganization(last.path("code").asInt(-1) == 0 ? 24404 : last.path("code").asInt(-1));
        assertThat(Searches.values(walk.records(), "jobId")).as("jobs answered to another organization")
                .doesNotContainAnyElementsOf(world.scenarioJobs().keySet());
        assertThat(Searches.values(walk.records(), "orgId")).as("orgIds of the jobs answered to another"
                + " organization").doesNotContain(world.target().orgId());
    }

    private List<String> kitJobsOfType(String type) {
        return world.scenarioJobs().entrySet().stream().filter(job -> type.equals(job.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
