package io.enoskit.ota.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.Violation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last API exchanges the mock answered, for the console's request log ({@code GET /__admin/ota/exchanges}): what
 * the client under test sent and the envelope it got, with the fields a 99400 names. It works with WireMock's request
 * journal off (the default) and keeps its memory bounded: at most {@link #CAPACITY} exchanges, the oldest dropped
 * first, each body cut at {@link #MAX_BODY_CHARS} characters. No header is kept, so no access token or signature;
 * credentials inside bodies (the token service's {@code encryption}, the token it issues) are masked. Thread-safe: one
 * lock around the queue, held only to number and queue an exchange (the bodies are read before, so that concurrent
 * requests do not wait on each other's JSON).
 */
final class ExchangeLog {
    /** The most exchanges kept, a count. */
    static final int CAPACITY = 200;
    /** The longest body kept, in characters; the rest is dropped and the cut marked. */
    static final int MAX_BODY_CHARS = 4096;
    /** Body fields that carry a credential (Get Access Token's request and answer). */
    private static final Set<String> CREDENTIAL_FIELDS = Set.of("encryption", "accessToken", "appSecret");
    /** One {@code field: rule} of a 99400 message, as {@link Violation} writes it. */
    private static final Pattern INVALID_FIELD = Pattern.compile("(?:^Invalid Argument |; )([^\\s:;]+): ");
    private final Deque<LoggedExchange> recent = new ArrayDeque<>();
    private long sequence;

    /**
     * One exchange, as the console shows it.
     *
     * @param seq          its number since the start, from 1; the console asks for those after the last it has
     * @param time         when it was answered, milliseconds since the epoch (wall clock, not the simulation's)
     * @param method       the HTTP method
     * @param url          path and query as sent
     * @param requestBody  the body as sent, masked and cut, or "" when none or refused unread (413, 415, 408...)
     * @param status       the HTTP status answered, 0 when the connection was dropped on purpose (a fault)
     * @param code         the envelope's {@code code}, or null when the answer is no envelope
     * @param msg          the envelope's {@code msg}, or null
     * @param fields       the fields a 99400 names, in its order; empty otherwise
     * @param responseBody the answer's body, masked and cut
     * @param fault        the WireMock fault it was answered with ({@code CONNECTION_RESET_BY_PEER}...), or null
     */
    record LoggedExchange(long seq, long time, String method, String url, String requestBody, int status,
                          Integer code, String msg, List<String> fields, String responseBody, String fault) {
    }

    /** Records an exchange, dropping the oldest when {@link #CAPACITY} are kept. */
    void add(long time, String method, String url, String requestBody, int status, String responseBody,
             String fault) {
        // the answer is read once, for its envelope and for the credentials it may carry
        JsonNode answer = parsed(responseBody);
        JsonNode envelope = answer != null && answer.isObject() && answer.path("code").isIntegralNumber() ? answer : null;
        Integer code = envelope == null ? null : envelope.get("code").asInt();
        String msg = envelope == null || !envelope.hasNonNull("msg") ? null : envelope.get("msg").asText();
        List<String> fields = code != null && code == 99400 && msg != null ? invalidFields(msg) : List.of();
        String answerShown = shown(responseBody, answer);
        String requestShown = shown(requestBody, mayHoldCredential(requestBody) ? parsed(requestBody) : null);
        synchronized (this) {
            recent.addLast(new LoggedExchange(++sequence, time, method, url, requestShown, status, code, msg,
                    fields, answerShown, fault));
            while (recent.size() > CAPACITY) {
                recent.removeFirst();
            }
        }
    }

    /** The exchanges kept whose number is above {@code after}, oldest first (0 for all). */
    synchronized List<LoggedExchange> after(long after) {
        return recent.stream().filter(exchange -> exchange.seq() > after).toList();
    }

    /** Forgets every exchange (the numbers go on counting, so a console never takes an old one for new). */
    synchronized void clear() {
        recent.clear();
    }

    /** The fields named by a 99400 message {@code Invalid Argument field: rule; field: rule}. */
    static List<String> invalidFields(String msg) {
        List<String> fields = new ArrayList<>();
        Matcher field = INVALID_FIELD.matcher(msg);
        while (field.find()) {
            fields.add(field.group(1));
        }
        return List.copyOf(fields);
    }

    /**
     * Whether a request body may name a credential field: it holds one of their names, or a backslash-u escape
     * (JSON lets a name be spelt with escapes). Most API calls hold neither and are not parsed at all.
     */
    static boolean mayHoldCredential(String body) {
        if (body == null || body.isEmpty()) {
            return false;
        }
        return body.contains("\\u") || CREDENTIAL_FIELDS.stream().anyMatch(body::contains);
    }

    /**
     * The body with credential fields masked when it is JSON, cut at {@link #MAX_BODY_CHARS}.
     *
     * @param node the body parsed, or null when it is no JSON or need not be masked
     */
    private static String shown(String body, JsonNode node) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        String text = body;
        if (node != null && node.isContainerNode() && maskCredentials(node)) {
            text = Json.write(node);
        }
        return text.length() <= MAX_BODY_CHARS ? text
                : text.substring(0, MAX_BODY_CHARS) + " ... (" + (text.length() - MAX_BODY_CHARS) + " more characters)";
    }

    /** Masks every credential field, at any depth; true when one was found. */
    private static boolean maskCredentials(JsonNode node) {
        boolean masked = false;
        if (node instanceof ObjectNode object) {
            for (String name : CREDENTIAL_FIELDS) {
                if (object.get(name) != null && object.get(name).isValueNode() && !object.get(name).isNull()) {
                    object.put(name, GatewayFilter.mask(object.get(name).asText()));
                    masked = true;
                }
            }
        }
        for (JsonNode child : node) {
            masked |= maskCredentials(child);
        }
        return masked;
    }

    private static JsonNode parsed(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(body);
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}
