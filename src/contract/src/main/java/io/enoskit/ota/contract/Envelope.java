package io.enoskit.ota.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.UUID;

/**
 * The EnOS response envelope, common to all EnOS APIs: {@code {"code": Integer, "msg": String,
 * "requestId": String, "data": Object|null}}. {@code data} is always written, as {@code null} on errors
 * (the vendor's error samples show {@code "data":null}).
 *
 * @param code      0 on success, else the error code
 * @param msg       "OK" on success, else the error text
 * @param requestId a new id per response: a UUID here; the mock writes it in the form its profile names
 *                  ({@code ids.requestId}) with {@link #withRequestId}
 * @param data      the operation's result, or null
 */
@JsonPropertyOrder({"code", "msg", "requestId", "data"})
public record Envelope(int code, String msg, String requestId,
                       @JsonInclude(JsonInclude.Include.ALWAYS) Object data) {

    /** Success: code 0, msg "OK", a fresh requestId. */
    public static Envelope ok(Object data) {
        return new Envelope(0, "OK", UUID.randomUUID().toString(), data);
    }

    /** An error with a fresh requestId and null data. */
    public static Envelope error(int code, String msg) {
        return new Envelope(code, msg, UUID.randomUUID().toString(), null);
    }

    /** The same envelope with another requestId (an answer's id in the form a behaviour profile names). */
    public Envelope withRequestId(String requestId) {
        return new Envelope(code, msg, requestId, data);
    }
}
