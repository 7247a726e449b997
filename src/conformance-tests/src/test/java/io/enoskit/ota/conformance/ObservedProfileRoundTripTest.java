package io.enoskit.ota.conformance;

import static io.enoskit.ota.conformance.TestDoubles.action;
import static io.enoskit.ota.conformance.TestDoubles.answerInstead;
import static io.enoskit.ota.conformance.TestDoubles.body;
import static io.enoskit.ota.conformance.TestDoubles.changeRequest;
import static io.enoskit.ota.conformance.TestDoubles.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import io.enoskit.ota.mock.MockOptions;
import io.enoskit.ota.profile.BehaviourProfile;
import io.enoskit.ota.profile.ProfileLayer;
import io.enoskit.ota.profile.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The drift loop of issue 19: for each correct server that differs from the mock ({@link DifferentServersTest}, and
 * two that differ where only a probe can see it), {@code conform --write-profile} against it, a mock started with
 * that profile, and {@code conform --write-profile} against that mock: the two observed profiles set the same
 * values, setting by setting (the evidence differs: other URLs, times and ids). A setting the server never showed
 * but the mock does (the mock echoes pagination.pageSize, a server may not) must show the value of the profile the
 * mock was started with. Each server's observed profile holds the setting that server differs in, so the comparison
 * cannot pass by observing nothing.
 */
class ObservedProfileRoundTripTest {
    /** What each server's observed profile must hold (the settings it differs in), by its description. */
    private static final Map<String, Map<Setting, String>> DIFFERS = Map.of(
            "HTTP 400 on errors, the envelope intact", Map.of(Setting.ERRORS_HTTP_STATUS, "400",
                    Setting.INVALID_ARGUMENT_HTTP_STATUS, "400"),
            "jobs created started", Map.of(Setting.CREATED_JOB_STATUS, "started"),
            "nulls for every field a job does not set", Map.of(Setting.UNSET_FIELDS, "null"),
            "other requestId and jobId formats", Map.of(Setting.REQUEST_ID_FORMAT, "numeric",
                    Setting.JOB_ID_FORMAT, "hex32"),
            "checks in another order: firmware before the request's shape", Map.of(Setting.CREATE_CHECK_ORDER,
                    "[firmware, request, totalScope, verificationLimit, unverifiedFirmware]"),
            "99403 for another organization", Map.of(Setting.FOREIGN_ORGANIZATION, "denied",
                    Setting.MESSAGE_99403, "Denied resource: %s"),
            "Get OTA Job by GET only: the Python sample's POST is no such operation",
            Map.of(Setting.METHODS_GET, "[GET]"),
            "body fields the spec does not define are ignored", Map.of(Setting.UNKNOWN_FIELDS, "ignore"),
            "the mock itself", Map.of(Setting.ERRORS_HTTP_STATUS, "200", Setting.REQUEST_ID_FORMAT, "uuid",
                    Setting.JOB_ID_FORMAT, "hex24", Setting.UNSET_FIELDS, "absent"));

    static Stream<DifferentServersTest.Different> servers() {
        // the servers that differ only where device tasks run need the in-process mock's simulation: not at a URL
        Stream<DifferentServersTest.Different> different = DifferentServersTest.servers()
                .filter(server -> !server.inProcess());
        return Stream.concat(different, Stream.of(
                new DifferentServersTest.Different("Get OTA Job by GET only: the Python sample's POST is no such"
                        + " operation", null, answerInstead(action("get").and(request -> request.getMethod().getName()
                                .equals("POST")), 200, envelope(99404, "No such operation: POST get", null))),
                new DifferentServersTest.Different("body fields the spec does not define are ignored", null,
                        changeRequest(action("search").and(body(json -> json.has(Probes.UNKNOWN_FIELD))), Map.of(),
                                json -> {
                                    json.remove(Probes.UNKNOWN_FIELD);
                                    return json;
                                }))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void aMockStartedWithTheObservedProfileIsObservedAsTheServerWas(DifferentServersTest.Different server)
            throws Exception {
        Path dir = Path.of("target", "round-trip", server.how().replaceAll("\\W+", "-"));
        Files.createDirectories(dir);
        Path serverProfile = dir.resolve("server.yaml");
        Path mockProfile = dir.resolve("mock.yaml");

        Targets.Run atServer = Targets.observe("round trip at " + server.how(), MockOptions.mockOptions(),
                serverProfile, server.doubles());
        assertThat(atServer.exitCode()).as(atServer.printed()).isEqualTo(ConformanceRunner.PASSED);
        Map<String, String> seenAtServer = values(ProfileLayer.read(serverProfile));
        Map<String, String> differs = new LinkedHashMap<>();
        DIFFERS.getOrDefault(server.how(), Map.of()).forEach((setting, value) -> differs.put(setting.key(), value));
        assertThat(seenAtServer).as("the observed profile of %s (%s)", server.how(), serverProfile)
                .containsAllEntriesOf(differs);

        BehaviourProfile inForce = BehaviourProfile.of(List.of(serverProfile.toString()));
        Targets.Run atMock = Targets.observe("round trip at the mock like " + server.how(), MockOptions.mockOptions()
                .profile(inForce), mockProfile);
        Map<String, String> seenAtMock = values(ProfileLayer.read(mockProfile));

        // a setting the server never showed (a page size it does not echo) may show at the mock: there it must have
        // the value of the profile the mock was started with; every setting the server showed must show alike
        Map<String, String> expected = new LinkedHashMap<>(seenAtServer);
        seenAtMock.keySet().stream().filter(key -> !seenAtServer.containsKey(key)).forEach(key -> expected.put(key,
                inForce.value(Setting.named(key).orElseThrow()).text()));
        assertThat(seenAtMock).as("the mock started with %s was observed as %s; settings that differ: %s\n%s",
                serverProfile, mockProfile, differences(expected, seenAtMock), atMock.printed())
                .isEqualTo(expected);
    }

    private static Map<String, String> values(ProfileLayer layer) {
        Map<String, String> values = new LinkedHashMap<>();
        layer.settings().forEach((setting, value) -> values.put(setting.key(), value.text()));
        return values;
    }

    /** The settings whose values differ, one line each: {@code errors.httpStatus: 400 at the server, 200 at the mock}. */
    private static List<String> differences(Map<String, String> server, Map<String, String> mock) {
        List<String> lines = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(server.keySet());
        keys.addAll(mock.keySet());
        for (String key : keys) {
            String atServer = server.getOrDefault(key, "(not seen)");
            String atMock = mock.getOrDefault(key, "(not seen)");
            if (!atServer.equals(atMock)) {
                lines.add(key + ": " + atServer + " at the server, " + atMock + " at the mock");
            }
        }
        return lines;
    }
}
