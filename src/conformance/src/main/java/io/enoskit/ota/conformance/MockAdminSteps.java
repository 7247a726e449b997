package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.enoskit.ota.conformance.ParameterTypes.FirmwareRole;

/** Steps that use the mock's admin routes ({@code /__admin/ota/...}); only for scenarios tagged {@code @mock-only}. */
public final class MockAdminSteps {
    private final ConformanceWorld world;
    private final CreateJobSteps create;
    private final AnswerSteps answers;

    public MockAdminSteps(ConformanceWorld world, CreateJobSteps create, AnswerSteps answers) {
        this.world = world;
        this.create = create;
        this.answers = answers;
    }

    @Given("an upgrade job on the {firmware} firmware is answered with 24610")
    public void upgradeIsRefused(FirmwareRole firmware) {
        create.createUpgrade(firmware);
        answers.theAnswerIsTheError(24610,
                "Not allowed to create job as firmware is not verified while enable verification is switched on");
    }

    @When("the mock completes that verification job")
    public void completeVerification() {
        int status = world.run().given()
                .post("/__admin/ota/orgs/" + world.target().orgId() + "/jobs/" + world.createdJobId()
                        + "/complete-verification")
                .statusCode();
        assertThat(status).as("HTTP status of complete-verification").isEqualTo(200);
    }

    @Then("an upgrade job on the {firmware} firmware is created")
    public void upgradeIsCreated(FirmwareRole firmware) {
        create.createUpgrade(firmware);
        answers.theJobIsCreated();
    }
}
