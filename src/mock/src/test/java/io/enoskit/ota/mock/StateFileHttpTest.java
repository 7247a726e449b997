package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.enoskit.ota.domain.Firmware;
import io.enoskit.ota.model.JobInfo;
import io.enoskit.ota.model.TaskInfo;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --state-file}: what was created survives a restart (firmware, devices, jobs, device tasks, the clock); a file
 * that cannot be read stops the start naming it and is left as it is; a save leaves no temporary file behind.
 * (The {@code kill -9} case runs against the jar: {@code FatJarIT} in the cli module.)
 */
class StateFileHttpTest {
    @TempDir
    Path dir;

    private OtaMockServer start(Path file) {
        return OtaMockServer.start(MockOptions.mockOptions().dynamicPort().stateFile(file));
    }

    private static String create(OtaMockServer mock, List<String> deviceKeys) {
        return RestAssured.given().baseUri(mock.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("type", "upgrade", "upgradePolicy", "snapshot", "enableUpgradeRequest", true,
                        "upgradeScope", Map.of("type", "partial", "deviceKeys", deviceKeys)))
                .post("/connect-service/v2.1/ota-jobs?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId")
                .then().statusCode(200).extract().path("data.jobId");
    }

    @Test
    void whatWasCreatedIsThereAfterARestartWithItsTasksWhereTheyWere() {
        Path file = dir.resolve("state.json");
        String jobId;
        List<TaskInfo> before;
        try (OtaMockServer mock = start(file)) {
            jobId = create(mock, List.of("deviceKey1", "deviceKey3"));
            mock.putFirmware(new Firmware("org2", "fw9", "nine", "9.0", false, false, null));
            mock.startJob("yourOrgId", jobId);
            mock.advanceClock(Duration.ofSeconds(16));
            before = mock.tasks("yourOrgId", jobId);
            assertThat(before).extracting(TaskInfo::getStatus)
                    .containsExactly(TaskInfo.StatusEnum.UPGRADING, TaskInfo.StatusEnum.FAILED);
        }
        assertThat(file).exists();
        assertThat(dir.toFile().list()).containsExactly("state.json");

        try (OtaMockServer again = start(file)) {
            assertThat(again.jobs("yourOrgId")).extracting(JobInfo::getJobId).containsExactly(jobId);
            assertThat(again.jobs("yourOrgId").get(0).getStatus()).isEqualTo(JobInfo.StatusEnum.STARTED);
            assertThat(again.firmwares("org2")).extracting(Firmware::firmwareId).containsExactly("fw9");
            List<TaskInfo> after = again.tasks("yourOrgId", jobId);
            assertThat(after).extracting(TaskInfo::getStatus).isEqualTo(before.stream().map(TaskInfo::getStatus).toList());
            assertThat(after).extracting(TaskInfo::getProgress)
                    .isEqualTo(before.stream().map(TaskInfo::getProgress).toList());
            assertThat(after).extracting(TaskInfo::getTaskId)
                    .isEqualTo(before.stream().map(TaskInfo::getTaskId).toList());

            again.advanceClock(Duration.ofSeconds(15));
            assertThat(again.tasks("yourOrgId", jobId).get(0).getStatus()).isEqualTo(TaskInfo.StatusEnum.SUCCEEDED);
            RestAssured.given().baseUri(again.baseUrl()).contentType(ContentType.JSON)
                    .body(Map.of("deviceKeys", List.of("deviceKey3")))
                    .post("/connect-service/v2.1/ota-jobs?action=retryTask&orgId=yourOrgId&jobId=" + jobId)
                    .then().body("code", Matchers.equalTo(0));
        }
    }

    @Test
    void aMissingFileIsCreatedFromTheDefaultStateAtTheFirstChange() throws Exception {
        Path file = dir.resolve("new.json");
        try (OtaMockServer mock = start(file)) {
            assertThat(mock.firmwares("yourOrgId")).hasSize(2);
            create(mock, List.of("deviceKey1"));
            await("the file saved within a tick of the change").atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(file).exists());
            assertThat(Files.readString(file)).contains("enos-ota-mock-state/1").contains("deviceKey1");
        }
    }

    @Test
    void aFileThatCannotBeReadStopsTheStartNamingItAndIsLeftAsItIs() throws IOException {
        for (String content : new String[] {"", "{not json", "null", "{\"format\":\"other/9\",\"orgs\":[]}",
            "{\"format\":\"enos-ota-mock-state/1\",\"orgs\":[{\"orgId\":\"o\",\"runs\":[{\"jobId\":\"j\"}]}]}"}) {
            Path file = dir.resolve("bad.json");
            Files.writeString(file, content, StandardCharsets.UTF_8);

            assertThatThrownBy(() -> start(file).close()).as(content)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the state file " + file.toAbsolutePath());
            assertThat(Files.readString(file)).isEqualTo(content);
        }
    }

    @Test
    void aStateFileInAFolderThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> start(dir.resolve("no/such/folder/state.json")).close())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist");
    }
}
