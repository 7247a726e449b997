package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.domain.Firmware;
import io.enoskit.ota.profile.BehaviourProfile;
import io.enoskit.ota.profile.IdFormat;
import io.enoskit.ota.profile.ProfileLayer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each setting of a behaviour profile changes what the mock answers: a mock started with a profile that changes the
 * setting answers as the profile says (the default's answer is asserted beside it where the test suite does not
 * already).
 */
class ProfileSettingsHttpTest {
    private static final String ORG = "yourOrgId";
    private static final String CREATE = RunningMock.JOBS + "?action=create&orgId=" + ORG + "&firmwareId=";

    /** Runs {@code test} against a mock started with the default profile and {@code yaml}'s settings on it. */
    private static void withProfile(String yaml, Consumer<OtaMockServer> test) {
        BehaviourProfile profile = BehaviourProfile.defaults().with(ProfileLayer.parse(yaml, "test.yaml"));
        try (OtaMockServer mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().profile(profile)
                .frozenClock(true))) {
            test.accept(mock);
        }
    }

    private static RequestSpecification api(OtaMockServer mock) {
        // no spec filter: a profile may answer what the spec does not describe (HTTP 400, nulls)
        return RestAssured.given().baseUri(mock.baseUrl()).contentType(ContentType.JSON);
    }

    private static String create(OtaMockServer mock, String body) {
        return api(mock).body(body).post(CREATE + "yourFirmwareId").then().body("code", equalTo(0))
                .extract().path("data.jobId");
    }

    private static String setting(String key, String value) {
        return "settings:\n  " + key + ":\n    value: " + value + "\n    source: inferred\n    reason: a test\n";
    }

    @Test
    void errorsHttpStatusIsTheStatusOfABusinessError() {
        withProfile(setting("errors.httpStatus", "400"), mock -> api(mock)
                .get(RunningMock.JOBS + "?action=get&orgId=" + ORG + "&jobId=nope")
                .then().statusCode(400).body("code", equalTo(24404)).body("msg", equalTo("Job not found")));
    }

    @Test
    void errorsInvalidArgumentHttpStatusIsTheStatusOf99400() {
        withProfile(setting("errors.invalidArgumentHttpStatus", "422"), mock -> {
            api(mock).body(Bodies.upgradeWithTimeout(172801)).post(CREATE + "yourFirmwareId")
                    .then().statusCode(422).body("code", equalTo(99400));
            // a business error keeps errors.httpStatus
            api(mock).get(RunningMock.JOBS + "?action=get&orgId=" + ORG + "&jobId=nope")
                    .then().statusCode(200).body("code", equalTo(24404));
        });
    }

    @Test
    void createJobStatusStartedStartsTheJobWithItsTasks() {
        withProfile(setting("create.jobStatus", "started"), mock -> {
            String jobId = create(mock, Bodies.upgrade());

            api(mock).get(RunningMock.JOBS + "?action=get&orgId=" + ORG + "&jobId=" + jobId)
                    .then().body("data.status", equalTo("started"));
            assertThat(mock.tasks(ORG, jobId)).isNotEmpty();
            api(mock).post(RunningMock.JOBS + "?action=start&orgId=" + ORG + "&jobId=" + jobId)
                    .then().body("code", equalTo(24615));
        });
    }

    @Test
    void createCheckOrderWithFirmwareFirstAnswers24404ToAMalformedCreateOfAnUnknownFirmware() {
        String malformed = "{\"type\":\"upgrade\",\"name\":42}";
        RunningMock.offSpec().contentType(ContentType.JSON).body(malformed).post(CREATE + "noSuchFirmware").then().body("code", equalTo(99400));

        withProfile(setting("create.checkOrder", "[firmware, request, totalScope, verificationLimit,"
                + " unverifiedFirmware]"), mock -> {
            api(mock).body(malformed).post(CREATE + "noSuchFirmware")
                    .then().body("code", equalTo(24404)).body("msg", equalTo("Firmware not found"));
            api(mock).body(malformed).post(CREATE + "yourFirmwareId").then().body("code", equalTo(99400));
        });
    }

    @Test
    void createCheckOrderWithTheLimitBeforeTheScopeAnswers24612ToATotalVerificationJob() {
        String totalWithSixDevices = "{\"type\":\"verify\",\"name\":{\"defaultValue\":\"v\"},\"upgradeScope\":"
                + "{\"type\":\"total\",\"deviceKeys\":[\"d1\",\"d2\",\"d3\",\"d4\",\"d5\",\"d6\"]}}";
        RunningMock.reset();
        RunningMock.offSpec().contentType(ContentType.JSON).body(totalWithSixDevices).post(CREATE + "yourFirmwareId")
                .then().body("code", equalTo(24611));

        withProfile(setting("create.checkOrder", "[request, firmware, verificationLimit, totalScope,"
                + " unverifiedFirmware]"), mock -> api(mock).body(totalWithSixDevices).post(CREATE + "yourFirmwareId")
                .then().body("code", equalTo(24612)).body("msg", equalTo("Exceeded max verification deviceKeys, max[5]")));
    }

    @Test
    void answersUnsetFieldsNullWritesEveryFieldOfJobTaskAndFirmwareInfo() {
        withProfile(setting("answers.unsetFields", "'null'") + setting("create.jobStatus", "started")
                .replace("settings:\n", ""), mock -> {
            String jobId = create(mock, Bodies.verification(1));

            JsonNode job = json(api(mock).get(RunningMock.JOBS + "?action=get&orgId=" + ORG + "&jobId=" + jobId));
            assertThat(nullFields(job.path("data"))).contains("upgradePolicy", "maximumConcurrency", "retryPolicy");
            JsonNode tasks = json(api(mock).body("{}").post(RunningMock.JOBS + "?action=searchTask&orgId=" + ORG));
            assertThat(tasks.path("data").get(0).properties()).extracting(Map.Entry::getKey)
                    .containsExactlyInAnyOrder("taskId", "orgId", "assetId", "productKey", "deviceKey", "jobId",
                            "fromVersion", "toVersion", "progress", "desc", "status", "updateTime");
            JsonNode firmware = json(api(mock).get("/connect-service/v2.1/ota-firmwares?action=get&orgId=" + ORG
                    + "&firmwareId=yourFirmwareId"));
            assertThat(nullFields(firmware.path("data"))).contains("sign", "signMethod", "fileSize");
        });
        RunningMock.reset();
        JsonNode absent = json(RunningMock.offSpec().get("/connect-service/v2.1/ota-firmwares?action=get&orgId=" + ORG
                + "&firmwareId=yourFirmwareId"));
        assertThat(absent.path("data").has("sign")).isFalse();
    }

    @Test
    void verificationDefaultLimitAppliesWhenTheFirmwareSetsNone() {
        withProfile(setting("verification.defaultLimit", "2"), mock -> {
            mock.putFirmware(new Firmware(ORG, "noLimit", "No limit of its own", "3.0", false, false, null));
            api(mock).body(Bodies.verification(3)).post(CREATE + "noLimit")
                    .then().body("code", equalTo(24612)).body("msg", equalTo("Exceeded max verification deviceKeys, max[2]"));
            api(mock).get("/connect-service/v2.1/ota-firmwares?action=get&orgId=" + ORG + "&firmwareId=noLimit")
                    .then().body("data.maxAllowedForVerification", equalTo(2));
            // the firmware's own value wins over the profile's default
            api(mock).body(Bodies.verification(3))
                    .post(CREATE + "yourFirmwareId").then().body("code", equalTo(0));
        });
    }

    @Test
    void theStateFilesLimitStandsForTheDefaultUnlessAProfileSetsIt(@TempDir Path root) throws Exception {
        Path mappings = Files.createDirectories(root.resolve("mappings"));
        try (var files = Files.list(Path.of("../../stubs/mappings"))) {
            for (Path file : files.toList()) {
                Files.copy(file, mappings.resolve(file.getFileName()));
            }
        }
        Files.writeString(root.resolve("ota-state.json"), "{\"maxAllowedForVerification\": 3, \"firmwares\": [{"
                + "\"orgId\": \"yourOrgId\", \"firmwareId\": \"noLimit\", \"name\": \"n\", \"version\": \"1\","
                + " \"enableVerification\": false, \"isVerified\": false}]}");
        String fourDevices = Bodies.verification(4);
        try (OtaMockServer mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort()
                .rootDir(root.toString()))) {
            api(mock).body(fourDevices).post(CREATE + "noLimit").then().body("msg", equalTo(
                    "Exceeded max verification deviceKeys, max[3]"));
            RestAssured.given().baseUri(mock.baseUrl()).get("/__admin/ota/profile").then()
                    .body("settings.'verification.defaultLimit'.value", equalTo(3))
                    .body("settings.'verification.defaultLimit'.layer", Matchers.startsWith(
                            "ota-state.json under "));
        }
        BehaviourProfile two = BehaviourProfile.defaults().with(ProfileLayer.parse(
                setting("verification.defaultLimit", "2"), "test.yaml"));
        try (OtaMockServer mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().rootDir(root.toString())
                .profile(two))) {
            api(mock).body(fourDevices).post(CREATE + "noLimit").then().body("msg", equalTo(
                    "Exceeded max verification deviceKeys, max[2]"));
            RestAssured.given().baseUri(mock.baseUrl()).get("/__admin/ota/state").then()
                    .body("maxAllowedForVerification", equalTo(2));
        }
    }

    @Test
    void searchDefaultPageSizeIsThePageOfASearchWithoutPagination() {
        withProfile(setting("search.defaultPageSize", "2"), mock -> {
            for (int i = 0; i < 3; i++) {
                create(mock, Bodies.upgrade());
            }
            api(mock).body("{}").post(RunningMock.JOBS + "?action=search&orgId=" + ORG).then()
                    .body("data.size()", equalTo(2)).body("pagination.pageSize", equalTo(2))
                    .body("pagination.totalSize", equalTo(3));
        });
    }

    @Test
    void searchJobOrderAscendingListsTheOldestJobFirst() {
        withProfile(setting("search.jobOrder", "createTime-asc"), mock -> {
            String first = create(mock, Bodies.upgrade());
            mock.advanceClock(Duration.ofSeconds(1));
            String second = create(mock, Bodies.upgrade());
            api(mock).body("{}").post(RunningMock.JOBS + "?action=search&orgId=" + ORG).then()
                    .body("data.jobId", equalTo(List.of(first, second)));
        });
    }

    @Test
    void requestUnknownFieldsIgnoreLetsAnUnknownFieldThrough() {
        String body = Bodies.upgrade().replaceFirst("^\\{", "{\"comment\":\"not in the spec\",");
        RunningMock.offSpec().contentType(ContentType.JSON).body(body).post(CREATE + "yourFirmwareId")
                .then().body("code", equalTo(99400));

        withProfile(setting("request.unknownFields", "ignore"), mock -> api(mock).body(body)
                .post(CREATE + "yourFirmwareId").then().body("code", equalTo(0)));
    }

    @Test
    void aProfileThatTakesGetOnlyRefusesAPostGetAsAnUnknownOperation() {
        RunningMock.reset();
        String jobId = RunningMock.offSpec().contentType(ContentType.JSON).body(Bodies.upgrade())
                .post(CREATE + "yourFirmwareId").then().extract().path("data.jobId");
        RestAssured.given().baseUri(RunningMock.get().baseUrl()).contentType(ContentType.JSON).body("{}")
                .post(RunningMock.JOBS + "?action=get&orgId=" + ORG + "&jobId=" + jobId)
                .then().statusCode(200).body("code", equalTo(0)).body("data.jobId", equalTo(jobId));

        withProfile(setting("methods.get", "[GET]"), mock -> {
            String refused = create(mock, Bodies.upgrade());
            api(mock).body("{}").post(RunningMock.JOBS + "?action=get&orgId=" + ORG + "&jobId=" + refused)
                    .then().statusCode(200).body("code", equalTo(99400)).body("msg", equalTo("Invalid Argument"
                            + " action: value 'get' is not one of the actions of POST /connect-service/v2.1/ota-jobs:"
                            + " [\"create\", \"start\", \"stop\", \"delete\", \"search\", \"searchTask\","
                            + " \"cancelTask\", \"retryTask\"]"));
        });
    }

    @Test
    void methodsRefusalNoSuchOperationAnswersARefusedMethodWith99404() {
        withProfile(setting("methods.get", "[GET]") + setting("methods.refusal", "no-such-operation")
                .replace("settings:\n", ""), mock -> {
            api(mock).body("{}").post(RunningMock.JOBS + "?action=get&orgId=" + ORG + "&jobId=x")
                    .then().statusCode(404).body("code", equalTo(99404)).body("msg", equalTo("No such operation:"
                            + " action: POST get (the profile's methods.* settings do not take POST for it)"));
            api(mock).body("{}").post(RunningMock.JOBS + "?action=launch&orgId=" + ORG)
                    .then().statusCode(200).body("code", equalTo(99400));
        });
    }

    @Test
    void methodsOtherActionsAndGetFirmwareOpenOtherMethods() {
        withProfile(setting("methods.otherActions", "[GET, POST]") + setting("methods.getFirmware", "[GET, POST]")
                .replace("settings:\n", ""), mock -> {
            api(mock).get(RunningMock.JOBS + "?action=search&orgId=" + ORG).then().body("code", equalTo(0));
            api(mock).body("{}").post("/connect-service/v2.1/ota-firmwares?action=get&orgId=" + ORG
                    + "&firmwareId=yourFirmwareId").then().body("code", equalTo(0))
                    .body("data.firmwareId", equalTo("yourFirmwareId"));
        });
    }

    @Test
    void idsJobIdAndRequestIdTakeTheProfilesForms() {
        withProfile(setting("ids.jobId", "numeric") + setting("ids.requestId", "hex32").replace("settings:\n", ""),
                mock -> {
                    List<String> jobIds = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        Response created = api(mock).body(Bodies.upgrade()).post(CREATE + "yourFirmwareId");
                        jobIds.add(created.path("data.jobId"));
                        assertThat(IdFormat.HEX32.matches(created.path("requestId"))).isTrue();
                    }
                    assertThat(jobIds).allMatch(IdFormat.NUMERIC::matches).doesNotHaveDuplicates();
                    String error = api(mock).get(RunningMock.JOBS + "?action=get&orgId=" + ORG + "&jobId=x")
                            .path("requestId");
                    assertThat(IdFormat.HEX32.matches(error)).isTrue();
                });
        withProfile(setting("ids.jobId", "uuid"), mock ->
                assertThat(IdFormat.UUID_FORM.matches(create(mock, Bodies.upgrade()))).isTrue());
    }

    @Test
    void organizationsForeignDeniedAnswers99403ToAnOrgTheStateDoesNotKnow() {
        RunningMock.offSpec().get(RunningMock.JOBS + "?action=get&orgId=someoneElse&jobId=x")
                .then().body("code", equalTo(24404));

        withProfile(setting("organizations.foreign", "denied"), mock -> {
            api(mock).get(RunningMock.JOBS + "?action=get&orgId=someoneElse&jobId=x").then().statusCode(200)
                    .body("code", equalTo(99403)).body("msg", equalTo("Denied resource: orgId someoneElse"));
            api(mock).body("{}").post(RunningMock.JOBS + "?action=search&orgId=someoneElse")
                    .then().body("code", equalTo(99403));
            api(mock).body("{}").post("/connect-service/v2.1/ota-firmwares?action=search&orgId=someoneElse")
                    .then().body("code", equalTo(99403));
            // an org the state knows is served
            api(mock).get(RunningMock.JOBS + "?action=get&orgId=" + ORG + "&jobId=x")
                    .then().body("code", equalTo(24404));
        });
    }

    @Test
    void messagesOfThe99CodesAreTheProfiles() {
        String yaml = setting("organizations.foreign", "denied") + setting("messages.99403", "'No access to %s'")
                .replace("settings:\n", "") + setting("messages.99404", "'Unknown: %s'").replace("settings:\n", "")
                + setting("messages.99500", "'Server trouble'").replace("settings:\n", "");
        withProfile(yaml, mock -> {
            api(mock).get(RunningMock.JOBS + "?action=get&orgId=someoneElse&jobId=x")
                    .then().body("code", equalTo(99403)).body("msg", equalTo("No access to orgId someoneElse"));
            RestAssured.given().baseUri(mock.baseUrl()).get("/connect-service/v2.1/nothing-here")
                    .then().statusCode(404).body("code", equalTo(99404))
                    .body("msg", Matchers.startsWith("Unknown: "));
            mock.faults().add(FaultRule.on("get-job").fail(FaultRule.Fault.HTTP_500).nextCalls(1));
            api(mock).get(RunningMock.JOBS + "?action=get&orgId=" + ORG + "&jobId=x")
                    .then().statusCode(500).body("code", equalTo(99500)).body("msg", equalTo("Server trouble"));
        });
    }

    /** The fields of an object written as {@code null}. */
    private static List<String> nullFields(JsonNode object) {
        return object.properties().stream().filter(field -> field.getValue().isNull()).map(Map.Entry::getKey)
                .toList();
    }

    private static JsonNode json(Response response) {
        try {
            return Json.mapper().readTree(response.asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
