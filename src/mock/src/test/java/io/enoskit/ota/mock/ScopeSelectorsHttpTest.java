package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.domain.Device;
import io.enoskit.ota.model.TaskInfo;
import io.enoskit.ota.profile.BehaviourProfile;
import io.enoskit.ota.profile.ProfileLayer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code upgradeScope} selector applied on the default state ({@code stubs/ota-state.json}: five devices of
 * {@code yourProductKey} with varied versions, tags, attributes and asset-tree placement): a job's tasks, made at its
 * first start, are the devices its scope selects then; {@code scope.combination} and {@code scope.noDevice} change
 * what the profile leaves open; the admin route and the state file carry the new device fields.
 */
class ScopeSelectorsHttpTest {
    private static final String ORG = "yourOrgId";
    private static final String CREATE = RunningMock.JOBS + "?action=create&orgId=" + ORG + "&firmwareId=yourFirmwareId";

    @TempDir
    Path dir;

    private static void withMock(String profileYaml, Consumer<OtaMockServer> test) {
        BehaviourProfile profile = profileYaml == null ? BehaviourProfile.defaults()
                : BehaviourProfile.defaults().with(ProfileLayer.parse(profileYaml, "test.yaml"));
        MockOptions options = MockOptions.mockOptions().dynamicPort().frozenClock(true).profile(profile);
        try (OtaMockServer mock = OtaMockServer.start(options)) {
            test.accept(mock);
        }
    }

    private static String setting(String key, String value) {
        return "settings:\n  " + key + ":\n    value: " + value + "\n    source: inferred\n    reason: a test\n";
    }

    private static RequestSpecification api(OtaMockServer mock) {
        return RestAssured.given().baseUri(mock.baseUrl()).contentType(ContentType.JSON)
                .filter(FailOnSpecBreach.strict(Operation.CREATE_JOB));
    }

    private static Map<String, Object> upgrade(Map<String, Object> scope) {
        return Map.of("type", "upgrade", "upgradePolicy", "snapshot", "enableUpgradeRequest", true,
                "upgradeScope", scope);
    }

    private static String create(OtaMockServer mock, Map<String, Object> scope) {
        return api(mock).body(upgrade(scope)).post(CREATE).then().statusCode(200).body("code", equalTo(0))
                .extract().path("data.jobId");
    }

    /** The device keys of the job's tasks, once started. */
    private static List<String> selected(OtaMockServer mock, Map<String, Object> scope) {
        String jobId = create(mock, scope);
        mock.startJob(ORG, jobId);
        return mock.tasks(ORG, jobId).stream().map(TaskInfo::getDeviceKey).toList();
    }

    static Stream<Arguments> eachSelectorAlone() {
        return Stream.of(
                Arguments.of(Map.of("type", "partial", "tags", Map.of("stage", List.of("pilot"))),
                        List.of("deviceKey1", "deviceKey4")),
                Arguments.of(Map.of("type", "partial", "tags", Map.of("site", List.of("north", "west"))),
                        List.of("deviceKey1", "deviceKey2", "deviceKey5")),
                Arguments.of(Map.of("type", "partial", "attributes", Map.of("ratedPower", List.of(1000))),
                        List.of("deviceKey2", "deviceKey3")),
                // numbers by value: 100.0 is the 100 the state file gives
                Arguments.of(Map.of("type", "partial", "attributes", Map.of("ratedPower", List.of(100.0))),
                        List.of("deviceKey1", "deviceKey5")),
                Arguments.of(Map.of("type", "partial", "assetTrees",
                                List.of(Map.of("treeId", "windFarmTree", "includedNotes", List.of("southSite")))),
                        List.of("deviceKey3")),
                Arguments.of(Map.of("type", "partial", "assetTrees",
                                List.of(Map.of("treeId", "windFarmTree", "includedNotes", List.of("northSite")))),
                        List.of("deviceKey1", "deviceKey2")),
                Arguments.of(Map.of("type", "partial", "assetTrees", List.of(Map.of("treeId", "windFarmTree"))),
                        List.of("deviceKey1", "deviceKey2", "deviceKey3", "deviceKey5")),
                Arguments.of(Map.of("type", "partial", "versionNumbers", List.of("0.9")), List.of("deviceKey5")),
                Arguments.of(Map.of("type", "partial", "deviceKeys", List.of("deviceKey4", "deviceKey2")),
                        List.of("deviceKey4", "deviceKey2")),
                Arguments.of(Map.of("type", "total"),
                        List.of("deviceKey1", "deviceKey2", "deviceKey3", "deviceKey4", "deviceKey5")),
                // a total scope takes the product, narrowed by versions only: the tag selector does not apply
                Arguments.of(Map.of("type", "total", "versionNumbers", List.of("1.0"),
                                "tags", Map.of("site", List.of("west"))),
                        List.of("deviceKey1", "deviceKey2", "deviceKey3", "deviceKey4")));
    }

    @ParameterizedTest
    @MethodSource
    void eachSelectorAlone(Map<String, Object> scope, List<String> deviceKeys) {
        withMock(null, mock -> assertThat(selected(mock, scope)).containsExactlyElementsOf(deviceKeys));
    }

    @Test
    void byDefaultADeviceMustMeetEverySelectorAndWithAnyOneIsEnough() {
        Map<String, Object> scope = Map.of("type", "partial", "tags", Map.of("site", List.of("north")),
                "attributes", Map.of("ratedPower", List.of(1000)));
        withMock(null, mock -> assertThat(selected(mock, scope)).containsExactly("deviceKey2"));
        withMock(setting("scope.combination", "any"), mock -> assertThat(selected(mock, scope))
                .containsExactly("deviceKey1", "deviceKey2", "deviceKey3"));
        Map<String, Object> named = Map.of("type", "partial", "deviceKeys", List.of("deviceKey5"),
                "versionNumbers", List.of("1.0"));
        withMock(null, mock -> assertThat(selected(mock, named)).isEmpty());
        withMock(setting("scope.combination", "any"), mock -> assertThat(selected(mock, named))
                .containsExactly("deviceKey5", "deviceKey1", "deviceKey2", "deviceKey3", "deviceKey4"));
    }

    @Test
    void aScopeSelectingNoDeviceIsAJobWithoutTasksOrRefusedNamingUpgradeScope() {
        Map<String, Object> nobody = Map.of("type", "partial", "tags", Map.of("site", List.of("east")));
        withMock(null, mock -> assertThat(selected(mock, nobody)).isEmpty());
        withMock(setting("scope.noDevice", "refuse"), mock -> {
            api(mock).body(upgrade(nobody)).post(CREATE).then().statusCode(200).body("code", equalTo(99400))
                    .body("msg", equalTo("Invalid Argument upgradeScope: selects no device of the organization"
                            + " (profile setting scope.noDevice: refuse)"));
            assertThat(mock.jobs(ORG)).isEmpty();
            assertThat(selected(mock, Map.of("type", "partial", "tags", Map.of("site", List.of("west")))))
                    .containsExactly("deviceKey5");
        });
    }

    @Test
    void theTasksAreTheDevicesTheScopeSelectsAtTheFirstStart() {
        withMock(null, mock -> {
            Map<String, Object> east = Map.of("type", "partial", "tags", Map.of("site", List.of("east")));
            String jobId = create(mock, east);
            mock.putDevice(new Device(ORG, "yourProductKey", "eastDevice", null, "1.0", null, null,
                    Map.of("site", "east"), null, null));
            mock.startJob(ORG, jobId);
            mock.putDevice(new Device(ORG, "yourProductKey", "lateDevice", null, "1.0", null, null,
                    Map.of("site", "east"), null, null));
            mock.stopJob(ORG, jobId);
            mock.startJob(ORG, jobId);
            assertThat(mock.tasks(ORG, jobId)).extracting(TaskInfo::getDeviceKey).containsExactly("eastDevice");
        });
    }

    @Test
    void theAdminRouteTakesTheDeviceFieldsAndRefusesMalformedOnesNamingTheField() {
        withMock(null, mock -> {
            RequestSpecification admin = RestAssured.given().baseUri(mock.baseUrl() + "/__admin/ota")
                    .contentType(ContentType.JSON);
            admin.body(Map.of("productKey", "yourProductKey", "tags", Map.of("site", "east"),
                            "attributes", Map.of("ratedPower", 500), "assetTrees", Map.of("t", List.of("root", "n"))))
                    .put("/orgs/" + ORG + "/devices/d9").then().statusCode(200)
                    .body("tags.site", equalTo("east")).body("attributes.ratedPower", equalTo(500))
                    .body("assetTrees.t[1]", equalTo("n"));
            admin.body(Map.of("tags", Map.of("bad key!", "v"))).put("/orgs/" + ORG + "/devices/d10").then()
                    .statusCode(400).body("error", containsString("tags: key 'bad key!'"));
            admin.body(Map.of("tags", Map.of("k", " padded"))).put("/orgs/" + ORG + "/devices/d10").then()
                    .statusCode(400).body("error", containsString("tags.k: the value"));
            admin.body(Map.of("attributes", Map.of("a", List.of(1)))).put("/orgs/" + ORG + "/devices/d10").then()
                    .statusCode(400).body("error", containsString("attributes.a: the value must be a string"));
            admin.body(Map.of("assetTrees", Map.of("t", List.of()))).put("/orgs/" + ORG + "/devices/d10").then()
                    .statusCode(400).body("error", containsString("assetTrees.t: the placement"));
            admin.body(Map.of("tags", List.of("x"))).put("/orgs/" + ORG + "/devices/d10").then()
                    .statusCode(400).body("error", containsString("tags"));
            assertThat(mock.devices(ORG)).extracting(Device::deviceKey).doesNotContain("d10").contains("d9");
        });
    }

    @Test
    void theStateFileKeepsTheDeviceFields() {
        Path file = dir.resolve("state.json");
        Device tagged = new Device(ORG, "yourProductKey", "kept", "a1", "1.0", null, null,
                Map.of("site", "east"), Map.of("ratedPower", 1.5, "region", "EU", "online", true),
                Map.of("windFarmTree", List.of("windFarmRoot", "eastSite")));
        try (OtaMockServer mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().stateFile(file))) {
            mock.putDevice(tagged);
        }
        try (OtaMockServer again = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().stateFile(file))) {
            assertThat(again.devices(ORG)).filteredOn(device -> device.deviceKey().equals("kept"))
                    .singleElement().isEqualTo(tagged);
            assertThat(selected(again, Map.of("type", "partial", "assetTrees",
                    List.of(Map.of("treeId", "windFarmTree", "includedNotes", "eastSite")))))
                    .containsExactly("kept");
        }
    }
}
