package io.enoskit.ota.conformance;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.enoskit.ota.contract.DocumentedRule;
import io.enoskit.ota.profile.EnosVersion;

/**
 * Decides per scenario whether it can run against the target, from its tags; a scenario that cannot run is
 * reported as skipped with its reason, never as passed. After each scenario, the spec breaches no step asserted
 * become observations.
 */
public final class Hooks {
    /** The tag of scenarios and features about the kit's mock, not a vendor rule; they run against the mock only. */
    static final String MOCK_ONLY = "@mock-only";
    /** How the reason of a scenario whose rule came with a later release than the one checked starts. */
    static final String NOT_APPLICABLE = "not applicable to EnOS ";
    private final ConformanceWorld world;

    public Hooks(ConformanceWorld world) {
        this.world = world;
    }

    @Before(order = 0)
    public void begin(Scenario scenario) {
        world.begin(scenario);
    }

    /**
     * A scenario guarding a rule of a later EnOS release than the one checked ({@code x-enos-since}, conform
     * {@code --enos-version}) does not run: the rule is not applicable to that release, which is no failure.
     */
    @Before(order = 1)
    public void ruleOfTheReleaseChecked(Scenario scenario) {
        EnosVersion release = world.target().enosVersion();
        world.run().ruleOf(scenario.getUri(), scenario.getLine()).filter(rule -> !release.has(rule.since()))
                .ifPresent(rule -> {
                    throw world.skip(notApplicable(rule, release));
                });
    }

    /** The reason a rule of a later release is not run, as the summary and the reports show it. */
    static String notApplicable(DocumentedRule rule, EnosVersion release) {
        return NOT_APPLICABLE + release + ": " + rule.id() + " holds from EnOS " + rule.since()
                + " (--enos-version)";
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

    @Before(value = "@uploads-firmware", order = 2)
    public void uploadsFirmware() {
        skipIf(!world.target().isMock() && !world.target().allowWrites(),
                "uploads a firmware to the target (deleted at the end of the run); allow it with conform"
                        + " --allow-writes");
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
