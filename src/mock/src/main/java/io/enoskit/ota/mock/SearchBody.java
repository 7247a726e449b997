package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.contract.Violation;
import io.enoskit.ota.domain.Page;
import io.enoskit.ota.domain.SearchExpression;
import io.enoskit.ota.domain.SearchExpressionException;
import io.enoskit.ota.domain.SearchFields;
import io.enoskit.ota.model.Pagination;
import io.enoskit.ota.model.SearchRequest;
import java.util.List;

/**
 * The body of a search ({@code {"expression": String, "pagination": {"pageNo", "pageSize"}}}, both optional) as the
 * search operations read it, after the spec check: the expression parsed for the search's fields, the page with its
 * defaults (page 1, documented; {@code search.defaultPageSize} records, 10 documented).
 *
 * @param expression what records must match
 * @param pageNo     the page, from 1
 * @param pageSize   records per page, 1 to {@value Page#MAX_PAGE_SIZE}
 */
record SearchBody(SearchExpression expression, int pageNo, int pageSize) {

    /**
     * Reads the search body of a call that passed the spec check (no body: every record, page 1 of the default size).
     *
     * @param fields the search's fields of the newest release; the request's release ({@link ValidRequest#release()})
     *               decides which of them it may name
     * @param defaultPageSize records per page when the body sends no {@code pagination.pageSize}
     * @throws ContractViolation 99400 on {@code expression} when it cannot be read, naming what and where (and, for
     *                           a field of a later release than the mock serves, the field and both releases)
     */
    static SearchBody read(ValidRequest call, SearchFields<?> fields, int defaultPageSize) {
        SearchRequest body = call.optionalBody(SearchRequest.class).orElseGet(SearchRequest::new);
        SearchExpression expression;
        try {
            expression = SearchExpression.parse(body.getExpression(), fields.in(call.release()));
        } catch (SearchExpressionException unreadable) {
            throw new ContractViolation(List.of(new Violation("expression", unreadable.getMessage())), false);
        }
        Pagination pagination = body.getPagination();
        int pageNo = pagination == null || pagination.getPageNo() == null ? 1 : pagination.getPageNo();
        int pageSize = pagination == null || pagination.getPageSize() == null ? defaultPageSize
                : pagination.getPageSize();
        return new SearchBody(expression, pageNo, pageSize);
    }
}
