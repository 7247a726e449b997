package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.model.TaskActionRequest;
import java.util.List;

/**
 * "Cancel OTA Task" and "Retry OTA Task" ({@code POST /connect-service/v2.1/ota-jobs?action=cancelTask|retryTask
 * &orgId&jobId} with {@code {"deviceKeys": [String, ...]}}, the spec {@code ota-task-actions.yaml}), one
 * {@link OperationHandler.Checked} each: spec check (99400), then the store (24404, 24617, 24620, 24621), then
 * {@code data: null}.
 */
final class OtaTaskActions {
    private final OtaStore store;

    OtaTaskActions(OtaStore store) {
        this.store = store;
    }

    Object cancel(ValidRequest call) {
        store.cancelTasks(call.query("orgId"), call.query("jobId"), deviceKeys(call));
        return null;
    }

    Object retry(ValidRequest call) {
        store.retryTasks(call.query("orgId"), call.query("jobId"), deviceKeys(call));
        return null;
    }

    private static List<String> deviceKeys(ValidRequest call) {
        return List.copyOf(call.body(TaskActionRequest.class).getDeviceKeys());
    }
}
