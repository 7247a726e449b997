package io.enoskit.ota.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BehaviourProfileTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultProfileSetsEverySettingWithASource() {
        BehaviourProfile profile = BehaviourProfile.defaults();

        assertThat(profile.values().keySet()).containsExactly(Setting.values());
        assertThat(profile.values().values()).allSatisfy(value -> {
            assertThat(value.setting().accepts(value.value())).as(value.setting().key()).isTrue();
            assertThat(value.source().kind()).isNotEqualTo(SettingSource.Kind.OBSERVED);
        });
    }

    @Test
    void theDefaultProfileIsTodaysMockAndAcceptsThePythonSamplesPostGet() {
        BehaviourProfile profile = BehaviourProfile.defaults();

        assertThat(profile.errorHttpStatus()).isEqualTo(200);
        assertThat(profile.createsJobsStarted()).isFalse();
        assertThat(profile.verificationLimit()).isEqualTo(5);
        assertThat(profile.searchPageSize()).isEqualTo(10);
        assertThat(profile.refusesUnknownFields()).isTrue();
        assertThat(profile.jobIdFormat()).isEqualTo(IdFormat.HEX24);
        assertThat(profile.requestIdFormat()).isEqualTo(IdFormat.UUID_FORM);
        assertThat(profile.enosVersion()).isEqualTo(EnosVersion.newest());
        assertThat(profile.methods("get", false)).containsExactlyInAnyOrder("GET", "POST");
        assertThat(profile.methods("create", false)).containsExactly("POST");
        assertThat(profile.createCheckOrder()).containsExactly("request", "firmware", "totalScope",
                "verificationLimit", "unverifiedFirmware");
    }

    @Test
    void laterLayersOverrideEarlierOnesSettingBySetting() throws IOException {
        Path first = write("first.yaml", """
                settings:
                  errors.httpStatus: {value: 400, source: inferred, reason: our gateway}
                  ids.jobId: {value: uuid, source: inferred, reason: our gateway}
                """);
        Path second = write("second.yaml", """
                profile: second
                settings:
                  errors.httpStatus:
                    value: 409
                    source: observed
                    target: https://gateway.example
                    time: 2026-12-05T08:00:00Z
                    exchange: "GET ... -> HTTP 409"
                """);

        BehaviourProfile profile = BehaviourProfile.of(List.of("enos-2.3", first.toString(), second.toString()));

        assertThat(profile.errorHttpStatus()).isEqualTo(409);
        assertThat(profile.value(Setting.ERRORS_HTTP_STATUS).source())
                .isEqualTo(SettingSource.observed("https://gateway.example", Instant.parse("2026-12-05T08:00:00Z"),
                        "GET ... -> HTTP 409"));
        assertThat(profile.value(Setting.ERRORS_HTTP_STATUS).origin()).isEqualTo(second.toString());
        assertThat(profile.jobIdFormat()).isEqualTo(IdFormat.UUID_FORM);
        assertThat(profile.enosVersion()).isEqualTo(EnosVersion.V2_3);
        assertThat(profile.layers()).containsExactly("default", "enos-2.3", first.toString(), "second");
        assertThat(profile.createsJobsStarted()).isFalse();
    }

    @Test
    void eachReleaseHasABuiltInProfileThatNamesIt() {
        Arrays.stream(EnosVersion.values()).forEach(version ->
                assertThat(BehaviourProfile.of(version).enosVersion()).isEqualTo(version));
        assertThat(BehaviourProfile.builtInNames())
                .containsExactly("default", "enos-2.2", "enos-2.3", "enos-2.4", "enos-3.0");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            settings: {errors.httpStatus: {value: 99, source: inferred, reason: r}}   | errors.httpStatus must be an HTTP status from 200 to 599, was 99
            settings: {create.jobStatus: {value: running, source: inferred, reason: r}} | create.jobStatus must be one of stopped, started, was "running"
            settings: {methods.get: {value: [], source: inferred, reason: r}}           | methods.get must be a list of one or more of GET, POST, was []
            settings: {create.checkOrder: {value: [request], source: inferred, reason: r}} | create.checkOrder must be a list of request, firmware, totalScope, verificationLimit, unverifiedFirmware, each once, in any order
            settings: {errors.status: {value: 400, source: inferred, reason: r}}         | unknown setting 'errors.status' (the settings are enos.version, errors.httpStatus
            settings: {errors.httpStatus: {value: 400}}                                  | errors.httpStatus: source must be one of documented, inferred, observed, was missing
            settings: {errors.httpStatus: {value: 400, source: inferred}}                | errors.httpStatus: a value whose source is inferred needs 'reason'
            settings: {errors.httpStatus: 400}                                           | errors.httpStatus must be a map with 'value' and 'source'
            settings: {errors.httpStatus: {value: 400, source: observed, target: t, time: yesterday, exchange: e}} | errors.httpStatus: time must be an ISO-8601 instant
            setting: {}                                                                  | unknown entry 'setting' (a profile has description, profile, settings)
            settings: {errors.httpStatus: {value: 400, source: inferred, reason: r, why: w}} | errors.httpStatus: unknown entry 'why' (a setting has exchange, reason, section, source, target, time, value)
            settings: {a: [b                                                            | not YAML
            """)
    void aWrongProfileIsRefusedNamingTheFileTheSettingAndTheAllowedValues(String text, String expected)
            throws IOException {
        Path file = write("gateway.yaml", text);

        assertThatThrownBy(() -> BehaviourProfile.of(List.of(file.toString())))
                .isInstanceOf(ProfileException.class)
                .hasMessageStartingWith(file + ": ")
                .hasMessageContaining(expected);
    }

    @Test
    void aMissingFileOrUnknownBuiltInIsNamed() {
        assertThatThrownBy(() -> BehaviourProfile.of(List.of(dir.resolve("nope.yaml").toString())))
                .hasMessage(dir.resolve("nope.yaml") + ": no such file");
        assertThatThrownBy(() -> BehaviourProfile.builtIn("enos-9.9"))
                .hasMessage("enos-9.9: no such built-in profile (the built-in profiles are default, enos-2.2,"
                        + " enos-2.3, enos-2.4, enos-3.0)");
    }

    @Test
    void aLayerWrittenAsYamlReadsBackEqual() {
        ProfileLayer layer = ProfileLayer.of("observed", "seen on a gateway", List.of(
                new SettingValue(Setting.METHODS_GET, BehaviourProfile.defaults().value(Setting.METHODS_GET).value(),
                        SettingSource.observed("https://gw", Instant.parse("2026-12-05T08:00:00Z"),
                                "POST /connect-service/v2.1/ota-jobs?action=get -> HTTP 200 code 0"), "observed"),
                new SettingValue(Setting.ENOS_VERSION, BehaviourProfile.of(EnosVersion.V2_3)
                        .value(Setting.ENOS_VERSION).value(), SettingSource.documented("§7"), "observed")));

        ProfileLayer read = ProfileLayer.parse(layer.toYaml(), "observed");

        assertThat(read).isEqualTo(layer);
        assertThat(layer.toYaml()).contains("enos.version:", "value: \"2.3\"", "source: observed");
    }

    @Test
    void differencesAreWordsAPersonReads() {
        BehaviourProfile other = BehaviourProfile.defaults().with(ProfileLayer.parse("""
                settings:
                  errors.httpStatus: {value: 400, source: inferred, reason: r}
                """, "other.yaml"));

        assertThat(BehaviourProfile.defaults().differences(other))
                .containsExactly("errors.httpStatus: 200 here, 400 there");
        assertThat(other.describe()).contains("errors.httpStatus = 400  [inferred (r); from other.yaml]");
    }

    @ParameterizedTest
    @CsvSource({"2.3,V2_3", "2.3.0,V2_3", "enos-2.4,V2_4", "2.4.4,V2_4", "3.0,V3_0"})
    void releasesAreNamedAsUsersWriteThem(String text, EnosVersion version) {
        assertThat(EnosVersion.parse(text)).contains(version);
    }

    @Test
    void idFormatsAreTold() {
        assertThat(IdFormat.of("5f2b1c3d4e5f60718293a4b5")).contains(IdFormat.HEX24);
        assertThat(IdFormat.of("7f1c2a64-2c1b-4a7e-9a2e-0f0e1d2c3b4a")).contains(IdFormat.UUID_FORM);
        assertThat(IdFormat.of("job-1")).isEmpty();
        Arrays.stream(IdFormat.values()).forEach(format -> assertThat(IdFormat.of(format.random())).contains(format));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
