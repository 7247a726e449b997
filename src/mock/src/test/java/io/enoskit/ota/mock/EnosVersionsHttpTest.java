package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.enoskit.ota.profile.BehaviourProfile;
import io.enoskit.ota.profile.EnosVersion;
import io.enoskit.ota.profile.ProfileLayer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mock serves the EnOS release of its profile (reference notes §7): answers leave out the fields of later
 * releases (JobInfo's firmwareVersion and firmwareName from 2.4, FirmwareInfo's firmwareTags,
 * maxAllowedForVerification and minSuccessForVerified from 2.4), and a search naming a field of a later release
 * (§3.1) is refused with 99400 naming the field and both releases.
 */
class EnosVersionsHttpTest {
    private static final String SEARCH_JOBS = RunningMock.JOBS + "?action=search&orgId=yourOrgId";
    private static final String SEARCH_TASKS = RunningMock.JOBS + "?action=searchTask&orgId=yourOrgId";
    private static OtaMockServer v22;
    private static OtaMockServer v23;

    @BeforeAll
    static void start() {
        v22 = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().journalEntries(0)
                .profile(BehaviourProfile.of(EnosVersion.V2_2)));
        v23 = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().journalEntries(0)
                .profile(BehaviourProfile.of(EnosVersion.V2_3)));
    }

    @AfterAll
    static void stop() {
        v22.close();
        v23.close();
    }

    @Test
    void a23MockAnswersAJobWithoutItsFirmwareVersionAndName() {
        String jobId = create(v23);

        get(v23, jobId).body("data.jobId", equalTo(jobId)).body("data.firmwareId", equalTo("yourFirmwareId"))
                .body("data", not(hasKey("firmwareVersion"))).body("data", not(hasKey("firmwareName")));
        search(v23, SEARCH_JOBS, "firmwareId = 'yourFirmwareId'").body("code", equalTo(0))
                .body("data", everyItem(not(hasKey("firmwareVersion"))))
                .body("data", everyItem(not(hasKey("firmwareName"))));
    }

    @Test
    void a23MockWritingUnsetFieldsAsNullKeepsTheNullsOfThe23Fields() {
        ProfileLayer nulls = ProfileLayer.parse("settings: {answers.unsetFields: {value: \"null\", source: inferred,"
                + " reason: the 2.4.0 sample shows nulls}}", "nulls.yaml");
        try (OtaMockServer newest = OtaMockServer.start(MockOptions.mockOptions().dynamicPort()
                .profile(BehaviourProfile.defaults().with(nulls)));
             OtaMockServer older = OtaMockServer.start(MockOptions.mockOptions().dynamicPort()
                     .profile(BehaviourProfile.of(EnosVersion.V2_3).with(nulls)))) {
            List<String> nullOnNewest = get(newest, create(newest)).extract()
                    .path("data.findAll { it.value == null }.collect { it.key }");
            ValidatableResponse answer = get(older, create(older));

            assertThat(nullOnNewest).isNotEmpty();
            answer.body("data.findAll { it.value == null }.collect { it.key }",
                    equalTo(nullOnNewest.stream().filter(field -> !field.startsWith("firmware")).toList()))
                    .body("data", not(hasKey("firmwareVersion")));
        }
    }

    @Test
    void theNewestMockAnswersThem() {
        String jobId = create(RunningMock.get());

        get(RunningMock.get(), jobId).body("data.firmwareVersion", equalTo("1.1"))
                .body("data.firmwareName.defaultValue", equalTo("Sample firmware, no verification needed"));
    }

    @Test
    void a23MockAnswersFirmwareWithoutThe24Fields() {
        String firmware = "/connect-service/v2.1/ota-firmwares?action=get&orgId=yourOrgId&firmwareId=yourFirmwareId";

        RestAssured.given().baseUri(v23.baseUrl()).get(firmware).then().body("code", equalTo(0)).body("data.version", equalTo("1.1"))
                .body("data", not(hasKey("maxAllowedForVerification")));
        RestAssured.given().baseUri(RunningMock.get().baseUrl()).get(firmware).then().body("data.maxAllowedForVerification", equalTo(5));
    }

    @Test
    void a23MockRefusesTheNameFieldsOf24() {
        search(v23, SEARCH_JOBS, "firmwareName.en_US like 'x'").body("code", equalTo(99400))
                .body("msg", equalTo("Invalid Argument expression: field 'firmwareName.en_US' is not in EnOS 2.3"
                        + " (locale suffixes on 'firmwareName' came with EnOS 2.4) at position 1 (use firmwareName"
                        + " alone)"));
        search(v23, SEARCH_JOBS, "name like 'x'").body("code", equalTo(99400))
                .body("msg", equalTo("Invalid Argument expression: field 'name' is not in EnOS 2.3 (it came with"
                        + " EnOS 2.4) at position 1 (fields of EnOS 2.3: firmwareId, productKey, firmwareVersion,"
                        + " type, status, firmwareName)"));
    }

    @Test
    void a23MockSearchesWhat23Has() {
        search(v23, SEARCH_JOBS, "firmwareName like 'sample' and firmwareVersion = '1.1'").body("code", equalTo(0));
        search(v23, SEARCH_TASKS, "toVersion = '1.1'").body("code", equalTo(0));
    }

    @Test
    void a22MockRefusesFirmwareVersionAndToVersion() {
        search(v22, SEARCH_JOBS, "type = 'upgrade' and firmwareVersion = '1.1'").body("code", equalTo(99400))
                .body("msg", equalTo("Invalid Argument expression: field 'firmwareVersion' is not in EnOS 2.2 (it"
                        + " came with EnOS 2.3) at position 22 (fields of EnOS 2.2: firmwareId, productKey, type,"
                        + " status)"));
        search(v22, SEARCH_TASKS, "toVersion = '1.1'").body("code", equalTo(99400))
                .body("msg", equalTo("Invalid Argument expression: field 'toVersion' is not in EnOS 2.2 (it came"
                        + " with EnOS 2.3) at position 1 (fields of EnOS 2.2: jobId, deviceKey, fromVersion, status,"
                        + " desc)"));
    }

    @Test
    void theNewestMockSearchesEveryField() {
        search(RunningMock.get(), SEARCH_JOBS, "name.en_US like 'x' or firmwareName.zh_CN like 'y'")
                .body("code", equalTo(0));
    }

    private static RequestSpecification api(OtaMockServer server) {
        return RunningMock.api(server);
    }

    private static String create(OtaMockServer server) {
        return api(server).body(Bodies.upgrade())
                .post(RunningMock.JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId")
                .then().statusCode(200).body("code", equalTo(0)).extract().path("data.jobId");
    }

    private static ValidatableResponse get(OtaMockServer server, String jobId) {
        return api(server).get(RunningMock.JOBS + "?action=get&orgId=yourOrgId&jobId=" + jobId).then()
                .statusCode(200).body("code", equalTo(0));
    }

    private static ValidatableResponse search(OtaMockServer server, String path, String expression) {
        return RestAssured.given().baseUri(server.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("expression", expression)).post(path).then().statusCode(200);
    }
}
