package io.enoskit.ota.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.model.JobInfo;
import io.enoskit.ota.model.UpgradeScopeInfo;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stored job: the JSON shape of JobInfo (so state files written with JobInfo still load), every JobInfo field
 * carried, and no way to change it through what it was made from or what it hands out.
 */
class JobTest {
    private static Job everyField(List<String> deviceKeys, Map<String, List<String>> tags) {
        return new Job("org1", "job1", new Job.I18nText("name", Map.of("zh_CN", "名")), "fw1", "1.1",
                new Job.I18nText("fw", null), "pk", JobInfo.TypeEnum.UPGRADE, true, JobInfo.UpgradePolicyEnum.SNAPSHOT,
                new Job.UpgradeScope(UpgradeScopeInfo.TypeEnum.PARTIAL, List.of("1.0"), deviceKeys,
                        Map.of("region", List.of("EU", 1)), tags,
                        List.of(new Job.AssetTree("tree1", List.of("node1")))),
                600L, new Job.RetryPolicy(true, 60, 2), new Job.SchedulePolicy(true, 1L, 2L, 480), 0, 86399, 5,
                JobInfo.StatusEnum.STOPPED, 1_000L);
    }

    @Test
    void writesAndReadsTheJsonOfJobInfoWithEveryField() throws Exception {
        Job job = everyField(List.of("dk1"), Map.of("site", List.of("north")));
        JsonNode asJob = Json.mapper().valueToTree(job);
        JsonNode asInfo = Json.mapper().valueToTree(job.info());

        assertThat(asJob).isEqualTo(asInfo);
        assertThat(Json.mapper().readValue(Json.write(job.info()), Job.class)).isEqualTo(job);
        List<String> infoFields = new ArrayList<>();
        asInfo.fieldNames().forEachRemaining(infoFields::add);
        assertThat(infoFields).as("every JobInfo field is set above").hasSize(
                (int) Arrays.stream(JobInfo.class.getDeclaredFields())
                        .filter(field -> !Modifier.isStatic(field.getModifiers())).count());
    }

    @Test
    void isACopyOfWhatItWasMadeFromAndHandsOutCopies() {
        List<String> deviceKeys = new ArrayList<>(List.of("dk1"));
        Map<String, List<String>> tags = new LinkedHashMap<>(Map.of("site", new ArrayList<>(List.of("north"))));
        Job job = everyField(deviceKeys, tags);
        deviceKeys.add("dk2");
        tags.get("site").add("south");

        assertThat(job.upgradeScope().deviceKeys()).containsExactly("dk1");
        assertThat(job.upgradeScope().tags()).containsExactly(Map.entry("site", List.of("north")));
        assertThatThrownBy(() -> job.upgradeScope().deviceKeys().add("dk3"))
                .isInstanceOf(UnsupportedOperationException.class);
        JobInfo answer = job.info();
        answer.getUpgradeScope().getDeviceKeys().add("dk3");
        answer.setStatus(JobInfo.StatusEnum.STARTED);
        assertThat(job.upgradeScope().deviceKeys()).containsExactly("dk1");
        assertThat(job.status()).isEqualTo(JobInfo.StatusEnum.STOPPED);
        assertThat(job.withStatus(JobInfo.StatusEnum.STARTED).started()).isTrue();
        assertThat(job.started()).isFalse();
    }
}
