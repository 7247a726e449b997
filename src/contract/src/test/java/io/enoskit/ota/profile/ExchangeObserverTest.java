package io.enoskit.ota.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BooleanNode;
import io.enoskit.ota.contract.Operation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExchangeObserverTest {
    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
    private static final String UUID = "\"requestId\":\"5b2e6a1c-8d3f-4e2a-9c1b-7f6e5d4c3b2a\"";
    private final ExchangeObserver observer = new ExchangeObserver(Clock.fixed(NOW, ZoneOffset.UTC));

    private static ObservedExchange get(String jobId, int status, String answer) {
        return ObservedExchange.of("GET", Operation.JOBS + "?action=get&orgId=o1&jobId=" + jobId, null, status,
                answer);
    }

    private Map<String, String> values() {
        return observer.settings().stream().collect(Collectors.toMap(s -> s.setting().key(), ObservedSetting::text));
    }

    @Test
    void aBusinessErrorShowsItsHttpStatusAndTheRequestIdsForm() {
        observer.observe(get("nope", 400, "{\"code\":24404,\"msg\":\"Job not found\"," + UUID + ",\"data\":null}"));

        assertThat(values()).containsEntry("errors.httpStatus", "400").containsEntry("ids.requestId", "uuid")
                .doesNotContainKey("errors.invalidArgumentHttpStatus");
        assertThat(observer.settings().get(0).evidence()).containsExactly("GET " + Operation.JOBS
                + "?action=get&orgId=o1&jobId=nope -> HTTP 400 {\"code\":24404,\"msg\":\"Job not found\","
                + UUID + ",\"data\":null}");
    }

    @Test
    void conflictingStatusesAreKeptAndReportedTheMostFrequentWins() {
        observer.observe(get("a", 400, "{\"code\":24404,\"msg\":\"Job not found\"}"));
        observer.observe(get("b", 400, "{\"code\":24404,\"msg\":\"Job not found\"}"));
        observer.observe(get("c", 200, "{\"code\":24404,\"msg\":\"Job not found\"}"));

        ObservedSetting status = observer.settings().stream()
                .filter(s -> s.setting() == Setting.ERRORS_HTTP_STATUS).findFirst().orElseThrow();
        assertThat(status.text()).isEqualTo("400");
        assertThat(status.conflicts()).singleElement().asString()
                .startsWith("200 in 1 of 3 exchanges, e.g. GET " + Operation.JOBS + "?action=get&orgId=o1&jobId=c");
        assertThat(status.exchange()).contains("(and 1 more)").contains("conflicting: 200 in 1 of 3");
    }

    @Test
    void invalidArgumentCreatedJobIdAndNullFields() {
        observer.observe(ObservedExchange.of("POST", Operation.JOBS + "?action=create&orgId=o1&firmwareId=f1", "{}",
                422, "{\"code\":99400,\"msg\":\"Invalid Argument type: required\",\"requestId\":\"42\"}"));
        observer.observe(ObservedExchange.of("POST", Operation.JOBS + "?action=create&orgId=o1&firmwareId=f1",
                "{\"type\":\"upgrade\"}", 200, "{\"code\":0,\"msg\":\"OK\",\"data\":{\"jobId\":"
                        + "\"0123456789abcdef0123456789abcdef\"}}"));
        observer.observe(get("j1", 200, "{\"code\":0,\"data\":{\"jobId\":\"j1\",\"name\":null,"
                + "\"retryPolicy\":{\"retryCount\":null}}}"));

        assertThat(values()).containsEntry("errors.invalidArgumentHttpStatus", "422")
                .containsEntry("ids.requestId", "numeric").containsEntry("ids.jobId", "hex32")
                .containsEntry("answers.unsetFields", "null").containsEntry("methods.otherActions", "[POST]")
                .containsEntry("methods.get", "[GET, POST]");
    }

    @Test
    void aRecordWithoutOptionalFieldsAndNoNullShowsAbsent() {
        observer.observe(ObservedExchange.of("POST", Operation.JOBS + "?action=search&orgId=o1",
                "{\"pagination\":{\"pageNo\":1,\"pageSize\":5}}", 200, "{\"code\":0,\"data\":[{\"jobId\":\"j1\","
                        + "\"type\":\"upgrade\"}],\"pagination\":{\"totalSize\":1}}"));

        assertThat(values()).containsEntry("answers.unsetFields", "absent").doesNotContainKey("search.defaultPageSize");
    }

    @Test
    void aSearchWithoutPaginationShowsTheDefaultPageSizeAndTheOrderOfJobs() {
        observer.observe(ObservedExchange.of("POST", Operation.JOBS + "?action=search&orgId=o1", "{}", 200,
                "{\"code\":0,\"data\":[{\"jobId\":\"a\",\"createTime\":3},{\"jobId\":\"b\",\"createTime\":1}],"
                        + "\"pagination\":{\"totalSize\":9}}"));

        assertThat(values()).containsEntry("search.defaultPageSize", "2")
                .containsEntry("search.jobOrder", "createTime-desc");
    }

    @Test
    void methodsAreMergedWithTheDefaultAndMarkedPartlySeen() {
        observer.record(Setting.METHODS_GET, "POST", BooleanNode.FALSE, ObservedExchange.of("POST",
                Operation.JOBS + "?action=get&orgId=o1&jobId=x", "{}", 200, "{\"code\":99400}"));

        ObservedSetting methods = observer.settings().get(0);
        assertThat(methods.text()).isEqualTo("[GET]");
        assertThat(methods.partial()).isTrue();
        assertThat(methods.exchange()).startsWith("POST refused: POST ").contains("the rest of the value is the"
                + " default profile's");
    }

    @Test
    void aNoSuchOperationAnswerRefusesTheMethod() {
        observer.observe(ObservedExchange.of("POST", Operation.FIRMWARES + "?action=get&orgId=o1&firmwareId=f", "{}",
                404, "{\"code\":99404,\"msg\":\"No such operation: POST get\"}"));

        assertThat(values()).containsEntry("methods.getFirmware", "[GET]")
                .containsEntry("methods.refusal", "no-such-operation")
                .containsEntry("messages.99404", "No such operation: %s")
                .doesNotContainKey("errors.httpStatus");
    }

    @Test
    void anInvalidActionAnswerRefusesTheMethodAsAnInvalidArgument() {
        observer.observe(ObservedExchange.of("POST", Operation.JOBS + "?action=get&orgId=o1&jobId=x", "{}", 200,
                "{\"code\":99400,\"msg\":\"Invalid Argument action: value 'get' is not one of the actions of POST\"}"));

        assertThat(values()).containsEntry("methods.get", "[GET]").containsEntry("methods.refusal", "invalid-argument");
    }

    @Test
    void a99400OnTheBodyIsNoEvidenceOfTheMethods() {
        observer.observe(ObservedExchange.of("POST", Operation.JOBS + "?action=get&orgId=o1&jobId=x", "{}", 200,
                "{\"code\":99400,\"msg\":\"Invalid Argument name: is not a string\"}"));

        assertThat(values()).doesNotContainKeys("methods.get", "methods.refusal");
    }

    @Test
    void firmwareCheckedFirstMovesFirmwareBeforeRequestInTheDefaultOrder() {
        observer.record(Setting.CREATE_CHECK_ORDER, Evidence.FIRMWARE_BEFORE_REQUEST, BooleanNode.TRUE,
                ObservedExchange.of("POST", Operation.JOBS + "?action=create&orgId=o1&firmwareId=none", "{}", 200,
                        "{\"code\":24404}"));

        assertThat(values()).containsEntry("create.checkOrder",
                "[firmware, request, totalScope, verificationLimit, unverifiedFirmware]");
    }

    @Test
    void theVerificationLimitCountsOnlyForAFirmwareWithoutALimitOfItsOwn() {
        String create = Operation.JOBS + "?action=create&orgId=o1&firmwareId=";
        String tooMany = "{\"code\":24612,\"msg\":\"Exceeded max verification deviceKeys, max[7]\"}";
        observer.observe(ObservedExchange.of("POST", create + "own", "{}", 200, tooMany));
        observer.observe(ObservedExchange.of("GET", Operation.FIRMWARES + "?action=get&orgId=o1&firmwareId=own", null,
                200, "{\"code\":0,\"data\":{\"firmwareId\":\"own\",\"maxAllowedForVerification\":7}}"));
        assertThat(values()).doesNotContainKey("verification.defaultLimit");

        observer.observe(ObservedExchange.of("POST", create + "bare", "{}", 200, tooMany));
        observer.observe(ObservedExchange.of("GET", Operation.FIRMWARES + "?action=get&orgId=o1&firmwareId=bare", null,
                200, "{\"code\":0,\"data\":{\"firmwareId\":\"bare\",\"maxAllowedForVerification\":null}}"));
        assertThat(values()).containsEntry("verification.defaultLimit", "7");
    }

    @Test
    void idsOfNoKnownFormAreRemarkedNotWritten() {
        observer.observe(get("j", 200, "{\"code\":24404,\"requestId\":\"req-1\"}"));

        assertThat(values()).doesNotContainKey("ids.requestId");
        assertThat(observer.remarks()).containsExactly("requestId 'req-1' has none of the forms a profile names (uuid,"
                + " hex32, hex24, numeric), so ids.requestId is not written");
    }

    @Test
    void credentialsTokensAndSignaturesAreMasked() {
        ObservedExchange exchange = ObservedExchange.of("POST", "/apim-token-service/v2.0/token/get?accessToken=t0k&"
                + "sign=abc&orgId=o1", "{\"appKey\":\"k\",\"encryption\":\"e\",\"nested\":{\"secret\":\"s\"}}", 200,
                "{\"data\":{\"accessToken\":\"t0k\"}}");

        assertThat(exchange.describe()).isEqualTo("POST /apim-token-service/v2.0/token/get?accessToken=***&sign=***"
                + "&orgId=o1 {\"appKey\":\"***\",\"encryption\":\"***\",\"nested\":{\"secret\":\"***\"}} -> HTTP 200"
                + " {\"data\":{\"accessToken\":\"***\"}}");
    }

    @Test
    void theObservedLayerReadsBackWithOnlyTheSettingsSeen() {
        observer.observe(get("nope", 400, "{\"code\":24404,\"msg\":\"Job not found\"," + UUID + "}"));

        ProfileLayer layer = observer.layer("observed", "https://gw.example");
        ProfileLayer read = ProfileLayer.parse(layer.toYaml(), "observed.yaml");

        assertThat(read.settings().keySet()).containsExactly(Setting.ERRORS_HTTP_STATUS, Setting.METHODS_GET,
                Setting.REQUEST_ID_FORMAT);
        SettingSource source = read.settings().get(Setting.ERRORS_HTTP_STATUS).source();
        assertThat(source.kind()).isEqualTo(SettingSource.Kind.OBSERVED);
        assertThat(source.target()).isEqualTo("https://gw.example");
        assertThat(source.time()).isEqualTo(NOW);
        assertThat(source.exchange()).startsWith("GET " + Operation.JOBS + "?action=get");
        assertThat(BehaviourProfile.defaults().with(read).errorHttpStatus()).isEqualTo(400);
        assertThat(List.of(read.settings().get(Setting.METHODS_GET).text())).containsExactly("[GET, POST]");
    }
}
