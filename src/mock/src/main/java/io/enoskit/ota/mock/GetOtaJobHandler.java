package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.domain.OtaStore;

/**
 * Serves "Get OTA Job" ({@code GET /connect-service/v2.1/ota-jobs?action=get&orgId&jobId}): spec check
 * (99400), then the job of that org as JobInfo in {@code data}, or 24404 "Job not found".
 */
final class GetOtaJobHandler implements OperationHandler.Checked {
    private final OtaStore store;

    GetOtaJobHandler(OtaStore store) {
        this.store = store;
    }

    @Override
    public Object serve(ValidRequest call) {
        return store.getJob(call.query("orgId"), call.query("jobId")).info();
    }
}
