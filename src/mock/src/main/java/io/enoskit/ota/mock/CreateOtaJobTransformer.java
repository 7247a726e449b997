package io.enoskit.ota.mock;

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
public final class CreateOtaJobTransformer extends OperationTransformer {
    public static final String NAME = "enos-create-ota-job";
    private final OtaStore store;

    CreateOtaJobTransformer(java.util.function.Supplier<ContractCheck> contract, OtaStore store, FaultPlan faults) {
        super(NAME, contract, faults);
        this.store = store;
    }

    @Override
    Object serve(ValidRequest call) {
        String jobId = store.createJob(call.query("orgId"), call.query("firmwareId"),
                call.body(CreateOtaJobRequest.class));
        return new JobCreateResult().jobId(jobId);
    }
}
