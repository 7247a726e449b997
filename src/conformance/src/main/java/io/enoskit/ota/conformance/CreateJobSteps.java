package io.enoskit.ota.conformance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.enoskit.ota.conformance.ParameterTypes.FirmwareRole;
import io.enoskit.ota.conformance.ParameterTypes.JobType;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.OpenApiContract;
import io.enoskit.ota.model.UpgradeScope;
import io.restassured.specification.RequestSpecification;

/** The steps that send Create OTA Job, each with one request built from the models. */
public final class CreateJobSteps {
    /** Verification devices to name when the target's limit is not known: more than any limit seen in docs. */
    static final int UNKNOWN_LIMIT_PROBE = 100;
    private final ConformanceWorld world;

    public CreateJobSteps(ConformanceWorld world) {
        this.world = world;
    }

    @When("I send the vendor page's request sample to create a job on the {firmware} firmware")
    public void sendVendorSample(FirmwareRole firmware) {
        create(world.request(), firmware, JobRequests.vendorSample(world.deviceKeys()));
    }

    @Given("a job of the kit on the {firmware} firmware")
    @When("I create an upgrade job on the {firmware} firmware")
    public void createUpgrade(FirmwareRole firmware) {
        create(world.request(), firmware, JobRequests.minimalUpgrade(world.deviceKeys()));
    }

    @When("I create a(n) {jobType} job on the {firmware} firmware without optional fields")
    public void createWithoutOptionalFields(JobType type, FirmwareRole firmware) {
        create(world.request(), firmware, body(type));
    }

    @When("I create a verification job on the {firmware} firmware for {int} device(s)")
    public void createVerification(FirmwareRole firmware, int devices) {
        create(world.request(), firmware, JobRequests.verification(
                world.deviceKeys(devices), UpgradeScope.TypeEnum.PARTIAL));
    }

    @When("I create a verification job with the upgrade scope {string} on the {firmware} firmware")
    public void createVerificationWithScope(String scope, FirmwareRole firmware) {
        create(world.request(), firmware, JobRequests.verification(
                world.deviceKeys(1), UpgradeScope.TypeEnum.fromValue(scope)));
    }

    @When("I create a verification job on the {firmware} firmware for one device more than its limit")
    public void createVerificationOverTheLimit(FirmwareRole firmware) {
        Integer limit = world.target().verificationLimit();
        int count = (limit != null ? limit : UNKNOWN_LIMIT_PROBE) + 1;
        create(world.request(), firmware, JobRequests.verification(world.deviceKeys(count),
                UpgradeScope.TypeEnum.PARTIAL));
    }

    @When("I create a verification job on the {firmware} firmware for as many devices as its limit")
    public void createVerificationAtTheLimit(FirmwareRole firmware) {
        Integer limit = world.target().verificationLimit();
        if (limit == null) {
            throw world.skip("needs the ready firmware's verification limit (--verification-limit)");
        }
        create(world.request(), firmware, JobRequests.verification(world.deviceKeys(limit),
                UpgradeScope.TypeEnum.PARTIAL));
    }

    @When("I create an upgrade job on the {firmware} firmware without the query parameter {string}")
    public void createWithoutQueryParameter(FirmwareRole firmware, String parameter) {
        RequestSpecification request = world.deliberatelyInvalidRequest().queryParam("action", "create");
        if (!parameter.equals("orgId")) {
            request.queryParam("orgId", world.target().orgId());
        }
        if (!parameter.equals("firmwareId")) {
            request.queryParam("firmwareId", firmwareId(firmware));
        }
        world.answer(request.body(Json.write(JobRequests.minimalUpgrade(world.deviceKeys())))
                .post(ConformanceWorld.JOBS));
    }

    @When("I create a(n) {jobType} job on the {firmware} firmware without the field {string}")
    public void createWithoutField(JobType type, FirmwareRole firmware, String field) {
        ObjectNode body = body(type);
        body.remove(field);
        create(world.deliberatelyInvalidRequest(), firmware, body);
    }

    @When("I create a(n) {jobType} job on the {firmware} firmware with the field {string} set to {string}")
    public void createWithField(JobType type, FirmwareRole firmware, String field, String value) {
        ObjectNode body = body(type);
        body.put(field, value);
        create(world.deliberatelyInvalidRequest(), firmware, body);
    }

    @When("I create a(n) {jobType} job on the {firmware} firmware with the upgradeTimeout {long}")
    public void createWithTimeout(JobType type, FirmwareRole firmware, long seconds) {
        ObjectNode body = body(type);
        body.put("upgradeTimeout", seconds);
        boolean inRange = OpenApiContract.load().withinBounds("UpgradeTimeout", seconds);
        create(inRange ? world.request() : world.deliberatelyInvalidRequest(), firmware, body);
    }

    @When("I send a create request on the {firmware} firmware whose body is {unreadableBody}")
    public void createWithUnreadableBody(FirmwareRole firmware, ParameterTypes.UnreadableBody body) {
        world.answer(world.deliberatelyInvalidRequest()
                .queryParam("action", "create")
                .queryParam("orgId", world.target().orgId())
                .queryParam("firmwareId", firmwareId(firmware))
                .body(body.text())
                .post(ConformanceWorld.JOBS));
    }

    @When("another organization creates an upgrade job on the {firmware} firmware")
    public void anotherOrganizationCreates(FirmwareRole firmware) {
        String other = new Organizations(world).other();
        world.answer(world.request()
                .queryParam("action", "create")
                .queryParam("orgId", other)
                .queryParam("firmwareId", firmwareId(firmware))
                .body(Json.write(JobRequests.minimalUpgrade(world.deviceKeys())))
                .post(ConformanceWorld.JOBS));
        if (world.body().path("code").asInt(-1) == 0) {
            world.run().createdJobs().record(other, world.body().path("data").path("jobId").asText(null));
        }
    }

    private ObjectNode body(JobType type) {
        return type == JobType.UPGRADE
                ? JobRequests.minimalUpgrade(world.deviceKeys())
                : JobRequests.verification(world.deviceKeys(1), UpgradeScope.TypeEnum.PARTIAL);
    }

    /** Sends a create; when the target answers code 0, the job is the scenario's (and the run removes it later). */
    void create(RequestSpecification request, FirmwareRole firmware, ObjectNode body) {
        world.answer(request
                .queryParam("action", "create")
                .queryParam("orgId", world.target().orgId())
                .queryParam("firmwareId", firmwareId(firmware))
                .body(Json.write(body))
                .post(ConformanceWorld.JOBS));
        if (world.body().path("code").asInt(-1) == 0) {
            world.createdJob(world.body().path("data").path("jobId").asText(null), body.path("type").asText(null));
        }
    }

    String firmwareId(FirmwareRole firmware) {
        return switch (firmware) {
            case READY -> world.target().readyFirmwareId();
            case UNVERIFIED -> world.target().unverifiedFirmwareId();
            case MISSING -> world.target().missingFirmwareId();
        };
    }
}
