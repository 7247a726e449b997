package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.domain.Page;
import io.enoskit.ota.domain.SearchFields;
import io.enoskit.ota.model.TaskInfo;
import java.util.function.Supplier;

/**
 * Serves "Search OTA Task" ({@code POST /connect-service/v2.1/ota-jobs?action=searchTask&orgId}, the spec
 * {@code ota-task-search.yaml}): spec check and expression (99400), then a page of the org's matching device tasks
 * as TaskInfo, brought up to the simulation clock, with {@code pagination} beside {@code data}.
 * Stub mappings name it as {@value #NAME}.
 */
public final class SearchOtaTaskTransformer extends OperationTransformer {
    public static final String NAME = "enos-search-ota-task";
    private final OtaStore store;

    SearchOtaTaskTransformer(Supplier<ContractCheck> contract, OtaStore store, OperationContext context) {
        super(NAME, contract, context);
        this.store = store;
    }

    @Override
    Object serve(ValidRequest call) {
        SearchBody body = context().searchBody(call, SearchFields.TASKS);
        Page<TaskInfo> page = store.searchTasks(call.query("orgId"), body.expression(), body.pageNo(),
                body.pageSize());
        return EnvelopeResponses.paged(page, page.items());
    }
}
