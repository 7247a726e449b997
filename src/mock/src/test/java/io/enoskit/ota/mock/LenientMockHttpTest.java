package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A mock started lenient lets unknown body fields through, and still enforces every rule. */
class LenientMockHttpTest {
    private static OtaMockServer lenient;

    @BeforeAll
    static void start() {
        lenient = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().lenient(true).journalEntries(0));
    }

    @AfterAll
    static void stop() {
        lenient.close();
    }

    @Test
    void anUnknownFieldIsAccepted() {
        // the body's first field is not "name" (the model writes "type" first): insert at the start
        String body = Bodies.upgrade().replaceFirst("^\\{", "{\"comment\":\"not in the spec\",");
        assertThat(body).contains("\"comment\"");

        RestAssured.given().baseUri(lenient.baseUrl()).filter(FailOnSpecBreach.RESPONSE_ONLY)
                .contentType(ContentType.JSON).body(body)
                .post(RunningMock.JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId")
                .then().statusCode(200).body("code", equalTo(0));
    }

    @Test
    void aRangeIsStillEnforced() {
        String body = Bodies.upgradeWithTimeout(172801).replaceFirst("^\\{", "{\"comment\":\"x\",");

        RestAssured.given().baseUri(lenient.baseUrl()).filter(FailOnSpecBreach.RESPONSE_ONLY)
                .contentType(ContentType.JSON).body(body)
                .post(RunningMock.JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId")
                .then().statusCode(200).body("code", equalTo(99400))
                .body("msg", Matchers.startsWith("Invalid Argument upgradeTimeout:"));
    }
}
