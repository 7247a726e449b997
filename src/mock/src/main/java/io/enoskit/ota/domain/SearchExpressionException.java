package io.enoskit.ota.domain;

/**
 * A search {@code expression} that cannot be used: bad syntax, a field or operator the search does not allow, or
 * input over the limits. The only exception {@link SearchExpression#parse} throws.
 *
 * <p>Message convention: the message says what is wrong first, in lower case, then where ("at position N", the
 * 1-based character position in the expression, when there is a place to point at), then a hint in parentheses
 * when one helps. It never names the request field itself: the caller adds it, so the mock answers 99400
 * {@code "Invalid Argument expression: " + getMessage()}. Examples:
 * <ul>
 *   <li>{@code unknown field 'stauts' at position 1 (fields: firmwareId, productKey, ...)}</li>
 *   <li>{@code the operator 'like' is not allowed on 'status' at position 8 (allowed: =, !=, in)}</li>
 *   <li>{@code a quote opened at position 12 is not closed}</li>
 *   <li>{@code expected a value after '=' at position 9, found the end of the expression}</li>
 * </ul>
 */
public final class SearchExpressionException extends IllegalArgumentException {
    private final int position;

    /**
     * @param message  what is wrong, per the convention above
     * @param position the 1-based character position it is about, or 0 when it is about the whole expression
     */
    public SearchExpressionException(String message, int position) {
        super(message);
        this.position = position;
    }

    /** The 1-based character position the message points at, or 0 when it is about the whole expression. */
    public int position() {
        return position;
    }
}
