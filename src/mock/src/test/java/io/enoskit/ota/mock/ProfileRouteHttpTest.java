package io.enoskit.ota.mock;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.enoskit.ota.profile.BehaviourProfile;
import io.enoskit.ota.profile.Setting;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /__admin/ota/profile} shows the profile in force, its layers and each setting's value, source and layer. */
class ProfileRouteHttpTest {

    @Test
    void theRouteShowsLayersValuesSourcesAndTheLayerThatSetEach(@TempDir Path dir) throws Exception {
        Path gateway = dir.resolve("gateway.yaml");
        Files.writeString(gateway, """
                profile: our-gateway
                settings:
                  errors.httpStatus:
                    value: 400
                    source: observed
                    target: https://gateway.example
                    time: 2026-12-05T08:00:00Z
                    exchange: "GET /connect-service/v2.1/ota-jobs?action=get -> HTTP 400 {code: 24404}"
                """);
        BehaviourProfile profile = BehaviourProfile.of(List.of("enos-2.3", gateway.toString()));
        try (OtaMockServer mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().profile(profile)
                .lenient(true))) {
            RestAssured.given().baseUri(mock.baseUrl()).get("/__admin/ota/profile").then().statusCode(200)
                    .contentType(ContentType.JSON)
                    .body("layers", equalTo(List.of("default", "enos-2.3", "our-gateway", "--lenient")))
                    .body("settings.'errors.httpStatus'.value", equalTo(400))
                    .body("settings.'errors.httpStatus'.source.kind", equalTo("observed"))
                    .body("settings.'errors.httpStatus'.source.target", equalTo("https://gateway.example"))
                    .body("settings.'errors.httpStatus'.source.time", equalTo("2026-12-05T08:00:00Z"))
                    .body("settings.'errors.httpStatus'.source.exchange", startsWith("GET /connect-service"))
                    .body("settings.'errors.httpStatus'.layer", equalTo(gateway.toString()))
                    .body("settings.'enos.version'.value", equalTo("2.3"))
                    .body("settings.'enos.version'.layer", equalTo("enos-2.3"))
                    .body("settings.'search.defaultPageSize'.source.kind", equalTo("documented"))
                    .body("settings.'search.defaultPageSize'.source.section", startsWith("EnOS API overview"))
                    .body("settings.'request.unknownFields'.value", equalTo("ignore"))
                    .body("settings.'request.unknownFields'.layer", equalTo("--lenient"))
                    .body("settings.'create.jobStatus'.source.kind", equalTo("inferred"))
                    .body("settings.'create.jobStatus'.layer", equalTo("default"))
                    .body("settings.size()", equalTo(Setting.values().length));
            RestAssured.given().baseUri(mock.baseUrl()).contentType(ContentType.JSON).body("{}")
                    .post("/__admin/ota/profile").then().statusCode(404)
                    .body("error", startsWith("no admin route POST /__admin/ota/profile; the routes under"
                            + " /__admin/ota are: GET /state, GET /profile,"));
        }
    }
}
