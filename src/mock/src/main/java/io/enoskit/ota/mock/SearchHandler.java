package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.domain.Page;
import io.enoskit.ota.domain.SearchExpression;
import io.enoskit.ota.domain.SearchFields;
import java.util.function.Function;

/**
 * Serves one of the four searches (Search OTA Job, Search OTA Task, Search Firmware File, Search Device Upgrade;
 * {@code POST ...?action=<search>&orgId} with {@code {"expression", "pagination"}}): the spec check and the
 * expression read for the search's fields (99400 naming {@code expression}), then one page of the org's matching
 * records in the store's order, each answered as its spec type, with {@code pagination} beside {@code data}.
 *
 * @param <R> the store's record
 */
final class SearchHandler<R> implements OperationHandler.Checked {
    /** The store's search: the org's records matching the expression, one page of them. */
    @FunctionalInterface
    interface Search<R> {
        Page<R> find(String orgId, SearchExpression expression, int pageNo, int pageSize);
    }

    private final SearchFields<?> fields;
    private final Search<R> search;
    private final Function<R, ?> answer;
    private final OperationContext context;

    /**
     * @param fields  the fields its expression may name
     * @param search  the store's search
     * @param answer  a record as the answer's {@code data} holds it (the spec's type)
     */
    SearchHandler(SearchFields<?> fields, Search<R> search, Function<R, ?> answer, OperationContext context) {
        this.fields = fields;
        this.search = search;
        this.answer = answer;
        this.context = context;
    }

    @Override
    public Object serve(ValidRequest call) {
        SearchBody body = context.searchBody(call, fields);
        Page<R> page = search.find(call.query("orgId"), body.expression(), body.pageNo(), body.pageSize());
        return EnvelopeResponses.paged(page, page.items().stream().map(answer).toList());
    }
}
