package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.model.TaskActionRequest;
import java.util.List;
import java.util.function.Supplier;

/**
 * Serves "Cancel OTA Task" and "Retry OTA Task" ({@code POST /connect-service/v2.1/ota-jobs?action=cancelTask|
 * retryTask&orgId&jobId} with {@code {"deviceKeys": [String, ...]}}, the spec {@code ota-task-actions.yaml}): spec
 * check (99400), then the store (24404, 24617, 24620, 24621), then {@code data: null}.
 * Stub mappings name it as {@value #NAME}.
 */
public final class OtaTaskActionTransformer extends OperationTransformer {
    public static final String NAME = "enos-ota-task-action";
    private final OtaStore store;

    OtaTaskActionTransformer(Supplier<ContractCheck> contract, OtaStore store, OperationContext context) {
        super(NAME, contract, context);
        this.store = store;
    }

    @Override
    Object serve(ValidRequest call) {
        String orgId = call.query("orgId");
        String jobId = call.query("jobId");
        List<String> deviceKeys = List.copyOf(call.body(TaskActionRequest.class).getDeviceKeys());
        switch (call.query("action")) {
            case "cancelTask" -> store.cancelTasks(orgId, jobId, deviceKeys);
            case "retryTask" -> store.retryTasks(orgId, jobId, deviceKeys);
            default -> throw new IllegalStateException("the spec let through action " + call.query("action"));
        }
        return null;
    }
}
