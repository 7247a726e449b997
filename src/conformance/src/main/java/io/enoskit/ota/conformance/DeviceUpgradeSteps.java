package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.enoskit.ota.conformance.ParameterTypes.FirmwareRole;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.model.AssetTreeSelector;
import io.enoskit.ota.model.UpgradeScope;
import java.util.List;
import java.util.Map;

/**
 * Upgrade scopes that select by tag, attribute or asset tree (on the mock's devices only: these jobs upgrade what
 * they select), and Search Device Upgrade, which only reads.
 */
public final class DeviceUpgradeSteps {
    private final ConformanceWorld world;
    private final SimulationSteps simulation;
    private final Searches searches;
    private Searches.Walk devices;
    private String version;

    public DeviceUpgradeSteps(ConformanceWorld world, SimulationSteps simulation) {
        this.world = world;
        this.simulation = simulation;
        this.searches = new Searches(world);
    }

    @Given("a started upgrade job on the {firmware} firmware whose scope selects the tag {word} = {word}")
    public void byTag(FirmwareRole firmware, String key, String value) {
        simulation.aStartedJobWith(firmware, partial().tags(Map.of(key, List.of(value))));
    }

    @Given("a started upgrade job on the {firmware} firmware whose scope selects the attribute {word} = {int}")
    public void byAttribute(FirmwareRole firmware, String attributeId, int value) {
        simulation.aStartedJobWith(firmware, partial().attributes(Map.of(attributeId, List.of(value))));
    }

    @Given("a started upgrade job on the {firmware} firmware whose scope selects the asset tree {word} under {word}")
    public void byAssetTree(FirmwareRole firmware, String treeId, String node) {
        simulation.aStartedJobWith(firmware, partial().assetTrees(List.of(new AssetTreeSelector().treeId(treeId)
                .includedNotes(List.of(node)))));
    }

    private static UpgradeScope partial() {
        return new UpgradeScope().type(UpgradeScope.TypeEnum.PARTIAL);
    }

    @When("I search the organization's devices and the firmware they run")
    public void searchDevices() {
        devices = searches.walk(Operation.SEARCH_DEVICE_UPGRADE, world.target().orgId(), null, records -> false);
    }

    @Then("the answer is a page of devices, each with its deviceKey, firmwareVersion and isUpgrading, with"
            + " pagination beside data")
    public void aPageOfDevices() {
        devices.assertPages("Search Device Upgrade");
        searches.assertPaginationBesideData(devices.answers().get(0), 1, Searches.PAGE_SIZE);
        assertThat(devices.records()).as("devices answered by Search Device Upgrade").allSatisfy(device -> {
            assertThat(device.path("deviceKey").isTextual()).as("deviceKey of %s, a text", device).isTrue();
            assertThat(device.path("isUpgrading").isBoolean() || device.path("isUpgrading").isMissingNode()
                    || device.path("isUpgrading").isNull()).as("isUpgrading of %s, true or false", device).isTrue();
        });
        if (devices.records().isEmpty()) {
            world.observe("the organization has no device: only the page itself was checked");
        }
    }

    @Given("a firmware version a device of the organization runs")
    public void aVersionSomeDeviceRuns() {
        JsonNode first = searches.page(Operation.SEARCH_DEVICE_UPGRADE, world.target().orgId(), null, 1,
                Searches.PAGE_SIZE);
        version = null;
        first.path("data").forEach(device -> {
            if (version == null && device.path("firmwareVersion").isTextual()) {
                version = device.path("firmwareVersion").asText();
            }
        });
        if (version == null) {
            throw world.skip("Search Device Upgrade answered no device with a firmwareVersion (" + first
                    + "), so there is no version to search by");
        }
    }

    @When("I search the organization's devices on that version")
    public void searchByVersion() {
        devices = searches.walk(Operation.SEARCH_DEVICE_UPGRADE, world.target().orgId(),
                "firmwareVersion = " + Searches.quoted(version), records -> false);
    }

    @Then("every device answered runs that version, and at least one does")
    public void everyDeviceRunsThatVersion() {
        devices.assertPages("Search Device Upgrade by firmwareVersion");
        assertThat(Searches.values(devices.records(), "firmwareVersion"))
                .as("firmwareVersion of the devices answered for firmwareVersion = %s", version)
                .isNotEmpty().allMatch(version::equals);
    }
}
