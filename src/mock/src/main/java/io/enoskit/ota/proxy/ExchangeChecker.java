package io.enoskit.ota.proxy;

import java.util.Locale;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Level;
import com.atlassian.oai.validator.report.ValidationReport.Message;
import com.atlassian.oai.validator.report.ValidationReport.MessageContext;
import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.contract.AnswerLevels;
import io.enoskit.ota.contract.DocumentedErrorCode;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.OpenApiContract;
import io.enoskit.ota.contract.Operation;
import io.enoskit.ota.proxy.Finding.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Judges one exchange: the answer against its operation's spec document, with the levels {@code conform} uses
 * ({@link AnswerLevels}: an ERROR is a breach of a documented shape, a WARN what the pages leave open), and against
 * the documented rules one answer can show, under {@code conform}'s rule ids:
 * <ul>
 *   <li>ENV-REQUESTID: a non-empty {@code requestId}, not one an earlier answer carried (the last
 *       {@value #REMEMBERED_REQUEST_IDS} are remembered);</li>
 *   <li>ENV-SUCCESS: {@code code} 0 comes with {@code msg} "OK" and a {@code data} field;</li>
 *   <li>ENV-ERROR: another code comes with a {@code msg} and {@code data} null (absent is an observation);</li>
 *   <li>a code the operation documents comes with its documented message, under the rule the spec names for it
 *       ({@code x-enos-error-codes}, e.g. GET-24404); a message the pages do not fix (99400's) is an observation;</li>
 *   <li>a code another operation documents but this one does not is a finding at the operation's list of codes; a
 *       code no page documents is an observation there.</li>
 * </ul>
 * A shape breach on a field a rule already names, or inside it, is left out: each breach is reported once. Requests are not judged
 * (the client's, not the target's); a request naming no operation of the spec is not checked.
 */
final class ExchangeChecker {
    /** How many of the latest requestIds are compared with each new one. */
    static final int REMEMBERED_REQUEST_IDS = 10_000;
    private static final int SHOWN_CHARS = 200;
    private final Map<String, OpenApiInteractionValidator> validators = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> schemaTrees = new ConcurrentHashMap<>();
    private final Set<Integer> documentedCodes = Arrays.stream(Operation.values())
            .flatMap(operation -> operation.errorCodes().stream()).map(DocumentedErrorCode::code)
            .collect(Collectors.toUnmodifiableSet());
    private final Map<String, Boolean> recentRequestIds = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_REQUEST_IDS;
        }
    };

    /** The operation an exchange names (path, method and {@code action}), if any. */
    static Optional<Operation> operation(Exchange exchange) {
        String action = exchange.queryParameter("action");
        return Operation.of(exchange.method(), exchange.path(), action == null ? "" : action);
    }

    /** What the exchange shows: findings and observations, rule findings first; empty when all is as documented. */
    List<Finding> check(Operation operation, Exchange exchange) {
        JsonNode body = json(exchange.responseText());
        List<Finding> found = new ArrayList<>(ruleFindings(operation, body));
        Set<String> named = found.stream().map(Finding::field).collect(Collectors.toSet());
        ValidationReport report = validator(operation.document()).validate(request(exchange), response(exchange));
        for (Message message : report.getMessages()) {
            if (message.getLevel() != Level.ERROR && message.getLevel() != Level.WARN) {
                continue;
            }
            for (Finding shape : shapeFindings(operation, message, body)) {
                if (named.stream().noneMatch(field -> shape.field().equals(field)
                        || shape.field().startsWith(field + "."))) {
                    found.add(shape);
                }
            }
        }
        return found;
    }

    private List<Finding> ruleFindings(Operation operation, JsonNode body) {
        List<Finding> found = new ArrayList<>();
        if (body == null || !body.isObject() || !body.path("code").isIntegralNumber()) {
            return found; // not the envelope: the spec check says how the answer breaks its shape
        }
        JsonNode requestId = body.get("requestId");
        if (requestId == null || !requestId.isTextual() || requestId.asText().isBlank()) {
            found.add(rule("ENV-REQUESTID", operation, "requestId", "a requestId of its own, a non-empty string",
                    shown(requestId)));
        } else if (remembered(requestId.asText())) {
            found.add(rule("ENV-REQUESTID", operation, "requestId", "a requestId no earlier answer carried",
                    requestId.asText() + " (an earlier answer carried it)"));
        }
        int code = body.get("code").asInt();
        JsonNode msg = body.get("msg");
        if (code == 0) {
            if (msg == null || !"OK".equals(msg.asText(null))) {
                found.add(rule("ENV-SUCCESS", operation, "msg", "\"OK\" with code 0", shown(msg)));
            }
            if (!body.has("data")) {
                found.add(rule("ENV-SUCCESS", operation, "data", "the result in data", "no data field"));
            }
            return found;
        }
        if (msg == null || !msg.isTextual() || msg.asText().isBlank()) {
            found.add(rule("ENV-ERROR", operation, "msg", "a message with code " + code, shown(msg)));
        }
        if (!body.has("data")) {
            found.add(observation("ENV-ERROR", SpecLocation.ofRule("ENV-ERROR"), operation, "data",
                    "data null, as the vendor's samples show", "no data field"));
        } else if (!body.get("data").isNull()) {
            found.add(rule("ENV-ERROR", operation, "data", "null with code " + code, shown(body.get("data"))));
        }
        found.addAll(codeFindings(operation, code, msg));
        return found;
    }

    private List<Finding> codeFindings(Operation operation, int code, JsonNode msg) {
        List<DocumentedErrorCode> documented = operation.errorCodes();
        String listed = SpecLocation.file(operation.document()) + "#/paths/" + operation.path().replace("/", "~1")
                + "/" + operation.method().toLowerCase(Locale.ROOT) + "/x-enos-error-codes";
        SpecLocation where = SpecLocation.ofOperation(operation);
        Optional<DocumentedErrorCode> entry = documented.stream().filter(c -> c.code() == code).findFirst();
        String message = msg == null || msg.isNull() ? null : msg.asText();
        if (entry.isPresent()) {
            if (entry.get().matches(message)) {
                return List.of();
            }
            return List.of(entry.get().rule() != null
                    ? rule(entry.get().rule(), operation, "msg", "\"" + entry.get().msg() + "\" with code " + code,
                    shown(msg))
                    : observation(listed, where, operation, "msg", "\"" + entry.get().msg() + "\" with code " + code
                    + " (a format the pages do not fix)", shown(msg)));
        }
        String codes = documented.stream().map(c -> String.valueOf(c.code())).distinct()
                .collect(Collectors.joining(", "));
        if (documentedCodes.contains(code)) {
            return List.of(new Finding(Kind.FINDING, listed, where, operation.id(), "code",
                    "0 or a code " + operation.id() + " documents: " + codes,
                    code + " (documented for other operations), msg " + shown(msg)));
        }
        return List.of(observation(listed, where, operation, "code", "0 or a code " + operation.id() + " documents: "
                + codes, code + " (no page documents it), msg " + shown(msg)));
    }

    private synchronized boolean remembered(String requestId) {
        return recentRequestIds.put(requestId, Boolean.TRUE) != null;
    }

    /**
     * The findings of one validator message: one, or for a {@code required} message one per field missing (the
     * report names none: they are read from the schema's {@code required} and the answer's object, as the
     * contract's request reader does).
     */
    private List<Finding> shapeFindings(Operation operation, Message message, JsonNode body) {
        if (message.getKey().startsWith("validation.request")) {
            return List.of();
        }
        Finding finding = shapeFinding(operation, message, body);
        String schema = message.getContext().flatMap(MessageContext::getPointers)
                .map(MessageContext.Pointers::getSchema).orElse("");
        String instance = message.getContext().flatMap(MessageContext::getPointers)
                .map(MessageContext.Pointers::getInstance).orElse("").replaceFirst("^#", "");
        JsonNode object = body == null ? null : body.at(instance);
        if (object == null || !object.isObject()) {
            return List.of(finding);
        }
        List<Finding> named = new ArrayList<>();
        if (message.getKey().endsWith(".required") && schema.endsWith("/required")) {
            for (JsonNode name : schemaTree(operation.document()).at(schema.replaceFirst("^#", ""))) {
                if (!object.has(name.asText())) {
                    named.add(perField(finding, instance, name.asText(), "a field the spec requires", "absent"));
                }
            }
        } else if (message.getKey().endsWith(".additionalProperties") && schema.endsWith("/additionalProperties")) {
            String schemaObject = schema.replaceFirst("^#", "").replaceFirst("/additionalProperties$", "");
            JsonNode listed = schemaTree(operation.document()).at(schemaObject + "/properties");
            object.fieldNames().forEachRemaining(name -> {
                if (!listed.has(name)) {
                    named.add(perField(finding, instance, name, "only the fields the spec lists",
                            shown(object.get(name)) + " (a field the spec does not list)"));
                }
            });
        }
        return named.isEmpty() ? List.of(finding) : named;
    }

    private static Finding perField(Finding finding, String instance, String name, String expected, String actual) {
        return new Finding(finding.kind(), finding.id(), finding.location(), finding.operation(),
                dotted(instance + "/" + name.replace("~", "~0").replace("/", "~1")), expected, actual);
    }

    /** The spec document as the validator serialises it (swagger-core's mapper): where its schema pointers lead. */
    private JsonNode schemaTree(String document) {
        return schemaTrees.computeIfAbsent(document, key -> io.swagger.v3.core.util.Json.mapper()
                .valueToTree(OpenApiContract.load(document).openApi()));
    }

    private Finding shapeFinding(Operation operation, Message message, JsonNode body) {
        Optional<MessageContext.Pointers> pointers = message.getContext().flatMap(MessageContext::getPointers);
        String instance = pointers.map(MessageContext.Pointers::getInstance).orElse("");
        String schema = pointers.map(MessageContext.Pointers::getSchema).orElse("");
        String field = message.getKey().startsWith("validation.response.status") ? "status"
                : message.getKey().startsWith("validation.response.contentType") ? "Content-Type"
                : dotted(instance);
        String location = SpecLocation.file(operation.document()) + "#"
                + (schema.isEmpty() ? "/paths/" + operation.path().replace("/", "~1") + "/"
                + operation.method().toLowerCase(Locale.ROOT) + "/responses" : schema.replaceFirst("^#", ""));
        JsonNode value = body == null || instance.isEmpty() ? null : body.at(instance.replaceFirst("^#", ""));
        String actual = field.equals("status") || field.equals("Content-Type") ? message.getMessage()
                : value == null || value.isMissingNode() ? message.getMessage()
                : shown(value) + " (" + message.getMessage() + ")";
        return new Finding(message.getLevel() == Level.ERROR ? Kind.FINDING : Kind.OBSERVATION, location,
                SpecLocation.ofSchema(operation, schema), operation.id(), field, expected(message.getKey()), actual);
    }

    private static String expected(String key) {
        if (key.startsWith("validation.response.status")) {
            return "an HTTP status the spec lists";
        }
        if (key.endsWith("additionalProperties")) {
            return "only the fields the spec lists";
        }
        if (key.startsWith("validation.response.body.schema.")) {
            return "the documented shape (" + key.substring("validation.response.body.schema.".length()) + ")";
        }
        return "what the spec documents (" + key + ")";
    }

    private static String dotted(String pointer) {
        String path = pointer.replaceFirst("^#", "").replaceFirst("^/", "");
        return path.isEmpty() ? "body" : path.replace("/", ".").replace("~1", "/").replace("~0", "~");
    }

    private Finding rule(String id, Operation operation, String field, String expected, String actual) {
        return new Finding(Kind.FINDING, id, SpecLocation.ofRule(id), operation.id(), field, expected, actual);
    }

    private static Finding observation(String id, SpecLocation where, Operation operation, String field,
                                       String expected, String actual) {
        return new Finding(Kind.OBSERVATION, id, where, operation.id(), field, expected, actual);
    }

    private static String shown(JsonNode value) {
        if (value == null) {
            return "absent";
        }
        String text = value.toString();
        return text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS) + "..." : text;
    }

    private static JsonNode json(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (Exception notJson) {
            return null;
        }
    }

    private OpenApiInteractionValidator validator(String document) {
        return validators.computeIfAbsent(document,
                key -> OpenApiContract.load(document).validator(AnswerLevels.of(false)));
    }

    private static SimpleRequest request(Exchange exchange) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(exchange.method(), exchange.path());
        Queries.parse(exchange.rawQuery()).forEach(builder::withQueryParam);
        exchange.requestHeaders().forEach(builder::withHeader);
        return builder.build();
    }

    private static SimpleResponse response(Exchange exchange) {
        SimpleResponse.Builder builder = new SimpleResponse.Builder(exchange.status());
        exchange.responseHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Encoding")) {
                builder.withHeader(name, values);
            }
        });
        String text = exchange.responseText();
        if (text != null) {
            builder.withBody(text);
        } else if (exchange.responseBody() != null && exchange.responseBody().length > 0) {
            builder.withBody(exchange.responseBody());
        }
        return builder.build();
    }
}
