package io.enoskit.ota.conformance;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;

/**
 * Decides per scenario whether it can run against the target, from its tags; a scenario that cannot run is
 * reported as skipped with its reason, never as passed. After each scenario, the spec breaches no step asserted
 * become observations.
 */
public final class Hooks {
    /** The tag of scenarios and features about the kit's mock, not a vendor rule; they run against the mock only. */
    static final String MOCK_ONLY = "@mock-only";
    private final ConformanceWorld world;

    public Hooks(ConformanceWorld world) {
        this.world = world;
    }

    @Before(order = 0)
    public void begin(Scenario scenario) {
        world.begin(scenario);
    }

    @Before(value = MOCK_ONLY, order = 1)
    public void mockOnly() {
        skipIf(!world.target().isMock(), "drives the mock's admin routes; runs against the mock only");
    }

    @Before(value = "@creates-job or @starts-job", order = 2)
    public void createsJob() {
        TargetConfig target = world.target();
        skipIf(!target.isMock() && !target.allowWrites(),
                "creates a job on the target; allow it with conform --allow-writes");
        skipIf(target.deviceKeys().isEmpty(), "creates a job but no device keys are given (--device-keys)");
    }

    @Before(value = "@needs-unverified-firmware", order = 2)
    public void needsUnverifiedFirmware() {
        skipIf(world.target().unverifiedFirmwareId() == null,
                "needs a firmware that awaits verification (--unverified-firmware-id)");
    }

    @Before(value = "@gateway-auth", order = 2)
    public void needsGatewayAuthentication() {
        skipIf(world.target().auth() == TargetConfig.Auth.NONE,
                "checks the gateway's authentication; run with --auth token or --auth poseidon");
    }

    /** Never trusts the skips above: Cucumber may run later hooks of a skipped scenario, and a reset is a write. */
    @Before(value = MOCK_ONLY, order = 3)
    public void resetTheMock() {
        if (world.target().isMock()) {
            world.run().given().post("/__admin/ota/reset").then().statusCode(200);
        }
    }

    @After
    public void unassertedSpecBreachesAreObservations() {
        world.takeSpecErrors().forEach(error -> world.observe("the answer does not fit the spec: " + error));
    }

    private void skipIf(boolean condition, String reason) {
        if (condition) {
            throw world.skip(reason);
        }
    }
}
