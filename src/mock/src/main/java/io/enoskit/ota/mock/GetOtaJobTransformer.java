package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.domain.OtaStore;
import java.util.function.Supplier;

/**
 * Serves "Get OTA Job" ({@code GET /connect-service/v2.1/ota-jobs?action=get&orgId&jobId}): spec check
 * (99400), then the job of that org as JobInfo in {@code data}, or 24404 "Job not found".
 * Stub mappings name it as {@value #NAME}. Built by {@link MockWiring}; do not register it alone.
 */
public final class GetOtaJobTransformer extends OperationTransformer {
    public static final String NAME = "enos-get-ota-job";
    private final OtaStore store;

    GetOtaJobTransformer(Supplier<ContractCheck> contract, OtaStore store, OperationContext context) {
        super(NAME, contract, context);
        this.store = store;
    }

    @Override
    Object serve(ValidRequest call) {
        return store.getJob(call.query("orgId"), call.query("jobId")).info();
    }
}
