package io.enoskit.ota.mock;

import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.OpenApiContract;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.contract.SpecExchangeFilter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * rest-assured filters that fail a test on a spec breach of its exchanges, with the validator's report. The spec's
 * security (the gateway's access token) is the gateway's to check, not these filters': the tests call the mock
 * without gateway authentication unless they test it.
 */
final class FailOnSpecBreach {
    private static final OpenApiContract SPEC = OpenApiContract.load();

    /** Request and response must both fit the spec. */
    static final SpecExchangeFilter STRICT = new SpecExchangeFilter(SPEC.validator(levels(false)));

    /**
     * Named rule for requests the spec does not describe, sent on purpose (malformed input, unknown fields, the
     * numeric strings of the vendor's sample code): the request goes out unchecked, the response is still checked.
     */
    static final SpecExchangeFilter RESPONSE_ONLY = new SpecExchangeFilter(SPEC.validator(levels(true)));

    /** Request and response of Start, Stop and Delete OTA Job must both fit their spec. */
    static final SpecExchangeFilter ACTIONS = strict(OpenApiContract.ACTIONS_RESOURCE);

    private static final Map<String, SpecExchangeFilter> BY_DOCUMENT = new ConcurrentHashMap<>();

    /** Request and response of the operation must both fit its spec document (one filter per document, shared). */
    static SpecExchangeFilter strict(Operation operation) {
        return BY_DOCUMENT.computeIfAbsent(operation.document(), FailOnSpecBreach::strict);
    }

    /** The answer must fit the operation's document; the request is sent wrong on purpose. */
    static SpecExchangeFilter responseOnly(Operation operation) {
        return BY_DOCUMENT.computeIfAbsent(operation.document() + "#response-only", key ->
                new SpecExchangeFilter(OpenApiContract.load(operation.document()).validator(levels(true))));
    }

    private static SpecExchangeFilter strict(String document) {
        return new SpecExchangeFilter(OpenApiContract.load(document).validator(levels(false)));
    }

    private FailOnSpecBreach() {
    }

    private static LevelResolver levels(boolean responseOnly) {
        LevelResolver.Builder levels = LevelResolver.create()
                .withLevel(ContractCheck.GATEWAY_CREDENTIALS_KEY, ValidationReport.Level.IGNORE);
        if (responseOnly) {
            levels.withLevel("validation.request", ValidationReport.Level.IGNORE);
        }
        return levels.build();
    }
}
