package io.enoskit.ota.mock;

import static io.enoskit.ota.mock.MockOptions.mockOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enoskit.ota.profile.BehaviourProfile;
import io.enoskit.ota.profile.ProfileLayer;
import io.enoskit.ota.profile.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A value the builder refuses is refused by the method given it, and the message names that method and the range
 * (the command line shows the same rule under its option's name).
 */
class MockOptionsTest {
    @TempDir
    Path dir;

    static Stream<Arguments> valuesOutOfRange() {
        return Stream.of(
                refused(() -> mockOptions().port(70000), "port", "must be from 0 to 65535, was 70000"),
                refused(() -> mockOptions().port(-1), "port", "must be from 0 to 65535, was -1"),
                refused(() -> mockOptions().journalEntries(-1), "journalEntries", "must be at least 0, was -1"),
                refused(() -> mockOptions().maxBodyBytes(-5), "maxBodyBytes",
                        "must be from 1 to 2147483639, was -5"),
                refused(() -> mockOptions().maxBodyBytes(3_000_000_000L), "maxBodyBytes",
                        "must be from 1 to 2147483639, was 3000000000"),
                refused(() -> mockOptions().maxUploadBytes(0), "maxUploadBytes",
                        "must be from 1 to 2147483639, was 0"),
                refused(() -> mockOptions().maxUploadBytes(3_000_000_000L), "maxUploadBytes",
                        "must be from 1 to 2147483639, was 3000000000"),
                refused(() -> mockOptions().bodyTimeout(Duration.ZERO), "bodyTimeout",
                        "must be from 0.001 to 86400 seconds, was 0"),
                refused(() -> mockOptions().bodyTimeout(Duration.ofMillis(-2500)), "bodyTimeout",
                        "must be from 0.001 to 86400 seconds, was -2.5"),
                refused(() -> mockOptions().bodyTimeout(Duration.ofDays(2)), "bodyTimeout",
                        "must be from 0.001 to 86400 seconds, was 172800"),
                refused(() -> mockOptions().containerThreads(0), "containerThreads", "must be at least 5, was 0"),
                refused(() -> mockOptions().maxJobs(0), "maxJobs", "must be at least 1, was 0"),
                refused(() -> mockOptions().taskPace(Duration.ofNanos(400_000)), "taskPace",
                        "must be from 0.001 to 86400 seconds, was 0.0004"),
                refused(() -> mockOptions().taskPace(Duration.ofSeconds(86_401)), "taskPace",
                        "must be from 0.001 to 86400 seconds, was 86401"),
                refused(() -> mockOptions().taskFailureShare(1.5), "taskFailureShare",
                        "must be from 0 to 1, was 1.5"),
                refused(() -> mockOptions().taskFailureShare(Double.NaN), "taskFailureShare",
                        "must be from 0 to 1, was NaN"));
    }

    private static Arguments refused(ThrowingCallable call, String setting, String rule) {
        return Arguments.of(call, setting, rule);
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("valuesOutOfRange")
    void aValueOutOfRangeIsRefusedNamingTheMethodAndTheRange(ThrowingCallable call, String setting, String rule) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MockOptionException.class, refused -> {
            assertThat(refused.setting()).isEqualTo(setting);
            assertThat(refused.rule()).isEqualTo(rule);
        }).hasMessage("MockOptions." + setting + " " + rule);
    }

    @Test
    void theEdgesOfEachRangeAreAccepted() {
        mockOptions().port(0).port(65535).journalEntries(0).maxBodyBytes(1).maxBodyBytes(2_147_483_639L)
                .maxUploadBytes(1).maxUploadBytes(2_147_483_639L)
                .bodyTimeout(Duration.ofMillis(1)).bodyTimeout(Duration.ofSeconds(86_400)).containerThreads(5)
                .maxJobs(1).taskPace(Duration.ofMillis(1)).taskPace(Duration.ofSeconds(86_400))
                .taskFailureShare(0).taskFailureShare(1);
    }

    @Test
    void aRootDirThatDoesNotExistIsRefusedByRootDir() {
        String missing = dir.resolve("nope").toString();

        assertThatThrownBy(() -> mockOptions().rootDir(missing)).isInstanceOf(MockOptionException.class)
                .hasMessage("MockOptions.rootDir must be a folder with mappings/ and ota-state.json in it: " + missing
                        + " does not exist");
    }

    @Test
    void aRootDirThatIsAFileIsRefusedAsAFileNotAsMissing() throws Exception {
        String file = Files.writeString(dir.resolve("file.txt"), "x").toString();

        assertThatThrownBy(() -> mockOptions().rootDir(file)).isInstanceOf(MockOptionException.class)
                .hasMessage("MockOptions.rootDir must be a folder with mappings/ and ota-state.json in it: " + file
                        + " is a file");
    }

    @Test
    void aRootDirWithoutMappingsIsRefusedByRootDir() {
        assertThatThrownBy(() -> mockOptions().rootDir(dir.toString())).isInstanceOf(MockOptionException.class)
                .hasMessage("MockOptions.rootDir must be a folder with mappings/ and ota-state.json in it: " + dir
                        + " has no mappings/ folder (copy the kit's stubs/ to start from)");
    }

    @Test
    void aStateFileThatIsAFolderOrInAMissingFolderIsRefusedByStateFile() {
        assertThatThrownBy(() -> mockOptions().stateFile(dir)).isInstanceOf(MockOptionException.class)
                .hasMessage("MockOptions.stateFile must name a file in a folder that exists: " + dir
                        + " is a folder");
        Path orphan = dir.resolve("no/such/state.json");
        assertThatThrownBy(() -> mockOptions().stateFile(orphan)).isInstanceOf(MockOptionException.class)
                .hasMessage("MockOptions.stateFile must name a file in a folder that exists: "
                        + dir.resolve("no/such") + " does not exist");
    }

    @Test
    void aBindAddressThatDoesNotResolveIsRefusedByBindAddress() {
        assertThatThrownBy(() -> mockOptions().bindAddress("nope.invalid")).isInstanceOf(MockOptionException.class)
                .hasMessage("MockOptions.bindAddress must be an address of this machine or a name that resolves to"
                        + " one, was nope.invalid, which does not resolve");
    }

    /** The floor is what Jetty needs (acceptor, selector, reserved thread, one worker), not a number below it. */
    @Test
    void theMockStartsWithTheFewestContainerThreadsAccepted() {
        try (OtaMockServer mock = OtaMockServer.start(mockOptions().dynamicPort()
                .containerThreads(MockOptions.CONTAINER_THREADS_FROM))) {
            assertThat(mock.isRunning()).isTrue();
        }
        assertThatThrownBy(() -> mockOptions().containerThreads(MockOptions.CONTAINER_THREADS_FROM - 1))
                .isInstanceOf(MockOptionException.class);
    }

    /** --lenient is a shortcut for request.unknownFields: ignore, over any profile; the profile alone does the same. */
    @Test
    void lenientIsTheProfileSettingRequestUnknownFieldsIgnore() {
        BehaviourProfile strict = BehaviourProfile.defaults();
        assertThat(mockOptions().profile(strict).lenient()).isFalse();

        MockOptions lenient = mockOptions().lenient(true).profile(strict);

        assertThat(lenient.profile().refusesUnknownFields()).isFalse();
        assertThat(lenient.profile().layers()).containsExactly("default", "--lenient");
        assertThat(lenient.profile().value(Setting.UNKNOWN_FIELDS).origin()).isEqualTo("--lenient");
        BehaviourProfile ignoring = strict.with(ProfileLayer.parse("settings:\n  request.unknownFields:\n"
                + "    value: ignore\n    source: inferred\n    reason: a test\n", "ignore.yaml"));
        assertThat(mockOptions().profile(ignoring).lenient()).isTrue();
    }
}
