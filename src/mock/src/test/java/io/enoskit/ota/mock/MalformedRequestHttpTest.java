package io.enoskit.ota.mock;

import static io.enoskit.ota.mock.RunningMock.JOBS;
import static io.enoskit.ota.mock.RunningMock.offSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input gets the EnOS envelope with 99400 and a message naming the field and the rule; never a 500, never a
 * stack trace, never a change to what is stored.
 */
class MalformedRequestHttpTest {
    private static final String CREATE = JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId";

    @BeforeEach
    void resetState() {
        RunningMock.reset();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON      | {\"type\":                         | body: is not well-formed JSON",
        "JSON array          | [1,2]                               | body: must be an object, not an array",
        "JSON string         | \"upgrade\"                         | body: must be an object, not a string",
        "JSON null           | null                                | body",
        "type missing        | {\"upgradeScope\":{\"type\":\"partial\"}} | type: is mandatory but missing",
        "invalid type        | {\"type\":\"upgrad\",\"upgradeScope\":{\"type\":\"partial\"}} | type: value 'upgrad'",
        "type not a string   | {\"type\":7,\"upgradeScope\":{\"type\":\"partial\"}} | type",
        "scope null          | {\"type\":\"verify\",\"upgradeScope\":null} | upgradeScope",
        "scope type invalid  | {\"type\":\"verify\",\"upgradeScope\":{\"type\":\"some\"}} | upgradeScope.type",
        "deviceKeys a string | {\"type\":\"verify\",\"upgradeScope\":{\"type\":\"partial\",\"deviceKeys\":\"dk1\"}} | upgradeScope.deviceKeys",
        "policy invalid      | {\"type\":\"upgrade\",\"upgradePolicy\":\"full\",\"enableUpgradeRequest\":true,\"upgradeScope\":{\"type\":\"partial\"}} | upgradePolicy",
        "boolean as string   | {\"type\":\"upgrade\",\"upgradePolicy\":\"snapshot\",\"enableUpgradeRequest\":\"yes\",\"upgradeScope\":{\"type\":\"partial\"}} | enableUpgradeRequest",
        "exponent overflow   | {\"type\":\"verify\",\"upgradeScope\":{\"type\":\"partial\"},\"upgradeTimeout\":1e999999999} | upgradeTimeout",
        "huge number         | {\"type\":\"verify\",\"upgradeScope\":{\"type\":\"partial\"},\"upgradeTimeout\":123456789012345678901234567890} | upgradeTimeout",
        "concurrency zero    | {\"type\":\"upgrade\",\"upgradePolicy\":\"snapshot\",\"enableUpgradeRequest\":true,\"upgradeScope\":{\"type\":\"partial\"},\"maximumConcurrency\":0} | maximumConcurrency",
        "upgrade-only field on verify | {\"type\":\"verify\",\"upgradeScope\":{\"type\":\"partial\"},\"upgradePolicy\":\"snapshot\"} | upgradePolicy: is not allowed for a verify job (only an upgrade job takes it)",
        "content after the JSON | {\"type\":\"verify\",\"upgradeScope\":{\"type\":\"partial\"}} trailing | body: is not well-formed JSON",
        "two JSON documents  | {\"type\":\"verify\",\"upgradeScope\":{\"type\":\"partial\"}}{\"x\":1} | body: is not well-formed JSON",
        "a key twice         | {\"type\":\"upgrade\",\"type\":\"verify\",\"upgradeScope\":{\"type\":\"partial\"}} | body: is not well-formed JSON: Duplicate field 'type'",
        "20-digit numeric string | {\"type\":\"verify\",\"upgradeScope\":{\"type\":\"partial\"},\"upgradeTimeout\":\"99999999999999999999\"} | upgradeTimeout: is above the maximum: 172800 (found: 99999999999999999999)",
    })
    void aBadBodyIs99400NamingTheField(String caseName, String body, String expectedInMessage) {
        offSpec().contentType(ContentType.JSON).body(body).post(CREATE).then()
                .statusCode(200).contentType(ContentType.JSON)
                .body("code", equalTo(99400))
                .body("msg", containsString("Invalid Argument " + expectedInMessage.trim()))
                .body("msg", not(containsString("Exception")))
                .body("data", nullValue());
    }

    @Test
    void anEmptyBodyIs99400() {
        offSpec().contentType(ContentType.JSON).post(CREATE).then().statusCode(200)
                .body("code", equalTo(99400)).body("msg", equalTo("Invalid Argument body: is mandatory but the"
                        + " request has none"));
    }

    @Test
    void aBodyOfWhiteSpaceIsNoBody() {
        offSpec().contentType(ContentType.JSON).body("   ").post(CREATE).then().statusCode(200)
                .body("code", equalTo(99400)).body("msg", equalTo("Invalid Argument body: is mandatory but the"
                        + " request has none"));
    }

    @Test
    void aWrongContentTypeIs99400() {
        offSpec().contentType(ContentType.TEXT).body(Bodies.upgrade()).post(CREATE).then().statusCode(200)
                .body("code", equalTo(99400)).body("msg", containsString("Invalid Argument Content-Type"))
                .body("msg", containsString("application/json"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"orgId", "firmwareId"})
    void aMissingQueryParameterIs99400NamingIt(String missing) {
        String query = "action=create&orgId=yourOrgId&firmwareId=yourFirmwareId"
                .replace("&" + missing + "=" + (missing.equals("orgId") ? "yourOrgId" : "yourFirmwareId"), "");

        offSpec().contentType(ContentType.JSON).body(Bodies.upgrade()).post(JOBS + "?" + query).then()
                .statusCode(200).body("code", equalTo(99400))
                .body("msg", equalTo("Invalid Argument " + missing + ": is mandatory but missing or blank"));
    }

    @Test
    void aBlankOrgIdIs99400() {
        offSpec().contentType(ContentType.JSON).body(Bodies.upgrade())
                .queryParam("action", "create").queryParam("orgId", " ").queryParam("firmwareId", "yourFirmwareId")
                .post(JOBS).then()
                .body("code", equalTo(99400)).body("msg", containsString("orgId"));
    }

    @Test
    void anUnknownActionIs99400NamingTheAllowedOne() {
        offSpec().contentType(ContentType.JSON).body(Bodies.upgrade())
                .post(JOBS + "?action=crate&orgId=yourOrgId&firmwareId=yourFirmwareId").then()
                .statusCode(200).body("code", equalTo(99400))
                .body("msg", containsString("action")).body("msg", containsString("\"create\""));
    }

    @Test
    void aMissingActionIs99400() {
        offSpec().contentType(ContentType.JSON).body(Bodies.upgrade())
                .post(JOBS + "?orgId=yourOrgId&firmwareId=yourFirmwareId").then()
                .statusCode(200).body("code", equalTo(99400)).body("msg", containsString("action"));
    }

    @Test
    void anUnknownPathIs404With99404() {
        RestAssured.given().baseUri(RunningMock.get().baseUrl())
                .get("/connect-service/v2.1/devices?action=get").then()
                .statusCode(404).contentType(ContentType.JSON)
                .body("code", equalTo(99404)).body("msg", containsString("No such operation"))
                .body("requestId", matchesPattern(CreateOtaJobHttpTest.UUID));
    }

    @Test
    void anUnknownMethodIs404With99404() {
        RestAssured.given().baseUri(RunningMock.get().baseUrl())
                .delete(JOBS + "?action=create").then()
                .statusCode(404).body("code", equalTo(99404));
    }

    @Test
    void badRequestsStoreNothing() {
        for (String body : List.of("{", "[]", "{\"type\":\"verify\"}", Bodies.verification(9))) {
            offSpec().contentType(ContentType.JSON).body(body).post(CREATE).then().statusCode(200);
        }
        String jobs = RunningMock.admin().get("/orgs/yourOrgId/jobs").then().statusCode(200).extract().asString();

        assertThat(jobs).isEqualTo("{\"jobs\":[]}");
        CreateOtaJobHttpTest.create("yourFirmwareId", Bodies.upgrade()).body("code", equalTo(0));
    }
}
