package io.enoskit.ota.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The kit's wording of a broken JSON-schema keyword, from the keyword, the schema that holds it and the value found:
 * the rule half of a 99400 message ({@code upgradeTimeout: is above the maximum: 172800 (found: 172801)}). The
 * validator's own text is never used, so the messages stay the same whichever engine checks the schema.
 */
final class SchemaRules {
    private SchemaRules() {
    }

    /**
     * @param keyword the keyword that failed ({@code maximum}, {@code enum}, {@code type}, ...)
     * @param schema  the schema object holding the keyword (missing when the pointer led nowhere)
     * @param found   the value at the field (missing when there is none)
     * @return the rule, starting with a verb ("is above the maximum: 172800 (found: 172801)")
     */
    static String rule(String keyword, JsonNode schema, JsonNode found) {
        JsonNode bound = schema.path(keyword);
        return switch (keyword) {
            case "type" -> "must be " + typeName(bound.asText(), schema.path("nullable").asBoolean(false))
                    + ", not " + typeOf(found);
            case "enum" -> "value " + shown(found) + " is not one of " + listed(bound);
            case "minimum" -> (schema.path("exclusiveMinimum").asBoolean(false) ? "must be above " : "is below the "
                    + "minimum: ") + number(bound) + foundValue(found);
            case "maximum" -> (schema.path("exclusiveMaximum").asBoolean(false) ? "must be below " : "is above the "
                    + "maximum: ") + number(bound) + foundValue(found);
            case "minLength" -> "is shorter than the minimum length: " + bound.asText() + " (found: "
                    + length(found) + " characters)";
            case "maxLength" -> "is longer than the maximum length: " + bound.asText() + " (found: "
                    + length(found) + " characters)";
            case "pattern" -> "does not match the pattern " + bound.asText() + foundValue(found);
            case "minItems" -> "has fewer items than the minimum: " + bound.asText() + " (found: " + found.size()
                    + ")";
            case "maxItems" -> "has more items than the maximum: " + bound.asText() + " (found: " + found.size()
                    + ")";
            case "uniqueItems" -> "holds the same item more than once (its items must be unique)";
            case "format" -> "does not fit the format " + bound.asText() + foundValue(found);
            case "oneOf" -> "must match exactly one of the schemas this field allows (oneOf)";
            default -> "breaks the schema's rule " + keyword + (bound.isMissingNode() ? "" : ": " + bound);
        };
    }

    private static String typeName(String type, boolean nullable) {
        return article(type) + (nullable ? " or null" : "");
    }

    private static String typeOf(JsonNode value) {
        if (value.isMissingNode()) {
            return "absent";
        }
        return switch (value.getNodeType()) {
            case OBJECT, POJO -> "an object";
            case ARRAY -> "an array";
            case STRING, BINARY -> "a string";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case NUMBER -> value.isIntegralNumber() ? "an integer" : "a number";
            case MISSING -> "absent";
        };
    }

    private static String article(String type) {
        return switch (type) {
            case "integer", "object", "array" -> "an " + type;
            case "" -> "of another type";
            default -> "a " + type;
        };
    }

    /** A string in single quotes, anything else as JSON. */
    private static String shown(JsonNode value) {
        return value.isTextual() ? "'" + value.textValue() + "'" : value.toString();
    }

    private static String listed(JsonNode values) {
        List<String> shown = StreamSupport.stream(values.spliterator(), false)
                .map(value -> value.isTextual() ? value.textValue() : value.toString()).toList();
        return shown.toString();
    }

    /** A bound as written, without the exponent the serialised spec may give it ({@code 1.728E+5}). */
    private static String number(JsonNode bound) {
        if (!bound.isNumber()) {
            return bound.asText();
        }
        BigDecimal value = bound.decimalValue().stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }

    private static String foundValue(JsonNode found) {
        return found.isMissingNode() ? "" : " (found: " + (found.isTextual() ? found.textValue() : found.toString())
                + ")";
    }

    private static int length(JsonNode found) {
        return found.isTextual() ? found.textValue().codePointCount(0, found.textValue().length()) : 0;
    }
}
