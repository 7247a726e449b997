package io.enoskit.ota.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * {@code failOnContractViolations()}: the classes below are run by JUnit's EngineTestKit (they are nested, so
 * Surefire leaves them to it), and their outcome and failure message are asserted.
 */
class FailOnContractViolationsTest {
    static final String CREATE = "/connect-service/v2.1/ota-jobs?action=create&orgId=yourOrgId"
            + "&firmwareId=yourFirmwareId";
    /** A create whose upgradeScope.type is outside its enum (partial, total): 99400 from the spec check. */
    static final String WRONG_SCOPE = """
            {"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,
             "upgradeScope":{"type":"everything","deviceKeys":["deviceKey1"]}}""";
    static final String UPGRADE = WRONG_SCOPE.replace("\"everything\"", "\"partial\"");

    static Response create(String baseUrl, String body) {
        return RestAssured.given().baseUri(baseUrl).contentType("application/json").body(body).post(CREATE);
    }

    static class SendsAnEnumViolation {
        @RegisterExtension
        static OtaMockExtension mock = OtaMockExtension.newInstance().failOnContractViolations().build();

        @Test
        void createsAJob() {
            create(mock.baseUrl(), WRONG_SCOPE).then().body("code", equalTo(99400));
        }
    }

    static class SendsOnlyWhatTheContractTakes {
        @RegisterExtension
        static OtaMockExtension mock = OtaMockExtension.newInstance().failOnContractViolations().build();

        @Test
        void createsAJobAndAsksForAnUnknownOne() {
            create(mock.baseUrl(), UPGRADE).then().body("code", equalTo(0));
            // a business error answers a well-formed request: not a refusal of the contract
            RestAssured.given().baseUri(mock.baseUrl()).get("/connect-service/v2.1/ota-jobs?action=get"
                    + "&orgId=yourOrgId&jobId=nosuchjob").then().body("code", equalTo(24404));
        }
    }

    static class SendsToAnUnknownAction {
        @RegisterExtension
        OtaMockExtension mock = OtaMockExtension.newInstance().failOnContractViolations().build();

        @Test
        void asksForAnActionTheApiHasNot() {
            RestAssured.given().baseUri(mock.baseUrl()).get("/connect-service/v2.1/ota-jobs-typo?action=get"
                    + "&orgId=yourOrgId&jobId=x").then().body("code", equalTo(99404));
        }
    }

    static class SendsAnEnumViolationWithTheSwitchOff {
        @RegisterExtension
        static OtaMockExtension mock = OtaMockExtension.newInstance().build();

        @Test
        void createsAJob() {
            create(mock.baseUrl(), WRONG_SCOPE).then().body("code", equalTo(99400));
            assertThat(mock.contractRefusals()).singleElement().extracting(ContractRefusal::code).isEqualTo(99400);
        }
    }

    static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    static Throwable onlyFailure(Events events) {
        events.assertStatistics(stats -> stats.started(1).failed(1).succeeded(0));
        Event failed = events.failed().list().get(0);
        return failed.getPayload(TestExecutionResult.class).orElseThrow().getThrowable()
                .orElseThrow();
    }

    @Test
    void aTestWhoseClientBrokeTheSpecFailsNamingTheRequestTheFieldAndTheRule() {
        Throwable failure = onlyFailure(run(SendsAnEnumViolation.class));

        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(failure.getMessage())
                .startsWith("The client under test sent 1 request the contract refuses (failOnContractViolations):")
                .contains("POST " + CREATE + " -> 99400 Invalid Argument upgradeScope.type:")
                .contains("everything")
                .contains("body: " + WRONG_SCOPE);
    }

    @Test
    void aTestWhoseClientSentAWellFormedRequestPassesEvenOnABusinessError() {
        run(SendsOnlyWhatTheContractTakes.class).assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    }

    @Test
    void aRequestForNoOperationOfTheApiFailsTheTestWith99404() {
        Throwable failure = onlyFailure(run(SendsToAnUnknownAction.class));

        assertThat(failure.getMessage()).contains("GET /connect-service/v2.1/ota-jobs-typo?action=get&orgId=yourOrgId"
                + "&jobId=x -> 99404 ");
    }

    @Test
    void offByDefaultTheRefusalIsKeptButTheTestPasses() {
        run(SendsAnEnumViolationWithTheSwitchOff.class)
                .assertStatistics(stats -> stats.started(1).succeeded(1).failed(0));
    }

    @Test
    void theRefusalNamesWhatTheMockAnswered() {
        ContractRefusal refusal = new ContractRefusal("POST", "/p?action=create", "{}", 99400,
                "Invalid Argument type: is missing");

        assertThat(refusal).hasToString("POST /p?action=create -> 99400 Invalid Argument type: is missing\n"
                + "    body: {}");
    }
}
