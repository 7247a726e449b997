package io.enoskit.ota.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.enoskit.ota.contract.EnosRelease.SearchField;
import io.enoskit.ota.model.JobInfo;
import io.enoskit.ota.model.StringI18nInfo;
import io.enoskit.ota.profile.EnosVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * The spec says which EnOS release each field, search field and rule came with (reference notes §7, §2.5, §3.1,
 * §3.2), and {@link EnosRelease} reads it from there.
 */
class EnosReleaseTest {
    private static final EnosRelease V2_2 = EnosRelease.of(EnosVersion.V2_2);
    private static final EnosRelease V2_3 = EnosRelease.of(EnosVersion.V2_3);
    private static final EnosRelease V2_4 = EnosRelease.of(EnosVersion.V2_4);

    @Test
    void jobInfoHasItsFirmwareVersionAndNameFrom24() {
        assertThat(V2_3.lacks("JobInfo")).containsExactly(Map.entry("firmwareVersion", EnosVersion.V2_4),
                Map.entry("firmwareName", EnosVersion.V2_4));
        assertThat(V2_4.lacks("JobInfo")).isEmpty();
        assertThat(V2_3.has("JobInfo", "firmwareId")).isTrue();
        assertThat(V2_3.has("JobInfo", "firmwareName")).isFalse();
    }

    @Test
    void firmwareInfoHasTagsAndVerificationLimitsFrom24() {
        assertThat(V2_3.lacks("FirmwareInfo")).containsOnlyKeys("firmwareTags", "maxAllowedForVerification",
                "minSuccessForVerified");
        assertThat(EnosRelease.newest().lacksAny()).isFalse();
        assertThat(V2_2.lacksAny()).isTrue();
    }

    /** Every mark stands where the reader looks: a schema's property, a search field, or a rule. */
    @Test
    void everySinceStandsWhereItIsRead() throws IOException {
        List<String> misplaced = new ArrayList<>();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (String document : OpenApiContract.DOCUMENTS) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(document)) {
                walk(yaml.readTree(in), document + "#", misplaced);
            }
        }
        assertThat(misplaced).isEmpty();
    }

    private void walk(JsonNode node, String path, List<String> misplaced) {
        if (node.has(EnosRelease.SINCE) && !path.matches(".*#/components/schemas/[^/]+/properties/[^/]+")
                && !path.matches(".*#/x-enos-rules/\\d+") && !path.matches(".*/x-enos-search-fields/\\d+")) {
            misplaced.add(path);
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, misplaced);
            }
        }
        node.properties().forEach(field -> walk(field.getValue(), path + "/" + field.getKey(), misplaced));
    }
    @Test
    void jobSearchFieldsComeReleaseByRelease() {
        List<SearchField> fields = EnosRelease.searchFields(Operation.SEARCH_JOBS);
        assertThat(fields).extracting(SearchField::name).containsExactly("firmwareId", "productKey",
                "firmwareVersion", "type", "status", "name", "firmwareName");
        assertThat(fields).filteredOn(field -> field.since() == EnosVersion.V2_2).extracting(SearchField::name)
                .containsExactly("firmwareId", "productKey", "type", "status");
        SearchField firmwareName = fields.get(6);
        assertThat(firmwareName.since()).isEqualTo(EnosVersion.V2_3);
        assertThat(firmwareName.localesSince()).isEqualTo(EnosVersion.V2_4);
        assertThat(firmwareName.operators()).containsExactly("like");
        assertThat(fields.get(5).since()).isEqualTo(EnosVersion.V2_4);
        assertThat(fields.get(2).since()).isEqualTo(EnosVersion.V2_3);
        assertThat(EnosRelease.searchLocales(Operation.SEARCH_JOBS)).containsEntry("default", "defaultValue")
                .containsEntry("en_US", "en_US");
    }

    @Test
    void taskSearchHasToVersionFrom23() {
        assertThat(EnosRelease.searchFields(Operation.SEARCH_TASKS))
                .filteredOn(field -> field.since() != EnosVersion.V2_2).extracting(SearchField::name)
                .containsExactly("toVersion");
        assertThat(EnosRelease.searchFields(Operation.SEARCH_TASKS).get(3).since()).isEqualTo(EnosVersion.V2_3);
        assertThat(EnosRelease.searchLocales(Operation.SEARCH_TASKS)).isEmpty();
    }

    @Test
    void firmwareSearchFieldsAndAnOperationThatIsNoSearch() {
        assertThat(EnosRelease.searchFields(Operation.SEARCH_FIRMWARE)).extracting(SearchField::name,
                SearchField::kind).containsExactly(Tuple.tuple("productKey", "text"),
                Tuple.tuple("isVerified", "boolean"),
                Tuple.tuple("name", "i18n"));
        assertThat(EnosRelease.searchFields(Operation.GET_JOB)).isEmpty();
    }
    @Test
    void theSearchByVersionHoldsFrom23AndTheRestEverywhere() {
        List<DocumentedRule> rules = OpenApiContract.allRules();
        assertThat(rules).filteredOn(rule -> rule.since() != EnosVersion.V2_2).extracting(DocumentedRule::id)
                .containsExactly("SEARCH-JOB-BY-VERSION");
        DocumentedRule byVersion = rules.stream().filter(rule -> rule.id().equals("SEARCH-JOB-BY-VERSION"))
                .findFirst().orElseThrow();
        assertThat(V2_2.has(byVersion)).isFalse();
        assertThat(V2_3.has(byVersion)).isTrue();
    }
    @Test
    void anOlderReleasesSpecLacksItsNewerFieldsAlsoWhereAnotherDocumentRefersToThem() {
        assertThat(V2_3.contract(OpenApiContract.JOB_SEARCH_RESOURCE).openApi().getComponents().getSchemas()
                .get("JobInfo").getProperties()).containsKey("firmwareId").doesNotContainKeys("firmwareVersion",
                "firmwareName");
        assertThat(V2_3.contract(OpenApiContract.SPEC_RESOURCE).release()).isEqualTo(EnosVersion.V2_3);
        assertThat(OpenApiContract.load(OpenApiContract.SPEC_RESOURCE).openApi().getComponents().getSchemas()
                .get("JobInfo").getProperties()).containsKeys("firmwareVersion", "firmwareName");
        assertThat(EnosRelease.newest().contract(OpenApiContract.SPEC_RESOURCE))
                .isSameAs(OpenApiContract.load(OpenApiContract.SPEC_RESOURCE));
    }

    /** What conform relies on: a 2.4 field in a 2.3 answer is a field the schema does not define. */
    @Test
    void a24FieldInAnAnswerIsAnUndefinedPropertyFor23Only() {
        String answer = "{\"code\":0,\"msg\":\"OK\",\"requestId\":\"r1\",\"data\":{\"orgId\":\"o\",\"jobId\":\"j\","
                + "\"firmwareId\":\"f\",\"firmwareVersion\":\"1.1\",\"type\":\"upgrade\","
                + "\"upgradeScope\":{\"type\":\"total\"}}}";
        assertThat(undefined(V2_3, answer)).anyMatch(message -> message.contains("firmwareVersion"));
        assertThat(undefined(V2_4, answer)).isEmpty();
    }

    private List<String> undefined(EnosRelease release, String answer) {
        ValidationReport report = release.contract(OpenApiContract.SPEC_RESOURCE).validator(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE).build())
                .validate(SimpleRequest.Builder.get(Operation.JOBS).withQueryParam("action", "get")
                                .withQueryParam("orgId", "o").withQueryParam("jobId", "j").build(),
                        SimpleResponse.Builder.ok().withContentType("application/json").withBody(answer).build());
        return report.getMessages().stream()
                .filter(message -> message.getKey().equals("validation.response.body.schema.additionalProperties"))
                .map(ValidationReport.Message::getMessage).toList();
    }
    private final JobInfo job = new JobInfo().orgId("o").jobId("j").firmwareId("f").firmwareVersion("1.1")
            .firmwareName(new StringI18nInfo().defaultValue("fw")).type(JobInfo.TypeEnum.UPGRADE);

    @Test
    void anOlderReleaseAnswersAJobWithoutItsNewerFields() {
        JsonNode answered = (JsonNode) V2_3.answer(Operation.GET_JOB, job);
        assertThat(answered.has("firmwareVersion")).isFalse();
        assertThat(answered.has("firmwareName")).isFalse();
        assertThat(answered.path("firmwareId").asText()).isEqualTo("f");
    }

    @Test
    void eachRecordOfASearchToo() {
        JsonNode answered = (JsonNode) V2_2.answer(Operation.SEARCH_JOBS, List.of(job, job));
        assertThat(answered).hasSize(2).allSatisfy(record -> {
            assertThat(record.has("firmwareVersion")).isFalse();
            assertThat(record.path("jobId").asText()).isEqualTo("j");
        });
    }

    @Test
    void theNewestReleaseAnswersTheResultItself() {
        assertThat(V2_4.answer(Operation.GET_JOB, job)).isSameAs(job);
    }
}
