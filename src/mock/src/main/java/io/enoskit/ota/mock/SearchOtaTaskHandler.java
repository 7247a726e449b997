package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.domain.Page;
import io.enoskit.ota.domain.SearchFields;
import io.enoskit.ota.model.TaskInfo;

/**
 * Serves "Search OTA Task" ({@code POST /connect-service/v2.1/ota-jobs?action=searchTask&orgId}, the spec
 * {@code ota-task-search.yaml}): spec check and expression (99400), then a page of the org's matching device tasks
 * as TaskInfo, brought up to the simulation clock, with {@code pagination} beside {@code data}.
 */
final class SearchOtaTaskHandler implements OperationHandler.Checked {
    private final OtaStore store;
    private final OperationContext context;

    SearchOtaTaskHandler(OtaStore store, OperationContext context) {
        this.store = store;
        this.context = context;
    }

    @Override
    public Object serve(ValidRequest call) {
        SearchRequests search = context.search(call, SearchFields.TASKS);
        Page<TaskInfo> page = store.searchTasks(call.query("orgId"), search.expression(), search.pageNo(),
                search.pageSize());
        return EnvelopeResponses.paged(page, page.items());
    }
}
