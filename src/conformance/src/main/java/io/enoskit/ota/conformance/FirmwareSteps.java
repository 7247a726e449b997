package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.enoskit.ota.conformance.ParameterTypes.FirmwareRole;
import io.enoskit.ota.contract.Operation;
import java.util.LinkedHashMap;
import java.util.Map;

/** Get Firmware File and Search Firmware File; both only read. */
public final class FirmwareSteps {
    private final ConformanceWorld world;
    private final CreateJobSteps create;
    private final Searches searches;
    /** The walks of the searches by isVerified, by the value searched for. */
    private final Map<Boolean, Searches.Walk> byVerified = new LinkedHashMap<>();
    private boolean lastVerified;

    public FirmwareSteps(ConformanceWorld world, CreateJobSteps create) {
        this.world = world;
        this.create = create;
        this.searches = new Searches(world);
    }

    @When("I get the {firmware} firmware's file")
    public void getFirmware(FirmwareRole firmware) {
        world.answer(world.request()
                .queryParam("action", Operation.GET_FIRMWARE.action())
                .queryParam("orgId", world.target().orgId())
                .queryParam("firmwareId", create.firmwareId(firmware))
                .get(Operation.FIRMWARES));
    }

    @Then("the answer is the {firmware} firmware, with its version and whether it is verified")
    public void theAnswerIsTheFirmware(FirmwareRole firmware) {
        JsonNode firmwareInfo = firmware();
        assertThat(firmwareInfo.path("firmwareId").asText(null)).as("firmwareId of %s", firmwareInfo)
                .isEqualTo(create.firmwareId(firmware));
        assertThat(firmwareInfo.path("version").isTextual() && !firmwareInfo.path("version").asText().isBlank())
                .as("version of %s, a text", firmwareInfo).isTrue();
        assertThat(firmwareInfo.path("isVerified").isBoolean()).as("isVerified of %s, true or false", firmwareInfo)
                .isTrue();
    }

    /**
     * Checks the fixture before a scenario relies on it: the firmware given as unverified must still need
     * verification (Get Firmware File: {@code isVerified} false, {@code enableVerification} not false). A firmware
     * verified since it was named is not the target's fault, so the scenario is skipped with the reason.
     *
     * @throws Skip when Get Firmware File does not answer the firmware, or answers it verified or not needing it
     */
    @Given("the unverified firmware still awaits verification")
    public void theUnverifiedFirmwareAwaitsVerification() {
        getFirmware(FirmwareRole.UNVERIFIED);
        String named = "the firmware " + world.target().unverifiedFirmwareId()
                + " given with --unverified-firmware-id";
        String consequence = ", so no upgrade job on it can be refused with 24610; name a firmware that awaits"
                + " verification";
        JsonNode body = world.body();
        if (body.path("code").asInt(-1) != 0) {
            throw world.skip("Get Firmware File of " + named + " answered " + body.path("code").asText("?") + " "
                    + body.path("msg").asText("") + consequence);
        }
        JsonNode firmwareInfo = body.path("data");
        if (firmwareInfo.path("isVerified").asBoolean(false)) {
            throw world.skip(named + " is verified already (Get Firmware File answers isVerified true)"
                    + consequence);
        }
        if (firmwareInfo.path("enableVerification").isBoolean()
                && !firmwareInfo.path("enableVerification").asBoolean()) {
            throw world.skip(named + " needs no verification (Get Firmware File answers enableVerification false)"
                    + consequence);
        }
    }

    @Then("Get Firmware File shows the {firmware} firmware verified")
    public void theFirmwareIsVerified(FirmwareRole firmware) {
        getFirmware(firmware);
        assertThat(firmware().path("isVerified").asBoolean(false)).as("isVerified of %s", world.body()).isTrue();
    }

    private JsonNode firmware() {
        JsonNode body = world.body();
        assertThat(body.path("code").asInt(-1)).as("code of %s", body).isEqualTo(0);
        return body.path("data");
    }

    @When("I search the organization's firmware that is verified")
    public void searchVerified() {
        search(true);
    }

    @When("I search the organization's firmware that is not verified")
    public void searchNotVerified() {
        search(false);
    }

    private void search(boolean verified) {
        lastVerified = verified;
        String ready = world.target().readyFirmwareId();
        byVerified.put(verified, searches.walk(Operation.SEARCH_FIRMWARE, world.target().orgId(),
                "isVerified = " + verified, records -> Searches.values(records, "firmwareId").contains(ready)));
    }

    @Then("every firmware answered is verified, with pagination beside data")
    public void everyFirmwareIsVerified() {
        everyFirmwareMatches(true);
    }

    @Then("every firmware answered is not verified, with pagination beside data")
    public void everyFirmwareIsNotVerified() {
        everyFirmwareMatches(false);
    }

    private void everyFirmwareMatches(boolean verified) {
        assertThat(lastVerified).as("the last search was for isVerified %s", verified).isEqualTo(verified);
        Searches.Walk walk = byVerified.get(verified);
        walk.assertPages("Search Firmware File");
        searches.assertPaginationBesideData(walk.answers().get(0), 1, Searches.PAGE_SIZE);
        assertThat(walk.records()).as("firmware answered for isVerified = %s", verified)
                .allSatisfy(firmware -> assertThat(firmware.path("isVerified").isBoolean()
                        && firmware.path("isVerified").asBoolean() == verified)
                        .as("isVerified of %s", firmware).isTrue());
    }

    @Then("the ready firmware was answered by exactly one of the two searches")
    public void theReadyFirmwareWasAnsweredOnce() {
        String ready = world.target().readyFirmwareId();
        long found = byVerified.values().stream()
                .filter(walk -> Searches.values(walk.records(), "firmwareId").contains(ready)).count();
        if (found == 0 && byVerified.values().stream().anyMatch(walk -> !walk.complete())) {
            throw world.skip("the organization has more firmware than the kit reads (" + Searches.MAX_PAGES
                    + " pages of " + Searches.PAGE_SIZE + "): the ready firmware was not among them");
        }
        assertThat(byVerified).as("the two searches").hasSize(2);
        assertThat(found).as("searches (isVerified true, false) that answered the ready firmware %s", ready)
                .isEqualTo(1);
    }
}
