package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.domain.Job;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.domain.Page;
import io.enoskit.ota.domain.SearchFields;

/**
 * Serves "Search OTA Job" ({@code POST /connect-service/v2.1/ota-jobs?action=search&orgId}, the spec
 * {@code ota-job-search.yaml}): spec check and expression (99400), then a page of the org's matching jobs as
 * JobInfo, newest first, with {@code pagination} beside {@code data}.
 */
final class SearchOtaJobHandler implements OperationHandler.Checked {
    private final OtaStore store;
    private final OperationContext context;

    SearchOtaJobHandler(OtaStore store, OperationContext context) {
        this.store = store;
        this.context = context;
    }

    @Override
    public Object serve(ValidRequest call) {
        SearchRequests search = context.search(call, SearchFields.JOBS);
        Page<Job> page = store.searchJobs(call.query("orgId"), search.expression(), search.pageNo(),
                search.pageSize());
        return EnvelopeResponses.paged(page, page.items().stream().map(Job::info).toList());
    }
}
