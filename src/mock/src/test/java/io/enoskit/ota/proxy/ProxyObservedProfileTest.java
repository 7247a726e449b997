package io.enoskit.ota.proxy;

import static io.enoskit.ota.proxy.ProxyInFrontOfTheMockTest.api;
import static io.enoskit.ota.proxy.ProxyInFrontOfTheMockTest.upgradeJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.enoskit.ota.contract.Json;
import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.mock.OtaMockServer;
import io.enoskit.ota.profile.BehaviourProfile;
import io.enoskit.ota.profile.ProfileLayer;
import io.enoskit.ota.profile.Setting;
import io.enoskit.ota.profile.SettingValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code proxy --write-profile}: the traffic a client sends through the proxy shows the target's behaviour where the
 * pages leave room, and the profile written from it makes a mock behave the same on every setting it saw.
 */
class ProxyObservedProfileTest {
    private static final String JOBS = "/connect-service/v2.1/ota-jobs";
    private static final String ORG = "yourOrgId";

    @TempDir
    Path dir;

    @Test
    void theObservedProfileMakesAMockThatTheProxyObservesTheSame() throws Exception {
        ProfileLayer gateway = ProfileLayer.parse("""
                profile: a gateway unlike the mock
                settings:
                  errors.httpStatus: {value: 400, source: inferred, reason: test}
                  ids.jobId: {value: numeric, source: inferred, reason: test}
                  ids.requestId: {value: hex32, source: inferred, reason: test}
                  answers.unsetFields: {value: "null", source: inferred, reason: test}
                  methods.get: {value: [GET], source: inferred, reason: test}
                  methods.refusal: {value: no-such-operation, source: inferred, reason: test}
                """, "gateway.yaml");
        Path observedAtGateway = dir.resolve("gateway-observed.yaml");
        Path observedAtMock = dir.resolve("mock-observed.yaml");

        Map<Setting, String> atGateway = session(BehaviourProfile.defaults().with(gateway), observedAtGateway);
        Map<Setting, String> atMock = session(BehaviourProfile.of(List.of(observedAtGateway.toString())),
                observedAtMock);

        assertThat(atGateway).containsEntry(Setting.ERRORS_HTTP_STATUS, "400")
                .containsEntry(Setting.JOB_ID_FORMAT, "numeric").containsEntry(Setting.REQUEST_ID_FORMAT, "hex32")
                .containsEntry(Setting.UNSET_FIELDS, "null").containsEntry(Setting.METHODS_GET, "[GET]")
                .containsEntry(Setting.METHOD_REFUSAL, "no-such-operation");
        assertThat(atMock).isEqualTo(atGateway);
        assertThat(Files.readString(observedAtGateway)).contains("source: observed", "target: http://127.0.0.1:")
                .contains("exchange:");
    }

    /** A client session through a proxy in front of a mock with {@code profile}; the settings the proxy wrote. */
    private Map<Setting, String> session(BehaviourProfile profile, Path profileFile) {
        try (OtaMockServer target = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().profile(profile));
             ValidatingProxy proxy = ValidatingProxy.start(ProxyOptions.proxyOptions().dynamicPort()
                     .target(target.baseUrl()).reportDir(dir.resolve("reports")).writeProfile(profileFile))) {
            String jobId = api(proxy).queryParams(Map.of("action", "create", "orgId", ORG, "firmwareId",
                    "yourFirmwareId")).body(Json.write(upgradeJob())).post(JOBS).then().extract().path("data.jobId");
            api(proxy).queryParams(Map.of("action", "get", "orgId", ORG, "jobId", jobId)).get(JOBS);
            api(proxy).queryParams(Map.of("action", "get", "orgId", ORG, "jobId", "no-such-job")).get(JOBS);
            api(proxy).queryParams(Map.of("action", "get", "orgId", ORG, "jobId", jobId)).body("{}").post(JOBS);
            api(proxy).queryParams(Map.of("action", "search", "orgId", ORG)).body("{}").post(JOBS);
        }
        return ProfileLayer.read(profileFile).settings().values().stream()
                .collect(Collectors.toMap(SettingValue::setting, SettingValue::text));
    }
}
