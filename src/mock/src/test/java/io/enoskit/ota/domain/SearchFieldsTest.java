package io.enoskit.ota.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.enoskit.ota.domain.SearchFields.Field;
import io.enoskit.ota.domain.SearchFields.SearchedJob;
import io.enoskit.ota.model.DeviceFirmware;
import io.enoskit.ota.model.JobInfo;
import io.enoskit.ota.model.TaskInfo;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every field each search declares is read from its record: for two records that differ in every field, a condition
 * on one's value selects that record and not the other. A declared field that reads nothing, or the wrong property,
 * fails here.
 */
class SearchFieldsTest {
    /**
     * One search, two records, and the first record's value of every declared field as an expression writes it.
     *
     * @param <T> the record the search selects
     */
    record Case<T>(SearchFields<T> search, T first, T second, Map<String, String> firstValues) {
        @Override
        public String toString() {
            return search.search();
        }
    }

    private static Job job(String firmwareId, String productKey, String firmwareVersion, JobInfo.TypeEnum type,
                           JobInfo.StatusEnum status, String name, String firmwareName) {
        return new Job("yourOrgId", "job-" + firmwareId, new Job.I18nText(name, null), firmwareId, firmwareVersion,
                new Job.I18nText(firmwareName, null), productKey, type, false, null, null, null, null, null, null,
                null, null, status, 1L);
    }

    static Stream<Arguments> searches() {
        SearchedJob firstJob = new SearchedJob(job("fwA", null, "1.0.A", JobInfo.TypeEnum.UPGRADE,
                JobInfo.StatusEnum.STARTED, "nightly rollout", "main board"),
                // no productKey of its own: the firmware's is searched
                firmware("fwA", "pkA", true));
        SearchedJob secondJob = new SearchedJob(job("fwB", "pkB", "1.0.B", JobInfo.TypeEnum.VERIFY,
                JobInfo.StatusEnum.STOPPED, "canary", "radio"),
                firmware("fwB", "pkA", false));
        TaskInfo firstTask = new TaskInfo().jobId("jobA").deviceKey("dkA").fromVersion("0.9").toVersion("1.0")
                .status(TaskInfo.StatusEnum.FAILED).desc("timed out");
        TaskInfo secondTask = new TaskInfo().jobId("jobB").deviceKey("dkB").fromVersion("0.8").toVersion("1.1")
                .status(TaskInfo.StatusEnum.SUCCEEDED).desc("done");
        DeviceFirmware firstDevice = new DeviceFirmware().productKey("pkA").firmwareVersion("2.0").isUpgrading(true);
        DeviceFirmware secondDevice = new DeviceFirmware().productKey("pkB").firmwareVersion("2.1")
                .isUpgrading(false);
        return Stream.of(
                new Case<>(SearchFields.JOBS, firstJob, secondJob, Map.of("firmwareId", "fwA", "productKey", "pkA",
                        "firmwareVersion", "1.0.A", "type", "upgrade", "status", "started", "name", "nightly",
                        "firmwareName", "main")),
                new Case<>(SearchFields.TASKS, firstTask, secondTask, Map.of("jobId", "jobA", "deviceKey", "dkA",
                        "fromVersion", "0.9", "toVersion", "1.0", "status", "failed", "desc", "timed out")),
                new Case<>(SearchFields.FIRMWARE, firmware("fwA", "pkA", true), firmware("fwB", "pkB", false),
                        Map.of("productKey", "pkA", "isVerified", "true", "name", "board fwA")),
                new Case<>(SearchFields.DEVICE_UPGRADE, firstDevice, secondDevice, Map.of("productKey", "pkA",
                        "firmwareVersion", "2.0", "isUpgrading", "true"))
        ).map(Arguments::of);
    }

    private static Firmware firmware(String firmwareId, String productKey, boolean isVerified) {
        return new Firmware("org", firmwareId, "board " + firmwareId, "1.0", false, isVerified, null, productKey,
                null, 1L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("searches")
    <T> void aConditionOnEveryDeclaredFieldSelectsTheRecordWithThatValue(Case<T> search) {
        assertThat(search.search().fields()).extracting(Field::name)
                .as("the fields this test gives values for are the ones the spec declares")
                .containsExactlyInAnyOrderElementsOf(search.firstValues().keySet());
        for (Field field : search.search().fields()) {
            String condition = condition(field, search.firstValues().get(field.name()));
            SearchExpression expression = SearchExpression.parse(condition, search.search());

            assertThat(expression.matches(search.search().valuesOf(search.first()))).as(condition + " on the first")
                    .isTrue();
            assertThat(expression.matches(search.search().valuesOf(search.second())))
                    .as(condition + " on the second").isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("searches")
    <T> void aNameTheSearchDoesNotDeclareIsRefusedNamingIt(Case<T> search) {
        assertThatIllegalArgumentException().isThrownBy(() -> search.search().valuesOf(search.first()).apply("nope"))
                .withMessage(search.search().search() + " has no field 'nope'");
    }

    private static String condition(Field field, String value) {
        return switch (field.kind()) {
            case BOOLEAN -> field.name() + " = " + value;
            case I18N -> field.name() + " like '" + value + "'";
            case TEXT -> field.name() + " = '" + value + "'";
        };
    }
}
