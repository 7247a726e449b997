package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.HttpRequest;
import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.domain.CreateRequest;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.model.CreateOtaJobRequest;
import io.enoskit.ota.model.JobCreateResult;
import java.util.List;

/**
 * Serves "V2.1 Create OTA Job" ({@code POST /connect-service/v2.1/ota-jobs?action=create&orgId&firmwareId}): the
 * spec check (99400) and the store's rules (24404, 24611, 24612, 24610) in the order of the behaviour profile's
 * {@code create.checkOrder} (the spec check first by default), then {@code data: {"jobId": String}}.
 */
final class CreateOtaJobHandler implements OperationHandler {
    private final OtaStore store;

    CreateOtaJobHandler(OtaStore store) {
        this.store = store;
    }

    /** The spec check's verdict is kept for the {@code request} step, so the store may look the firmware up first. */
    @Override
    public Object respond(OperationCall call) {
        CreateRequest request;
        try {
            ValidRequest valid = call.check();
            request = CreateRequest.valid(valid.body(CreateOtaJobRequest.class));
        } catch (ContractViolation refused) {
            request = CreateRequest.refused(refused);
        }
        HttpRequest documented = call.documented();
        String jobId = store.createJob(first(documented, "orgId"), first(documented, "firmwareId"), request);
        return new JobCreateResult().jobId(jobId);
    }

    private static String first(HttpRequest request, String parameter) {
        List<String> values = request.query().get(parameter);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
