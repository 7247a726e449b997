package io.enoskit.ota.junit5;

/**
 * A request of the client under test that the contract refused, as {@link OtaMockExtension} reports it.
 *
 * @param method the HTTP method sent
 * @param url    path and query as sent
 * @param body   the body as sent, cut at {@value #MAX_BODY_CHARS} characters; empty when none
 * @param code   the envelope's code: 99400 (the request breaks the operation's spec) or 99404 (no operation has
 *               that path, method and action)
 * @param msg    the envelope's msg, naming each field and the rule it breaks ({@code Invalid Argument
 *               upgradeScope.type: ...})
 */
public record ContractRefusal(String method, String url, String body, int code, String msg) {
    /** The longest body kept, in characters: enough to see the field, short enough for a failure message. */
    public static final int MAX_BODY_CHARS = 500;

    /** {@code POST /path?query -> 99400 Invalid Argument field: rule}, then the body on a line of its own. */
    @Override
    public String toString() {
        return method + " " + url + " -> " + code + " " + msg + (body.isEmpty() ? "" : "\n    body: " + body);
    }
}
