package io.enoskit.ota.contract;

import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.report.ValidationReport.Level;
import com.atlassian.oai.validator.report.ValidationReport.Message;
import com.atlassian.oai.validator.report.ValidationReport.MessageContext;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a swagger-request-validator report as a list of {@link Violation}s, each naming one field and one rule.
 *
 * <p>How the report is read:
 * <ul>
 *   <li>Only ERROR messages count; levels come from the validator's {@code LevelResolver}, so a lenient mode
 *       is a level mapping, not a branch here.</li>
 *   <li>A body that is a {@code oneOf} with a discriminator yields a "discriminator" message holding the chosen
 *       branch's messages and a "oneOf" message holding every branch's: the "oneOf" one is dropped as noise.</li>
 *   <li>Messages with nested messages are replaced by their ERROR leaves; one whose leaves are all ignored (such
 *       as unknown fields in lenient mode) drops out, so the request passes.</li>
 *   <li>"required" and "additionalProperties" messages become one violation per named field.</li>
 * </ul>
 */
final class ReportReader {
    private static final String DISCRIMINATOR = "validation.request.body.schema.discriminator";
    private static final String ONE_OF = "validation.request.body.schema.oneOf";
    private static final String BODY_SCHEMA = "validation.request.body.schema.";
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern INVALID_DISCRIMINATOR =
            Pattern.compile("Discriminator field '([^']+)' value '([^']*)' is not the name");
    private static final Pattern OTHER_DISCRIMINATOR = Pattern.compile("Discriminator field '([^']+)' (.+)");
    private static final Pattern PATH_PREFIX = Pattern.compile("^\\[Path '[^']*'] ");

    private final Map<String, Set<String>> discriminatorValues;

    /** @param discriminatorValues for each discriminator property of the spec, the values it maps */
    ReportReader(Map<String, Set<String>> discriminatorValues) {
        this.discriminatorValues = Map.copyOf(discriminatorValues);
    }

    /** True when the report says the path or the method names no operation of the spec. */
    static boolean operationMissing(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == Level.ERROR)
                .anyMatch(m -> m.getKey().equals("validation.request.path.missing")
                        || m.getKey().equals("validation.request.operation.notAllowed"));
    }

    /**
     * The report's errors as violations without duplicates, query parameters first, then the rest in report order;
     * empty when the request passes.
     */
    List<Violation> violations(ValidationReport report) {
        List<Message> errors = report.getMessages().stream().filter(m -> m.getLevel() == Level.ERROR).toList();
        boolean discriminated = errors.stream().anyMatch(m -> m.getKey().equals(DISCRIMINATOR));
        Set<Violation> parameters = new LinkedHashSet<>();
        Set<Violation> others = new LinkedHashSet<>();
        boolean discriminatorSeen = false;
        for (Message message : errors) {
            if (discriminated && message.getKey().equals(ONE_OF)) {
                continue;
            }
            if (message.getKey().equals(DISCRIMINATOR) && message.getNestedMessages().isEmpty()) {
                if (discriminatorSeen) {
                    continue;
                }
                discriminatorSeen = true;
            }
            boolean parameter = message.getContext().flatMap(MessageContext::getParameter).isPresent();
            collectLeaves(message, parameter ? parameters : others);
        }
        List<Violation> ordered = new ArrayList<>(parameters);
        ordered.addAll(others);
        return ordered;
    }

    private void collectLeaves(Message message, Set<Violation> found) {
        if (message.getNestedMessages().isEmpty()) {
            if (message.getLevel() == Level.ERROR) {
                found.addAll(toViolations(message));
            }
            return;
        }
        message.getNestedMessages().forEach(nested -> collectLeaves(nested, found));
    }

    private List<Violation> toViolations(Message message) {
        String key = message.getKey();
        String text = PATH_PREFIX.matcher(message.getMessage()).replaceFirst("");
        Optional<MessageContext> context = message.getContext();
        Optional<String> parameter = context.flatMap(MessageContext::getParameter).map(Parameter::getName);
        if (parameter.isPresent()) {
            String rule = key.endsWith(".missing") ? "is mandatory but missing or blank" : text;
            return List.of(new Violation(parameter.get(), rule));
        }
        if (key.startsWith("validation.request.contentType")) {
            return List.of(new Violation("Content-Type", text));
        }
        if (key.equals("validation.request.body.missing")) {
            return List.of(new Violation("body", "is mandatory but the request has none"));
        }
        if (key.equals(DISCRIMINATOR)) {
            return List.of(discriminatorViolation(text));
        }
        if (key.startsWith(BODY_SCHEMA)) {
            String base = context.flatMap(MessageContext::getPointers)
                    .map(ValidationReport.MessageContext.Pointers::getInstance)
                    .map(ReportReader::dotted)
                    .orElse("");
            if (key.endsWith(".required")) {
                return perName(base, text, "is mandatory but missing");
            }
            if (key.endsWith(".additionalProperties")) {
                return perName(base, text,
                        "is not a field of this object (unknown fields are rejected unless the mock runs lenient)");
            }
            return List.of(new Violation(base.isEmpty() ? "body" : base, text));
        }
        if (key.startsWith("validation.request.path") || key.startsWith("validation.request.operation")) {
            return List.of(new Violation("path", text));
        }
        return List.of(new Violation("request", text));
    }

    /** The validator lists schema names beside the mapped values; say only what a client may send. */
    private Violation discriminatorViolation(String text) {
        Matcher invalid = INVALID_DISCRIMINATOR.matcher(text);
        if (invalid.find()) {
            return new Violation(invalid.group(1), "value '" + invalid.group(2) + "' is not one of "
                    + discriminatorValues.getOrDefault(invalid.group(1), Set.of()));
        }
        Matcher other = OTHER_DISCRIMINATOR.matcher(text);
        if (other.find()) {
            String rule = other.group(2).equals("is required") ? "is mandatory but missing" : other.group(2);
            return new Violation(other.group(1), rule);
        }
        return new Violation("body", text);
    }

    private static List<Violation> perName(String base, String text, String rule) {
        List<Violation> violations = new ArrayList<>();
        Matcher names = QUOTED.matcher(text.substring(Math.max(0, text.indexOf('['))));
        while (names.find()) {
            violations.add(new Violation(base.isEmpty() ? names.group(1) : base + "." + names.group(1), rule));
        }
        if (violations.isEmpty()) {
            violations.add(new Violation(base.isEmpty() ? "body" : base, text));
        }
        return violations;
    }

    /** {@code /upgradeScope/deviceKeys/0} becomes {@code upgradeScope.deviceKeys[0]}; the root becomes "". */
    private static String dotted(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String token : pointer.split("/")) {
            if (token.isEmpty()) {
                continue;
            }
            String name = token.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                path.append(path.length() == 0 ? "" : ".").append(name);
            }
        }
        return path.toString();
    }
}
