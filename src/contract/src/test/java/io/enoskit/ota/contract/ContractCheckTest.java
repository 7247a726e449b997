package io.enoskit.ota.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.enoskit.ota.model.CreateOtaJobRequest;
import io.enoskit.ota.model.UpgradeJobRequest;
import io.enoskit.ota.model.VerificationJobRequest;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each way a request can break the spec gives a violation naming the field and the rule. */
class ContractCheckTest {
    private static final OpenApiContract CONTRACT = OpenApiContract.load();
    private static final String UPGRADE = """
            {"type":"upgrade","upgradePolicy":"snapshot","enableUpgradeRequest":true,
             "upgradeScope":{"type":"partial","deviceKeys":["dk1"]}}""";
    private static final String VERIFY = """
            {"type":"verify","upgradeScope":{"type":"partial","deviceKeys":["dk1"]}}""";

    private final ContractCheck strict = new ContractCheck(CONTRACT, false);
    private final ContractCheck lenient = new ContractCheck(CONTRACT, true);

    @Test
    void aValidUpgradeBodyDecodesToTheUpgradeModel() {
        CreateOtaJobRequest body = strict.check(HttpRequests.create("o", "f", UPGRADE)).body(CreateOtaJobRequest.class);

        assertThat(body).isInstanceOf(UpgradeJobRequest.class);
        assertThat(((UpgradeJobRequest) body).getUpgradeScope().getDeviceKeys()).containsExactly("dk1");
    }

    @Test
    void aValidVerificationBodyDecodesToTheVerificationModel() {
        assertThat(strict.check(HttpRequests.create("o", "f", VERIFY)).body(CreateOtaJobRequest.class))
                .isInstanceOf(VerificationJobRequest.class);
    }

    @Test
    void theQueryIsRead() {
        ValidRequest call = strict.check(HttpRequests.create("org-7", "fw-9", UPGRADE));

        assertThat(call.query("orgId")).isEqualTo("org-7");
        assertThat(call.query("firmwareId")).isEqualTo("fw-9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=utf-8", "application/json;charset=UTF-8", "application/json"})
    void jsonWithAnyCharsetIsAccepted(String contentType) {
        HttpRequest request = HttpRequests.withContentType(HttpRequests.create("o", "f", UPGRADE), contentType);

        assertThat(strict.check(request).body(CreateOtaJobRequest.class)).isNotNull();
    }

    @Test
    void missingOrgIdIsNamed() {
        assertViolations(() -> strict.check(HttpRequests.create(null, "f", UPGRADE)),
                new Violation("orgId", "is mandatory but missing or blank"));
    }

    @Test
    void blankOrgIdIsNamed() {
        assertViolations(() -> strict.check(HttpRequests.create("  ", "f", UPGRADE)),
                new Violation("orgId", "is mandatory but missing or blank"));
    }

    @Test
    void missingFirmwareIdIsNamed() {
        assertViolations(() -> strict.check(HttpRequests.create("o", null, UPGRADE)),
                new Violation("firmwareId", "is mandatory but missing or blank"));
    }

    @ParameterizedTest
    @CsvSource({"upgradeScope", "upgradePolicy", "enableUpgradeRequest", "type"})
    void eachMandatoryUpgradeFieldIsNamedWhenMissing(String field) throws Exception {
        var body = (ObjectNode) Json.mapper().readTree(UPGRADE);
        body.remove(field);

        ContractViolation violation = violation(() -> strict.check(HttpRequests.create("o", "f", body.toString())));

        assertThat(violation.violations()).extracting(Violation::field).contains(field);
        assertThat(violation.operationMissing()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"upgradeScope", "type"})
    void eachMandatoryVerificationFieldIsNamedWhenMissing(String field) throws Exception {
        var body = (ObjectNode) Json.mapper().readTree(VERIFY);
        body.remove(field);

        assertThat(violation(() -> strict.check(HttpRequests.create("o", "f", body.toString()))).violations())
                .extracting(Violation::field).contains(field);
    }

    @Test
    void missingUpgradePolicyIsTheOnlyViolation() {
        String body = UPGRADE.replace("\"upgradePolicy\":\"snapshot\",", "");

        assertViolations(() -> strict.check(HttpRequests.create("o", "f", body)),
                new Violation("upgradePolicy", "is mandatory but missing"));
    }

    @Test
    void missingScopeTypeIsNamedWithItsPath() {
        String body = VERIFY.replace("\"type\":\"partial\",", "");

        assertViolations(() -> strict.check(HttpRequests.create("o", "f", body)),
                new Violation("upgradeScope.type", "is mandatory but missing"));
    }

    @Test
    void aMissingOrNonStringTypeIsTheBodysOnlyViolation() {
        assertViolations(() -> strict.check(HttpRequests.create("o", "f", UPGRADE.replace("\"type\":\"upgrade\",", ""))),
                new Violation("type", "is mandatory but missing"));
        assertViolations(() -> strict.check(HttpRequests.create("o", "f", UPGRADE.replace("\"upgrade\"", "5"))),
                new Violation("type", "must be a string, not an integer"));
    }

    @Test
    void aNullWhereTheSchemaAllowsNoneIsNamedOnceEvenUnderANullableObject() {
        ContractCheck search = new ContractCheck(OpenApiContract.load(OpenApiContract.JOB_SEARCH_RESOURCE), false);
        HttpRequest request = new HttpRequest("POST", HttpRequests.PATH,
                Map.of("action", List.of("search"), "orgId", List.of("o")), HttpRequests.json(),
                "{\"pagination\":{\"pageNo\":null,\"pageSize\":null,\"sorters\":[null]}}");

        assertViolations(() -> search.check(request),
                new Violation("pagination.sorters[0]", "must be an object, not null"),
                new Violation("pagination.pageNo", "must be an integer, not null"),
                new Violation("pagination.pageSize", "must be an integer, not null"));
    }

    @Test
    void aNullWhereTheSchemaAllowsOneStillPasses() {
        ContractCheck search = new ContractCheck(OpenApiContract.load(OpenApiContract.JOB_SEARCH_RESOURCE), false);

        search.check(new HttpRequest("POST", HttpRequests.PATH, Map.of("action", List.of("search"),
                "orgId", List.of("o")), HttpRequests.json(), "{\"expression\":null,\"pagination\":null}"));
    }

    @Test
    void anUnknownTypeIsNamed() {
        ContractViolation violation = violation(() -> strict.check(HttpRequests.create("o", "f",
                UPGRADE.replace("\"upgrade\"", "\"upgrad\""))));

        assertThat(violation.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("type");
            assertThat(v.rule()).isEqualTo("value 'upgrad' is not one of [upgrade, verify]");
        });
    }

    @Test
    void anUnknownUpgradePolicyIsNamedWithTheAllowedValues() {
        ContractViolation violation = violation(() -> strict.check(HttpRequests.create("o", "f",
                UPGRADE.replace("snapshot", "full"))));

        assertThat(violation.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("upgradePolicy");
            assertThat(v.rule()).isEqualTo("value 'full' is not one of [snapshot, incremental]");
        });
    }

    @ParameterizedTest
    @CsvSource({"299, minimum, 300", "172801, maximum, 172800"})
    void upgradeTimeoutOutOfRangeNamesTheBound(long timeout, String bound, long limit) {
        String body = UPGRADE.replace("}}", "},\"upgradeTimeout\":" + timeout + "}");

        assertThat(violation(() -> strict.check(HttpRequests.create("o", "f", body))).violations())
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("upgradeTimeout");
                    assertThat(v.rule()).isEqualTo("is " + (bound.equals("minimum") ? "below" : "above") + " the "
                            + bound + ": " + limit + " (found: " + timeout + ")");
                });
    }

    @ParameterizedTest
    @ValueSource(longs = {300, 172800})
    void upgradeTimeoutAtTheBoundsPasses(long timeout) {
        String body = VERIFY.replace("}}", "},\"upgradeTimeout\":" + timeout + "}");

        assertThat(strict.check(HttpRequests.create("o", "f", body)).body(VerificationJobRequest.class)
                .getUpgradeTimeout()).isEqualTo(timeout);
    }

    @Test
    void numericStringsAreReadAsNumbers() {
        String body = UPGRADE.replace("}}", "},\"upgradeTimeout\":\"600\",\"maximumConcurrency\":\"10\","
                + "\"retryPolicy\":{\"enableRetry\":true,\"retryInterval\":\"10\",\"retryCount\":5}}");

        UpgradeJobRequest request = strict.check(HttpRequests.create("o", "f", body)).body(UpgradeJobRequest.class);

        assertThat(request.getUpgradeTimeout()).isEqualTo(600L);
        assertThat(request.getMaximumConcurrency()).isEqualTo(10);
        assertThat(request.getRetryPolicy().getRetryInterval()).isEqualTo(10);
    }

    @Test
    void numericStringsStillMeetTheRange() {
        String body = UPGRADE.replace("}}", "},\"upgradeTimeout\":\"172801\"}");

        assertThat(violation(() -> strict.check(HttpRequests.create("o", "f", body))).violations())
                .singleElement().extracting(Violation::field).isEqualTo("upgradeTimeout");
    }

    @Test
    void aNonNumericStringForANumberIsRejected() {
        String body = UPGRADE.replace("}}", "},\"upgradeTimeout\":\"ten minutes\"}");

        assertThat(violation(() -> strict.check(HttpRequests.create("o", "f", body))).violations())
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("upgradeTimeout");
                    assertThat(v.rule()).isEqualTo("must be an integer, not a string");
                });
    }

    @Test
    void anUnknownFieldIsNamedWhenStrict() {
        String body = UPGRADE.replace("}}", "},\"upgradeTimeOut\":600}");

        assertViolations(() -> strict.check(HttpRequests.create("o", "f", body)), new Violation("upgradeTimeOut",
                "is not a field of this object (unknown fields are rejected unless the mock runs lenient)"));
    }

    /** A field of the upgrade shape sent in a verification job is named as such, not as a typo. */
    @ParameterizedTest
    @ValueSource(strings = {"maximumConcurrency", "upgradePolicy", "enableUpgradeRequest"})
    void anUpgradeJobsFieldInAVerificationJobIsNotAllowedForAVerifyJob(String field) throws Exception {
        ObjectNode body = (ObjectNode) Json.mapper().readTree(VERIFY);
        body.set(field, field.equals("upgradePolicy") ? TextNode.valueOf("snapshot")
                : field.equals("enableUpgradeRequest") ? BooleanNode.TRUE : IntNode.valueOf(10));

        assertViolations(() -> strict.check(HttpRequests.create("o", "f", body.toString())), new Violation(field,
                "is not allowed for a verify job (only an upgrade job takes it)"));
    }

    @Test
    void anUnknownNestedFieldIsNamedWithItsPath() {
        String body = UPGRADE.replace("\"deviceKeys\"", "\"deviceKey\"");

        assertThat(violation(() -> strict.check(HttpRequests.create("o", "f", body))).violations())
                .singleElement().extracting(Violation::field).isEqualTo("upgradeScope.deviceKey");
    }

    @Test
    void unknownFieldNamesWithQuotesSlashesAndBracketsAreNamedWhole() {
        String body = UPGRADE.replace("}}", "},\"a\\\"b\":1,\"c/d~e\":2,\"x]\\\"y\":3}");

        assertThat(violation(() -> strict.check(HttpRequests.create("o", "f", body))).violations())
                .extracting(Violation::field).containsExactly("a\"b", "c/d~e", "x]\"y");
    }

    @Test
    void anUnknownFieldPassesWhenLenient() {
        String body = UPGRADE.replace("}}", "},\"upgradeTimeOut\":600}");

        assertThat(lenient.check(HttpRequests.create("o", "f", body)).body(UpgradeJobRequest.class)
                .getUpgradeTimeout()).as("the misspelt field is skipped, the spec's default applies")
                .isEqualTo(7200L);
    }

    @Test
    void lenientModeStillRejectsWhatBreaksARule() {
        String body = UPGRADE.replace("}}", "},\"foo\":1,\"upgradeTimeout\":1}");

        assertThat(violation(() -> lenient.check(HttpRequests.create("o", "f", body))).violations())
                .singleElement().extracting(Violation::field).isEqualTo("upgradeTimeout");
    }

    @Test
    void malformedJsonSaysWhere() {
        assertThat(violation(() -> strict.check(HttpRequests.create("o", "f", "{\"type\":"))).violations())
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("body");
                    assertThat(v.rule()).startsWith("is not well-formed JSON").contains("line 1, column 9");
                });
    }

    @Test
    void anEmptyBodyIsNamed() {
        assertViolations(() -> strict.check(HttpRequests.create("o", "f", "")),
                new Violation("body", "is mandatory but the request has none"));
    }

    @Test
    void anArrayBodyIsNamed() {
        assertThat(violation(() -> strict.check(HttpRequests.create("o", "f", "[1,2]"))).violations())
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("body");
                    assertThat(v.rule()).isEqualTo("must be an object, not an array");
                });
    }

    @Test
    void aWrongContentTypeIsNamed() {
        HttpRequest request = HttpRequests.withContentType(HttpRequests.create("o", "f", "type=upgrade"),
                "application/x-www-form-urlencoded");

        assertThat(violation(() -> strict.check(request)).violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("Content-Type");
            assertThat(v.rule()).isEqualTo("must be one of [application/json]");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json;", "application/json; charset=", "json"})
    void aContentTypeThatIsNoMediaTypeIsNamedThoughTheValidatorMightReadIt(String contentType) {
        HttpRequest request = HttpRequests.withContentType(HttpRequests.create("o", "f", VERIFY), contentType);

        assertViolations(() -> strict.check(request), new Violation("Content-Type", "is not a media type"));
    }

    @Test
    void anotherJsonMediaTypeIsAWrongContentType() {
        HttpRequest request = HttpRequests.withContentType(HttpRequests.create("o", "f", UPGRADE),
                "application/json-patch+json");

        assertThat(violation(() -> strict.check(request)).violations()).singleElement()
                .extracting(Violation::field).isEqualTo("Content-Type");
    }

    @Test
    void anUnknownActionIsNamedWithTheAllowedValue() {
        HttpRequest request = new HttpRequest("POST", HttpRequests.PATH,
                Map.of("action", List.of("crate"), "orgId", List.of("o"), "firmwareId", List.of("f")),
                HttpRequests.json(), UPGRADE);

        assertThat(violation(() -> strict.check(request)).violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("action");
            assertThat(v.rule()).isEqualTo("value 'crate' is not one of [create]");
        });
    }

    @Test
    void queryViolationsComeBeforeBodyViolations() {
        ContractViolation violation = violation(() -> strict.check(HttpRequests.create(null, "f", "[1]")));

        assertThat(violation.violations()).extracting(Violation::field).containsExactly("orgId", "body");
        assertThat(violation.getMessage()).isEqualTo("orgId: is mandatory but missing or blank; body: "
                + violation.violations().get(1).rule());
    }

    @Test
    void anUnknownPathIsAMissingOperation() {
        HttpRequest request = new HttpRequest("GET", "/connect-service/v2.1/nope", Map.of(), Map.of(), null);

        ContractViolation violation = violation(() -> strict.check(request));

        assertThat(violation.operationMissing()).isTrue();
        assertThat(violation.violations()).singleElement().extracting(Violation::field).isEqualTo("path");
    }

    @Test
    void anUnknownMethodIsAMissingOperation() {
        HttpRequest request = new HttpRequest("DELETE", HttpRequests.PATH, Map.of(), Map.of(), null);

        assertThat(violation(() -> strict.check(request)).operationMissing()).isTrue();
    }

    private static void assertViolations(ThrowingCallable call, Violation... expected) {
        assertThat(violation(call).violations()).containsExactly(expected);
    }

    private static ContractViolation violation(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ContractViolation.class);
        return (ContractViolation) thrown;
    }

    @Test
    void aRequestThatPassesHasNoViolation() {
        assertThatThrownBy(() -> violation(() -> strict.check(HttpRequests.create("o", "f", UPGRADE))))
                .isInstanceOf(AssertionError.class);
    }
}
