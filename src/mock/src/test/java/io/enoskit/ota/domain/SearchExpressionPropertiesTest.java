package io.enoskit.ota.domain;

import static io.enoskit.ota.domain.SearchFields.FIRMWARE;
import static io.enoskit.ota.domain.SearchFields.JOBS;
import static io.enoskit.ota.domain.SearchFields.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * Properties of {@link SearchExpression}: any input is either parsed or refused with a
 * {@link SearchExpressionException}, quickly; and what is parsed means what the grammar says.
 */
class SearchExpressionPropertiesTest {
    /** Generous: a parse takes microseconds; this only catches a hang or a blow-up on a shared machine. */
    private static final long AT_MOST_NANOS = 1_000_000_000L;

    // ---- any input: parsed or refused with the documented exception, never slowly

    @Property(tries = 1000)
    void anyStringIsParsedOrRefused(@ForAll @StringLength(max = 2100) String text,
                                    @ForAll("searches") SearchFields<?> search) {
        parsedOrRefused(text, search);
    }

    @Property(tries = 1000)
    void anyStringOfTheLanguagesCharactersIsParsedOrRefused(@ForAll("languageCharacters") String text,
                                                           @ForAll("searches") SearchFields<?> search) {
        parsedOrRefused(text, search);
    }

    @Property(tries = 2000)
    void anySequenceOfTokensIsParsedOrRefused(@ForAll("tokenSoup") String text,
                                             @ForAll("searches") SearchFields<?> search) {
        parsedOrRefused(text, search);
    }

    @Property(tries = 300)
    void anyNestingIsParsedOrRefused(@ForAll("nesting") String text) {
        parsedOrRefused(text, TASKS);
    }

    private static void parsedOrRefused(String text, SearchFields<?> search) {
        long start = System.nanoTime();
        try {
            SearchExpression expression = SearchExpression.parse(text, search);
            expression.matches(SearchExpressionPropertiesTest::anyValue);
            expression.matches(field -> null);
        } catch (SearchExpressionException refused) {
            assertThat(refused.getMessage()).isNotBlank().doesNotStartWith("expression");
            assertThat(refused.position()).isBetween(0, text.length() + 1);
        }
        assertThat(System.nanoTime() - start).as("nanoseconds to parse and match").isLessThan(AT_MOST_NANOS);
    }

    private static Object anyValue(String field) {
        return switch (field) {
            case "name", "firmwareName" -> SearchExpression.i18nView("Inverter", Map.of("en_US", "x", "zh_CN", "y"));
            case "isVerified" -> true;
            default -> "a";
        };
    }

    @Provide
    Arbitrary<SearchFields<?>> searches() {
        return Arbitraries.of(JOBS, TASKS, FIRMWARE);
    }

    @Provide
    Arbitrary<String> languageCharacters() {
        return Arbitraries.strings().withChars("()',\"=!<>. \t-_09aAndoOrlikeinsttusamev").ofMaxLength(200);
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        Arbitrary<String> token = Arbitraries.of("status", "type", "desc", "name", "name.en_US", "name.ja_JP",
                "firmwareName.defaultValue", "isVerified", "productKey", "tags.k", "stauts", "=", "!=", "<>", ">",
                "==", "in", "IN", "like", "and", "AND", "or", "Or", "not", "exists", "(", ")", ",", "'a'", "'it''s'",
                "\"b\"", "''", "'", "\"", "1", "-2.5", "1.0.2", "true", "FALSE", "#", "\u0000");
        return Combinators.combine(token.list().ofMaxSize(60), Arbitraries.of(" ", "", "\n"))
                .as((tokens, separator) -> String.join(separator, tokens));
    }

    @Provide
    Arbitrary<String> nesting() {
        Arbitrary<Integer> count = Arbitraries.integers().between(0, 1000);
        return Combinators.combine(count, count, Arbitraries.of("status = 'a'", "", "status = 'a' or ("))
                .as((open, close, inside) -> "(".repeat(open) + inside + ")".repeat(close));
    }

    // ---- valid expressions: matching agrees with a direct evaluation of the same tree

    /** An expression as text, with the meaning it must have, and whether its top is an unparenthesised "or". */
    record Generated(String text, boolean topIsOr, Predicate<Map<String, Object>> meaning) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** Random trees, not jqwik's edge cases: their combinations alone would use up the tries. */
    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void matchingAgreesWithTheGrammar(@ForAll("expressions") Generated generated,
                                      @ForAll("jobs") Map<String, Object> job) {
        SearchExpression expression = SearchExpression.parse(generated.text(), JOBS);

        assertThat(expression.matches(job::get)).isEqualTo(generated.meaning().test(job));
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void theCanonicalFormMeansTheSame(@ForAll("expressions") Generated generated,
                                      @ForAll("jobs") Map<String, Object> job) {
        SearchExpression expression = SearchExpression.parse(generated.text(), JOBS);
        SearchExpression again = SearchExpression.parse(expression.toString(), JOBS);

        assertThat(again).hasToString(expression.toString());
        assertThat(again.matches(job::get)).isEqualTo(expression.matches(job::get));
    }

    @Provide
    Arbitrary<Generated> expressions() {
        return Arbitraries.recursive(this::conditions, this::joined, 0, 4);
    }

    private Arbitrary<Generated> joined(Arbitrary<Generated> operands) {
        return Combinators.combine(operands, operands, Arbitraries.of("and", "AND", "or", "Or"),
                Arbitraries.of(false, true)).as(SearchExpressionPropertiesTest::join);
    }

    /** "a and b" or "a or b"; an "or" operand of "and" goes in parentheses, as the grammar needs. */
    private static Generated join(Generated left, Generated right, String keyword, boolean parenthesised) {
        boolean or = keyword.equalsIgnoreCase("or");
        String text = operand(left, or) + " " + keyword + " " + operand(right, or);
        Predicate<Map<String, Object>> meaning = or ? left.meaning().or(right.meaning())
                : left.meaning().and(right.meaning());
        return parenthesised ? new Generated("(" + text + ")", false, meaning) : new Generated(text, or, meaning);
    }

    private static String operand(Generated operand, boolean inOr) {
        return operand.topIsOr() && !inOr ? "(" + operand.text() + ")" : operand.text();
    }

    private Arbitrary<Generated> conditions() {
        Arbitrary<String> statuses = Arbitraries.of("started", "stopped");
        Arbitrary<Generated> equals = Combinators.combine(statuses, Arbitraries.of("=", "!=")).as((status, op) ->
                new Generated("status " + op + " '" + status + "'", false,
                        job -> status.equals(job.get("status")) == op.equals("=")));
        Arbitrary<Generated> in = Arbitraries.subsetOf("verify", "upgrade", "other").ofMinSize(1).map(types ->
                new Generated("type in (" + types.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", "))
                        + ")", false, job -> types.contains((String) job.get("type"))));
        Arbitrary<Generated> like = Combinators.combine(Arbitraries.of("", ".en_US", ".zh_CN", ".defaultValue"),
                Arbitraries.of("inv", "NIGHT", "逆变", "gate", "zzz")).as((suffix, text) ->
                new Generated("name" + suffix + " like '" + text + "'", false, job -> like(job, suffix, text)));
        return Arbitraries.oneOf(equals, in, like);
    }

    /** The meaning of {@code like}, written out independently of the parser. */
    @SuppressWarnings("unchecked")
    private static boolean like(Map<String, Object> job, String suffix, String text) {
        Map<String, String> name = (Map<String, String>) job.get("name");
        Function<String, Boolean> contains = value ->
                value != null && value.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
        if (suffix.isEmpty()) {
            return name.values().stream().anyMatch(contains::apply);
        }
        return contains.apply(name.get(suffix.substring(1)));
    }

    @Provide
    Arbitrary<Map<String, Object>> jobs() {
        Arbitrary<String> status = Arbitraries.of("started", "stopped").injectNull(0.2);
        Arbitrary<String> type = Arbitraries.of("verify", "upgrade");
        Arbitrary<Set<String>> locales = Arbitraries.subsetOf("en_US", "zh_CN", "ja_JP");
        Arbitrary<String> defaultName = Arbitraries.of("Inverter A", "Gateway", "night shift");
        return Combinators.combine(status, type, locales, defaultName).as((s, t, present, d) -> {
            Map<String, Object> job = new HashMap<>();
            job.put("status", s);
            job.put("type", t);
            Map<String, String> i18n = new LinkedHashMap<>();
            Map<String, String> texts = Map.of("en_US", "Night batch", "zh_CN", "逆变器升级", "ja_JP", "ゲートウェイ gate");
            List.copyOf(present).forEach(locale -> i18n.put(locale, texts.get(locale)));
            job.put("name", SearchExpression.i18nView(d, i18n));
            return job;
        });
    }
}
