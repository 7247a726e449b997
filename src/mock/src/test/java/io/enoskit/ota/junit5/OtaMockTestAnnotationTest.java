package io.enoskit.ota.junit5;

import static io.enoskit.ota.junit5.FailOnContractViolationsTest.WRONG_SCOPE;
import static io.enoskit.ota.junit5.FailOnContractViolationsTest.UPGRADE;
import static io.enoskit.ota.junit5.FailOnContractViolationsTest.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.enoskit.ota.mock.OtaMockServer;
import io.restassured.RestAssured;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * {@link OtaMockTest}: the annotated classes below run under JUnit's EngineTestKit (nested, so Surefire leaves them
 * to it); what they assert inside, and how they end, is checked here.
 */
class OtaMockTestAnnotationTest {
    private static final String PROFILE = "/__admin/ota/profile";

    @OtaMockTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class Declared {
        @Test
        @Order(1)
        void theRuntimeInfoIsInjected(OtaMockRuntimeInfo mock, OtaMockServer server) {
            assertThat(mock.baseUrl()).isEqualTo("http://127.0.0.1:" + mock.port());
            assertThat(mock.port()).isPositive().isEqualTo(server.port());
            create(mock.baseUrl(), UPGRADE).then().body("code", equalTo(0));
            assertThat(mock.server().jobs("yourOrgId")).hasSize(1);
            assertThat(mock.wireMock().getAllServeEvents()).hasSize(1);
        }

        @Test
        @Order(2)
        void eachTestStartsFromTheDefaultStateOfTheSameMock(OtaMockRuntimeInfo mock) {
            assertThat(mock.server().jobs("yourOrgId")).isEmpty();
            RestAssured.given().baseUri(mock.baseUrl()).get(PROFILE).then()
                    .body("layers", equalTo(List.of("default")));
            // a refused request does not fail the test: the switch is off unless the annotation says so
            create(mock.baseUrl(), WRONG_SCOPE).then().body("code", equalTo(99400));
        }
    }

    @OtaMockTest(profile = "enos-2.3")
    static class WithAProfile {
        @Test
        void theMockFollowsIt(OtaMockRuntimeInfo mock) {
            RestAssured.given().baseUri(mock.baseUrl()).get(PROFILE).then()
                    .body("layers", equalTo(List.of("default", "enos-2.3")))
                    .body("settings.'enos.version'.value", equalTo("2.3"));
        }
    }

    @OtaMockTest(profile = "enos-2.3", enosVersion = "2.2")
    static class WithAnEnosVersionOverAProfile {
        @Test
        void theVersionWins(OtaMockRuntimeInfo mock) {
            RestAssured.given().baseUri(mock.baseUrl()).get(PROFILE).then()
                    .body("layers", equalTo(List.of("default", "enos-2.3", "enos-2.2")))
                    .body("settings.'enos.version'.value", equalTo("2.2"));
        }
    }

    @OtaMockTest(failOnContractViolations = true)
    static class FailingOnContractViolations {
        @Test
        void sendsAnEnumViolation(OtaMockRuntimeInfo mock) {
            create(mock.baseUrl(), WRONG_SCOPE).then().body("code", equalTo(99400));
        }
    }

    @OtaMockTest(enosVersion = "9.9")
    static class WithAnUnknownEnosVersion {
        @Test
        void neverRuns() {
        }
    }

    @ExtendWith(OtaMockExtension.class)
    static class ExtendedWithoutTheAnnotation {
        @Test
        void neverRuns() {
        }
    }

    private static EngineExecutionResults run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
    }

    /** The failures' messages, so that a test that failed inside shows why. */
    private static List<String> failures(Events events) {
        return events.failed().stream().map(OtaMockTestAnnotationTest::throwable).map(Throwable::toString).toList();
    }

    private static Throwable throwable(Event event) {
        return event.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    }

    @Test
    void theAnnotatedClassGetsItsMockAndTheRuntimeInfo() {
        EngineExecutionResults events = run(Declared.class);

        assertThat(failures(events.allEvents())).isEmpty();
        assertThat(events.testEvents().succeeded().count()).isEqualTo(2);
    }

    @Test
    void theProfileAttributeStacksItsLayers() {
        EngineExecutionResults events = run(WithAProfile.class);

        assertThat(failures(events.allEvents())).isEmpty();
        assertThat(events.testEvents().succeeded().count()).isEqualTo(1);
    }

    @Test
    void theEnosVersionAttributeIsStackedOverTheProfiles() {
        EngineExecutionResults events = run(WithAnEnosVersionOverAProfile.class);

        assertThat(failures(events.allEvents())).isEmpty();
        assertThat(events.testEvents().succeeded().count()).isEqualTo(1);
    }

    @Test
    void failOnContractViolationsTrueFailsTheTestNamingTheField() {
        EngineExecutionResults events = run(FailingOnContractViolations.class);

        assertThat(events.testEvents().failed().count()).isEqualTo(1);
        assertThat(throwable(events.testEvents().failed().list().get(0))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("-> 99400 Invalid Argument upgradeScope.type:");
    }

    @Test
    void anUnknownEnosVersionFailsTheClassNamingTheReleasesTheKitCovers() {
        EngineExecutionResults events = run(WithAnUnknownEnosVersion.class);

        assertThat(events.testEvents().started().count()).isZero();
        assertThat(failures(events.allEvents())).containsExactly("java.lang.IllegalArgumentException: OtaMockExtension.enosVersion"
                + " must be one of 2.2, 2.3, 2.4, 3.0, was 9.9");
    }

    @Test
    void theExtensionAloneWithoutTheAnnotationSaysWhatToDo() {
        EngineExecutionResults events = run(ExtendedWithoutTheAnnotation.class);

        assertThat(failures(events.allEvents())).singleElement().asString().contains("annotate the class with @OtaMockTest");
    }
}
