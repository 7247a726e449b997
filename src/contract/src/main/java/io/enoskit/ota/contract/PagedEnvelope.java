package io.enoskit.ota.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.enoskit.ota.model.PaginationInfo;
import java.util.List;
import java.util.UUID;

/**
 * The EnOS envelope of a search: {@code {"code": 0, "msg": "OK", "requestId": String, "data": [...],
 * "pagination": {"sortedBy": null, "pageNo": Integer, "pageSize": Integer, "totalSize": Long}}}, the pagination
 * beside {@code data} as the vendor's search samples show it. Errors use {@link Envelope}.
 *
 * @param code       0
 * @param msg        "OK"
 * @param requestId  a new id per response: a UUID here, another form with {@link #withRequestId}
 * @param data       the page's records
 * @param pagination the page answered ({@code sortedBy} null: the OTA searches take no sorters, documented)
 */
@JsonPropertyOrder({"code", "msg", "requestId", "data", "pagination"})
public record PagedEnvelope(int code, String msg, String requestId, List<?> data,
                            @JsonInclude(JsonInclude.Include.ALWAYS) PaginationInfo pagination) {

    /**
     * A search's answer.
     *
     * @param pageNo    the page answered, from 1
     * @param pageSize  records per page
     * @param totalSize records matching the search, on all pages
     * @param data      the page's records, converted for the answer
     */
    public static PagedEnvelope ok(int pageNo, int pageSize, long totalSize, List<?> data) {
        PaginationInfo pagination = new PaginationInfo().sortedBy(null).pageNo(pageNo).pageSize(pageSize)
                .totalSize(totalSize);
        return new PagedEnvelope(0, "OK", UUID.randomUUID().toString(), data, pagination);
    }

    /** The same answer with another requestId (an answer's id in the form a behaviour profile names). */
    public PagedEnvelope withRequestId(String requestId) {
        return new PagedEnvelope(code, msg, requestId, data, pagination);
    }
}
