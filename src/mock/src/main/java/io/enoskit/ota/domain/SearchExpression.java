package io.enoskit.ota.domain;

import io.enoskit.ota.domain.SearchFields.Field;
import io.enoskit.ota.domain.SearchFields.Kind;
import io.enoskit.ota.domain.SearchFields.Operator;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code expression} of the EnOS search APIs (Search OTA Job, Search OTA Task, Search Firmware File), parsed
 * once and then matched against any number of records. Immutable and thread-safe. The syntax (EnOS API FAQ "How to
 * use expression") is given at {@link #parse}, the matching rules, some of them inferred, at {@link #matches}.
 *
 * @see SearchExpressionException for the error messages
 */
public final class SearchExpression {
    /** The longest expression accepted, in characters (UTF-16 units, as {@link String#length()}). */
    public static final int MAX_LENGTH = 2000;
    /** The deepest nesting of parentheses accepted. */
    public static final int MAX_DEPTH = 20;
    private static final SearchExpression EVERYTHING = new SearchExpression(null);

    /** The parsed condition; null matches everything. */
    private final Condition condition;

    private SearchExpression(Condition condition) {
        this.condition = condition;
    }

    /**
     * Parses an expression for one search.
     *
     * <p>Syntax (EnOS API FAQ "How to use expression"; keywords in any case):
     * <pre>
     * expression := or                     a blank or null expression matches everything
     * or         := and ("or" and)*        "and" binds tighter than "or"
     * and        := term ("and" term)*
     * term       := "(" or ")" | condition  at most {@value #MAX_DEPTH} parentheses deep
     * condition  := field ("=" | "!=") value
     *             | field "in" "(" value ("," value)* ")"
     *             | i18nField ["." locale] "like" value
     * value      := 'text' | "text" | number | true | false
     * </pre>
     * A quote inside a text is written twice ({@code 'it''s'}); a backslash is an ordinary character. A number is
     * {@code -?digits[.digits]}. The fields and the operators each allows come from {@link SearchFields};
     * {@code exists(...)}, {@code not exists(...)} and {@code tags.k} conditions belong to the general language but
     * no OTA search supports them, so they are refused. An expression is at most {@value #MAX_LENGTH} characters.
     *
     * @param text    the request's {@code expression}; null or blank matches everything
     * @param allowed the fields and operators of the search
     * @return the parsed expression
     * @throws SearchExpressionException when the text is over {@value #MAX_LENGTH} characters, is not valid
     *                                   syntax, or names a field or operator the search does not allow
     */
    public static SearchExpression parse(String text, SearchFields<?> allowed) {
        Objects.requireNonNull(allowed, "the fields of the search are required");
        if (text == null) {
            return EVERYTHING;
        }
        if (text.length() > MAX_LENGTH) {
            throw new SearchExpressionException(
                    "too long: " + text.length() + " characters (at most " + MAX_LENGTH + ")", 0);
        }
        if (text.isBlank()) {
            return EVERYTHING;
        }
        return new SearchExpression(new SearchExpressionParser(text, allowed).parse());
    }

    /**
     * Whether a record satisfies the expression.
     *
     * <p>Matching:
     * <ul>
     *   <li>{@code =}, {@code in}: the record's value equals the value, or one of the values, exactly
     *       (case-sensitive text); {@code !=}: it does not. A record without the field (accessor gives null)
     *       matches no {@code =}/{@code in} and every {@code !=} (inferred; the pages do not say);</li>
     *   <li>a {@link Kind#BOOLEAN} field compares with {@code true}/{@code false}, quoted or not, in any case;
     *       a Number value compares numerically with a number ({@code 2 = 2.0});</li>
     *   <li>{@code like}: case-insensitive "contains", the text taken literally ({@code %} and {@code _} are not
     *       wildcards; inferred). {@code name like} looks at the default value and every locale's value;
     *       {@code name.en_US like} only at that locale's own entry (no fallback to the default value; inferred),
     *       {@code name.defaultValue like} only at the default value.</li>
     * </ul>
     *
     * @param fieldValues the record's value of a field, asked with the field's name as {@link SearchFields} gives
     *                    it, never with a locale suffix ({@code name}, not {@code name.en_US}); null when the
     *                    record has none. By {@link Kind}: TEXT a String (an enum or number also works: it is
     *                    compared by its {@code toString()}); BOOLEAN a Boolean; I18N a {@code Map<String, String>}
     *                    from locale ({@code en_US}, {@code zh_CN}, ...) to text, with the default value under the
     *                    key {@value SearchFields#DEFAULT} (see {@link #i18nView}), or a plain String, taken as the
     *                    default value alone
     * @return true when the record matches; always true for a blank expression
     */
    public boolean matches(Function<String, Object> fieldValues) {
        Objects.requireNonNull(fieldValues, "the record's field values are required");
        return condition == null || condition.test(fieldValues);
    }

    /** True for a blank or null expression, which matches every record. */
    public boolean matchesEverything() {
        return condition == null;
    }

    /**
     * The view of an internationalized name (StringI18n) that {@link #matches} expects for an I18N field.
     *
     * @param defaultValue the name's {@code defaultValue}, or null
     * @param i18nValue    the name's {@code i18nValue} (locale → text), or null
     * @return an unmodifiable map: {@value SearchFields#DEFAULT} → the default value, then each locale's text
     *         (null keys and values left out)
     */
    public static Map<String, String> i18nView(String defaultValue, Map<String, String> i18nValue) {
        Map<String, String> view = new LinkedHashMap<>();
        if (defaultValue != null) {
            view.put(SearchFields.DEFAULT, defaultValue);
        }
        if (i18nValue != null) {
            i18nValue.forEach((locale, text) -> {
                if (locale != null && text != null) {
                    view.putIfAbsent(locale, text);
                }
            });
        }
        return Collections.unmodifiableMap(view);
    }

    /**
     * The expression in a canonical form: keywords in lower case, texts single-quoted, every nested group in
     * parentheses, e.g. {@code status = 'started' or (type = 'verify' and firmwareId in ('a', 'b'))}; empty for a
     * blank expression.
     */
    @Override
    public String toString() {
        return condition == null ? "" : condition.render();
    }

    /** A node of the parsed expression. */
    sealed interface Condition permits AnyOf, AllOf, Compare, Like {
        boolean test(Function<String, Object> fieldValues);

        String render();

        /** As an operand of "and"/"or": groups in parentheses. */
        default String renderNested() {
            return this instanceof AnyOf || this instanceof AllOf ? "(" + render() + ")" : render();
        }
    }

    /** Conditions joined with "or" (at least two). */
    record AnyOf(List<Condition> parts) implements Condition {
        public boolean test(Function<String, Object> fieldValues) {
            return parts.stream().anyMatch(part -> part.test(fieldValues));
        }

        public String render() {
            return parts.stream().map(Condition::renderNested).collect(Collectors.joining(" or "));
        }
    }

    /** Conditions joined with "and" (at least two). */
    record AllOf(List<Condition> parts) implements Condition {
        public boolean test(Function<String, Object> fieldValues) {
            return parts.stream().allMatch(part -> part.test(fieldValues));
        }

        public String render() {
            return parts.stream().map(Condition::renderNested).collect(Collectors.joining(" and "));
        }
    }

    /** {@code field = value}, {@code field != value} or {@code field in (values)}. */
    record Compare(Field field, Operator operator, List<Literal> values) implements Condition {
        public boolean test(Function<String, Object> fieldValues) {
            Object actual = fieldValues.apply(field.name());
            boolean equal = values.stream().anyMatch(value -> equal(actual, value));
            return operator == Operator.NOT_EQUALS ? !equal : equal;
        }

        private boolean equal(Object actual, Literal value) {
            if (actual == null) {
                return false;
            }
            if (field.kind() == Kind.BOOLEAN || actual instanceof Boolean) {
                return actual.toString().equalsIgnoreCase(value.text());
            }
            if (actual instanceof Number number && value.type() == Literal.Type.NUMBER) {
                try {
                    return new BigDecimal(number.toString()).compareTo(new BigDecimal(value.text())) == 0;
                } catch (NumberFormatException notFinite) {
                    return false;
                }
            }
            return value.text().equals(actual.toString());
        }

        public String render() {
            String rendered = values.stream().map(Literal::render).collect(Collectors.joining(", "));
            return field.name() + " " + operator.symbol() + " "
                    + (operator == Operator.IN ? "(" + rendered + ")" : rendered);
        }
    }

    /**
     * {@code field like 'text'} on an I18N field.
     *
     * @param field     the field, e.g. {@code name}
     * @param suffix    as written after the dot ({@code en_US}), or null for the bare field
     * @param localeKey the key of the accessor's map to look at, or null for every key
     * @param text      the text to find
     */
    record Like(Field field, String suffix, String localeKey, String text) implements Condition {
        public boolean test(Function<String, Object> fieldValues) {
            Object actual = fieldValues.apply(field.name());
            if (actual instanceof Map<?, ?> locales) {
                return localeKey == null ? locales.values().stream().anyMatch(this::contains)
                        : contains(locales.get(localeKey));
            }
            return (localeKey == null || SearchFields.DEFAULT.equals(localeKey)) && contains(actual);
        }

        private boolean contains(Object value) {
            return value != null && value.toString().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
        }

        public String render() {
            return field.name() + (suffix == null ? "" : "." + suffix) + " like " + Literal.quote(text);
        }
    }

    /** A value as written: its text (unquoted) and what kind of value it was. */
    record Literal(String text, Type type) {
        enum Type { TEXT, NUMBER, BOOLEAN }

        String render() {
            return type == Type.TEXT ? quote(text) : text;
        }

        static String quote(String text) {
            return "'" + text.replace("'", "''") + "'";
        }
    }
}
