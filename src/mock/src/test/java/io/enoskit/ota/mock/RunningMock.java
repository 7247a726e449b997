package io.enoskit.ota.mock;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * One mock per test JVM on a free port, serving the project's {@code stubs/} (started on first use, stopped when
 * the JVM ends). Tests reset its state before each test through the admin API.
 */
final class RunningMock {
    static final String JOBS = "/connect-service/v2.1/ota-jobs";
    private static OtaMockServer mock;

    private RunningMock() {
    }

    static synchronized OtaMockServer get() {
        if (mock == null) {
            mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort());
            Runtime.getRuntime().addShutdownHook(new Thread(mock::close));
        }
        return mock;
    }

    /** Back to the embedded default state. */
    static void reset() {
        given().baseUri(get().baseUrl()).post("/__admin/ota/reset").then().statusCode(200);
    }

    /** A request to the shared mock whose exchange must fit the spec. */
    static RequestSpecification api() {
        return api(get());
    }

    static RequestSpecification api(OtaMockServer server) {
        return given().baseUri(server.baseUrl()).filter(FailOnSpecBreach.STRICT).contentType(ContentType.JSON);
    }

    /** A request the spec does not describe; only the response is checked against the spec. */
    static RequestSpecification offSpec() {
        return given().baseUri(get().baseUrl()).filter(FailOnSpecBreach.RESPONSE_ONLY);
    }

    /** The admin API of the shared mock (not part of the spec). */
    static RequestSpecification admin() {
        return given().baseUri(get().baseUrl() + "/__admin/ota");
    }
}
