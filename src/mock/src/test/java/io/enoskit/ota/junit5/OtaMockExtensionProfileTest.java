package io.enoskit.ota.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.enoskit.ota.profile.BehaviourProfile;
import io.enoskit.ota.profile.ProfileException;
import io.enoskit.ota.profile.ProfileLayer;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension starts the mock with the profile it is given, as built-in names and files or as a profile. */
class OtaMockExtensionProfileTest {
    private static final String GET_UNKNOWN_JOB = "/connect-service/v2.1/ota-jobs?action=get&orgId=yourOrgId&jobId=x";

    @Nested
    class FromAProfileObject {
        @RegisterExtension
        static OtaMockExtension mock = OtaMockExtension.newInstance().profile(BehaviourProfile.defaults().with(
                ProfileLayer.parse("settings:\n  errors.httpStatus:\n    value: 400\n    source: inferred\n"
                        + "    reason: a test\n", "inline"))).build();

        @Test
        void theMockAnswersAsTheProfileSays() {
            RestAssured.given().baseUri(mock.baseUrl()).get(GET_UNKNOWN_JOB).then().statusCode(400)
                    .body("code", equalTo(24404));
        }
    }

    @Nested
    class FromNamesAndFiles {
        @RegisterExtension
        static OtaMockExtension mock = OtaMockExtension.newInstance().profile("enos-2.3", file()).build();

        static String file() {
            try {
                Path file = Files.createTempFile("ota-profile", ".yaml");
                file.toFile().deleteOnExit();
                Files.writeString(file, "profile: from-a-file\nsettings:\n  create.jobStatus:\n    value: started\n"
                        + "    source: inferred\n    reason: a test\n");
                return file.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Test
        void theLayersStackInOrder() {
            assertThat(mock.server().wireMock().isRunning()).isTrue();
            RestAssured.given().baseUri(mock.baseUrl()).get("/__admin/ota/profile").then()
                    .body("layers", equalTo(List.of("default", "enos-2.3", "from-a-file")))
                    .body("settings.'create.jobStatus'.value", equalTo("started"));
        }
    }

    @Test
    void aMissingProfileFileIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> OtaMockExtension.newInstance().profile("no-such-profile.yaml"))
                .isInstanceOf(ProfileException.class).hasMessageContaining("no-such-profile.yaml: no such file");
    }
}
