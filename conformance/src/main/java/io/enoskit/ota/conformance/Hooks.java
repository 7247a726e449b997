package io.enoskit.ota.conformance;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.restassured.RestAssured;
import org.opentest4j.TestAbortedException;

/**
 * Decides per scenario whether it can run against the target, from its tags; a scenario that cannot run is
 * reported as skipped with the reason, never as passed. After each scenario its observations go into the report.
 */
public final class Hooks {
    /** Prefix of report lines the summary lists as observations. */
    public static final String OBSERVATION = "OBSERVATION: ";
    private final ConformanceWorld world;

    public Hooks(ConformanceWorld world) {
        this.world = world;
    }

    @Before(order = 0)
    public void targetIsUsable(Scenario scenario) {
        world.createsJob(scenario.getSourceTagNames().contains("@creates-job"));
        String missing = world.target().missingBasics();
        skipIf(missing != null, "the target is not configured: " + missing);
    }

    @Before(value = "@mock-only", order = 1)
    public void mockOnly() {
        skipIf(!world.target().isMock(), "drives the mock's admin routes; runs against the mock only");
    }

    @Before(value = "@creates-job", order = 2)
    public void createsJob() {
        TargetConfig target = world.target();
        skipIf(!target.isMock() && !target.allowWrites(),
                "creates a job on the target; allow it with conform --allow-writes (or ota.allowWrites=true)");
        skipIf(target.deviceKeys().isEmpty(), "creates a job but no deviceKeys are given (ota.deviceKeys)");
    }

    @Before(value = "@needs-unverified-firmware", order = 2)
    public void needsUnverifiedFirmware() {
        skipIf(world.target().unverifiedFirmwareId() == null,
                "needs a firmware that awaits verification (ota.unverifiedFirmwareId)");
    }

    /** Never trusts the skip above: Cucumber may run later hooks of a skipped scenario, and a reset is a write. */
    @Before(value = "@mock-only", order = 3)
    public void resetTheMock() {
        if (world.target().isMock()) {
            RestAssured.given().baseUri(world.baseUrl()).post("/__admin/ota/reset").then().statusCode(200);
        }
    }

    @After
    public void reportObservations(Scenario scenario) {
        world.observations().stream().distinct().forEach(note -> scenario.log(OBSERVATION + note));
    }

    private static void skipIf(boolean condition, String reason) {
        if (condition) {
            throw new TestAbortedException(reason);
        }
    }
}
