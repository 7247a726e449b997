package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.domain.OtaStore;
import java.util.function.Supplier;

/**
 * Serves Start, Stop and Delete OTA Job ({@code POST /connect-service/v2.1/ota-jobs?action=start|stop|delete
 * &orgId&jobId}, the spec {@code ota-job-actions.yaml}): spec check (99400), then the store (24404, 24615, 24616,
 * 24618), then {@code data: null}. Stub mappings name it as {@value #NAME}. Built by {@link MockWiring}.
 */
public final class OtaJobActionTransformer extends OperationTransformer {
    public static final String NAME = "enos-ota-job-action";
    private final OtaStore store;

    OtaJobActionTransformer(Supplier<ContractCheck> contract, OtaStore store, OperationContext context) {
        super(NAME, contract, context);
        this.store = store;
    }

    @Override
    Object serve(ValidRequest call) {
        String orgId = call.query("orgId");
        String jobId = call.query("jobId");
        switch (call.query("action")) {
            case "start" -> store.startJob(orgId, jobId);
            case "stop" -> store.stopJob(orgId, jobId);
            case "delete" -> store.deleteJob(orgId, jobId);
            default -> throw new IllegalStateException("the spec let through action " + call.query("action"));
        }
        return null;
    }
}
