package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.model.CreateOtaJobRequest;
import io.enoskit.ota.model.JobCreateResult;

/**
 * Serves "V2.1 Create OTA Job" ({@code POST /connect-service/v2.1/ota-jobs?action=create&orgId&firmwareId}):
 * spec check (99400), then the store's rules (24404, 24611, 24612, 24610), then {@code data: {"jobId": String}}.
 * Stub mappings name it as {@value #NAME}. Built by {@link OtaMockExtensions}; do not register it alone.
 */
public final class CreateOtaJobTransformer implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "enos-create-ota-job";
    private final ContractCheck contract;
    private final OtaStore store;

    CreateOtaJobTransformer(ContractCheck contract, OtaStore store) {
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
            String jobId = store.createJob(call.query("orgId"), call.query("firmwareId"),
                    call.body(CreateOtaJobRequest.class));
            return new JobCreateResult().jobId(jobId);
        });
    }
}
