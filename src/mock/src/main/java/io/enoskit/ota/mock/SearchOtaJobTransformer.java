package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.domain.Job;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.domain.Page;
import io.enoskit.ota.domain.SearchFields;
import java.util.function.Supplier;

/**
 * Serves "Search OTA Job" ({@code POST /connect-service/v2.1/ota-jobs?action=search&orgId}, the spec
 * {@code ota-job-search.yaml}): spec check and expression (99400), then a page of the org's matching jobs as
 * JobInfo, newest first, with {@code pagination} beside {@code data}. Stub mappings name it as {@value #NAME}.
 */
public final class SearchOtaJobTransformer extends OperationTransformer {
    public static final String NAME = "enos-search-ota-job";
    private final OtaStore store;

    SearchOtaJobTransformer(Supplier<ContractCheck> contract, OtaStore store, OperationContext context) {
        super(NAME, contract, context);
        this.store = store;
    }

    @Override
    Object serve(ValidRequest call) {
        SearchBody body = context().searchBody(call, SearchFields.JOBS);
        Page<Job> page = store.searchJobs(call.query("orgId"), body.expression(), body.pageNo(),
                body.pageSize());
        return EnvelopeResponses.paged(page, page.items().stream().map(Job::info).toList());
    }
}
