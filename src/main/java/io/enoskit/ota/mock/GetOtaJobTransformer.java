package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.domain.OtaStore;

/**
 * Serves "Get OTA Job" ({@code GET /connect-service/v2.1/ota-jobs?action=get&orgId&jobId}): spec check
 * (99400), then the job of that org as JobInfo in {@code data}, or 24404 "Job not found".
 * Stub mappings name it as {@value #NAME}. Built by {@link OtaMockExtensions}; do not register it alone.
 */
public final class GetOtaJobTransformer implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "enos-get-ota-job";
    private final ContractCheck contract;
    private final OtaStore store;

    GetOtaJobTransformer(ContractCheck contract, OtaStore store) {
        this.contract = contract;
        this.store = store;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        return EnvelopeResponses.answer(() -> {
            ValidRequest call = contract.check(WireMockRequests.of(serveEvent.getRequest()));
            return store.getJob(call.query("orgId"), call.query("jobId"));
        });
    }
}
