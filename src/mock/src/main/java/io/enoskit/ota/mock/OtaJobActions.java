package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.domain.OtaStore;

/**
 * Start, Stop and Delete OTA Job ({@code POST /connect-service/v2.1/ota-jobs?action=start|stop|delete&orgId&jobId},
 * the spec {@code ota-job-actions.yaml}), one {@link OperationHandler.Checked} each: spec check (99400), then the
 * store (24404, 24615, 24616, 24618), then {@code data: null}.
 */
final class OtaJobActions {
    private final OtaStore store;

    OtaJobActions(OtaStore store) {
        this.store = store;
    }

    Object start(ValidRequest call) {
        store.startJob(call.query("orgId"), call.query("jobId"));
        return null;
    }

    Object stop(ValidRequest call) {
        store.stopJob(call.query("orgId"), call.query("jobId"));
        return null;
    }

    Object delete(ValidRequest call) {
        store.deleteJob(call.query("orgId"), call.query("jobId"));
        return null;
    }
}
