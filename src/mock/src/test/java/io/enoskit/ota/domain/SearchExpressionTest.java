package io.enoskit.ota.domain;

import static io.enoskit.ota.domain.SearchFields.FIRMWARE;
import static io.enoskit.ota.domain.SearchFields.JOBS;
import static io.enoskit.ota.domain.SearchFields.TASKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchExpressionTest {

    /** A record as the accessor sees it; null values allowed (Map.of refuses them). */
    private static Map<String, Object> record(Object... fieldsAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            values.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return values;
    }

    private static boolean matches(String expression, SearchFields<?> fields, Map<String, Object> record) {
        return SearchExpression.parse(expression, fields).matches(record::get);
    }

    private static final Map<String, Object> STARTED_UPGRADE = record("status", "started", "type", "upgrade",
            "firmwareId", "fw1", "productKey", "pk1", "firmwareVersion", "1.0",
            "name", SearchExpression.i18nView("Inverter upgrade", Map.of("zh_CN", "逆变器升级", "en_US", "Night batch")),
            "firmwareName", SearchExpression.i18nView("Main firmware", Map.of()));

    @Nested
    class BlankExpressions {
        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", " ", "\t\n  "})
        void matchEverything(String blank) {
            SearchExpression expression = SearchExpression.parse(blank, JOBS);

            assertThat(expression.matchesEverything()).isTrue();
            assertThat(expression.matches(field -> null)).isTrue();
            assertThat(expression).hasToString("");
        }

        @Test
        void theFieldsOfTheSearchAreRequired() {
            assertThatNullPointerException().isThrownBy(() -> SearchExpression.parse("status = 'a'", null));
        }
    }

    @Nested
    class Operators {
        @Test
        void equalsComparesTextExactly() {
            assertThat(matches("status = 'started'", JOBS, STARTED_UPGRADE)).isTrue();
            assertThat(matches("status = 'stopped'", JOBS, STARTED_UPGRADE)).isFalse();
            assertThat(matches("status = 'Started'", JOBS, STARTED_UPGRADE)).as("case-sensitive").isFalse();
            assertThat(matches("status = 'start'", JOBS, STARTED_UPGRADE)).as("whole value").isFalse();
        }

        @Test
        void notEqualsIsTheOpposite() {
            assertThat(matches("status != 'stopped'", JOBS, STARTED_UPGRADE)).isTrue();
            assertThat(matches("status != 'started'", JOBS, STARTED_UPGRADE)).isFalse();
        }

        @Test
        void inMatchesAnyValueOfTheList() {
            assertThat(matches("status in ('stopped', 'started')", JOBS, STARTED_UPGRADE)).isTrue();
            assertThat(matches("status in ('started')", JOBS, STARTED_UPGRADE)).isTrue();
            assertThat(matches("status in ('stopped', 'init')", JOBS, STARTED_UPGRADE)).isFalse();
        }

        @Test
        void everySearchTakesEqualsNotEqualsAndInOnItsTextFields() {
            Map<String, Object> task = record("jobId", "j1", "deviceKey", "d1", "fromVersion", "1.0",
                    "toVersion", "2.0", "status", "failed", "desc", "Cancelled by user");

            assertThat(matches("jobId = 'j1' and deviceKey in ('d0', 'd1') and fromVersion != '2.0'"
                    + " and toVersion = '2.0' and status in ('failed') and desc = 'Cancelled by user'", TASKS, task))
                    .isTrue();
            assertThat(matches("firmwareId = 'fw1' and productKey in ('pk1') and firmwareVersion != '2.0'"
                    + " and type = 'upgrade' and status in ('started', 'stopped')", JOBS, STARTED_UPGRADE)).isTrue();
            assertThat(matches("productKey in ('pk1', 'pk2') and productKey != 'pk3'", FIRMWARE,
                    record("productKey", "pk1"))).isTrue();
        }

        @Test
        void unquotedNumbersCompareAsTheirTextWithTextFields() {
            Map<String, Object> task = record("fromVersion", "2", "toVersion", "1.0");

            assertThat(matches("fromVersion = 2", TASKS, task)).isTrue();
            assertThat(matches("toVersion = 1.0", TASKS, task)).isTrue();
            assertThat(matches("toVersion = 1", TASKS, task)).as("text, not a number").isFalse();
            assertThat(matches("fromVersion in (1, 2, -3)", TASKS, task)).isTrue();
        }

        @Test
        void numberValuesOfTheAccessorCompareNumerically() {
            assertThat(matches("status = 2", TASKS, record("status", 2))).isTrue();
            assertThat(matches("status = 2.0", TASKS, record("status", 2L))).isTrue();
            assertThat(matches("status = -2.5", TASKS, record("status", -2.5d))).isTrue();
            assertThat(matches("status != 3", TASKS, record("status", 2))).isTrue();
            assertThat(matches("status = 2", TASKS, record("status", Double.NaN))).isFalse();
            assertThat(matches("status = '2'", TASKS, record("status", 2))).as("quoted: compared as text").isTrue();
        }

        @Test
        void otherValuesOfTheAccessorCompareByTheirText() {
            assertThat(matches("status = 'started'", JOBS, record("status", Status.STARTED))).isTrue();
            assertThat(matches("status in ('stopped')", JOBS, record("status", Status.STARTED))).isFalse();
        }

        @Test
        void booleansCompareWithTrueOrFalseQuotedOrNotInAnyCase() {
            Map<String, Object> verified = record("isVerified", true);
            Map<String, Object> unverified = record("isVerified", false);

            assertThat(matches("isVerified = true", FIRMWARE, verified)).isTrue();
            assertThat(matches("isVerified = 'true'", FIRMWARE, verified)).isTrue();
            assertThat(matches("isVerified = TRUE", FIRMWARE, verified)).isTrue();
            assertThat(matches("isVerified = \"True\"", FIRMWARE, verified)).isTrue();
            assertThat(matches("isVerified = false", FIRMWARE, verified)).isFalse();
            assertThat(matches("isVerified = 'FALSE'", FIRMWARE, unverified)).isTrue();
            assertThat(matches("isVerified != true", FIRMWARE, unverified)).isTrue();
            assertThat(matches("isVerified = true", FIRMWARE, record("isVerified", "true")))
                    .as("a String from the accessor").isTrue();
        }

        @Test
        void aRecordWithoutTheFieldMatchesOnlyNotEquals() {
            Map<String, Object> none = record("status", null);

            assertThat(matches("status = 'started'", JOBS, none)).isFalse();
            assertThat(matches("status in ('started', 'stopped')", JOBS, none)).isFalse();
            assertThat(matches("status != 'started'", JOBS, none)).isTrue();
            assertThat(matches("isVerified = false", FIRMWARE, none)).isFalse();
            assertThat(matches("name like ''", JOBS, none)).isFalse();
        }

        @Test
        void theAccessorIsAskedForTheFieldNameOnly() {
            List<String> asked = new ArrayList<>();
            SearchExpression.parse("name.en_US like 'x' or firmwareName.defaultValue like 'y' or status = 'a'", JOBS)
                    .matches(field -> {
                        asked.add(field);
                        return null;
                    });

            assertThat(asked).containsExactly("name", "firmwareName", "status");
        }
    }

    enum Status {
        STARTED;

        @Override
        public String toString() {
            return "started";
        }
    }

    @Nested
    class AndOrAndParentheses {
        private final Map<String, Object> record = record("status", "started", "type", "verify", "productKey", "p");

        @Test
        void andNeedsBothAndOrEither() {
            assertThat(matches("status = 'started' and type = 'verify'", JOBS, record)).isTrue();
            assertThat(matches("status = 'started' and type = 'upgrade'", JOBS, record)).isFalse();
            assertThat(matches("status = 'stopped' or type = 'verify'", JOBS, record)).isTrue();
            assertThat(matches("status = 'stopped' or type = 'upgrade'", JOBS, record)).isFalse();
        }

        @Test
        void andBindsTighterThanOr() {
            // true or (false and false) = true; (true or false) and false would be false
            assertThat(matches("status = 'started' or type = 'upgrade' and productKey = 'x'", JOBS, record)).isTrue();
            // (false and true) or true = true; false and (true or true) would be false
            assertThat(matches("status = 'stopped' and type = 'verify' or productKey = 'p'", JOBS, record)).isTrue();
            assertThat(SearchExpression.parse("status = 'a' or type = 'b' and productKey = 'c' or firmwareId = 'd'",
                    JOBS)).hasToString("status = 'a' or (type = 'b' and productKey = 'c') or firmwareId = 'd'");
        }

        @Test
        void parenthesesGroup() {
            assertThat(matches("(status = 'started' or type = 'upgrade') and productKey = 'x'", JOBS, record))
                    .isFalse();
            assertThat(matches("status = 'stopped' and (type = 'verify' or productKey = 'p')", JOBS, record))
                    .isFalse();
            assertThat(SearchExpression.parse("(status = 'a' or type = 'b') and productKey = 'c'", JOBS))
                    .hasToString("(status = 'a' or type = 'b') and productKey = 'c'");
        }

        @Test
        void redundantParenthesesChangeNothing() {
            assertThat(SearchExpression.parse("((status = 'a'))", JOBS)).hasToString("status = 'a'");
            assertThat(SearchExpression.parse("(status = 'a') and ((type = 'b'))", JOBS))
                    .hasToString("status = 'a' and type = 'b'");
            assertThat(matches("(((status = 'started')))", JOBS, record)).isTrue();
        }

        @Test
        void keywordsInAnyCase() {
            assertThat(matches("status IN ('started') AND type = 'verify' Or productKey = 'x'", JOBS, record))
                    .isTrue();
            assertThat(matches("status In ('x') oR type = 'verify' aNd productKey != 'x'", JOBS, record)).isTrue();
            assertThat(matches("name LIKE 'inverter'", JOBS, STARTED_UPGRADE)).isTrue();
            assertThat(SearchExpression.parse("productKey IN ('a') AND isVerified = TRUE", FIRMWARE))
                    .hasToString("productKey in ('a') and isVerified = true");
        }

        @Test
        void whitespaceIsFreeAndOptionalAroundSymbols() {
            assertThat(matches("status='started'and(type!='upgrade')", JOBS, record)).isTrue();
            assertThat(matches("\tstatus\n=\r\n'started'   and\ttype in('verify','x')  ", JOBS, record)).isTrue();
        }
    }

    @Nested
    class Values {
        @Test
        void aQuoteInsideATextIsWrittenTwice() {
            Map<String, Object> task = record("desc", "it's \"done\"");

            assertThat(matches("desc = 'it''s \"done\"'", TASKS, task)).isTrue();
            assertThat(matches("desc = \"it's \"\"done\"\"\"", TASKS, task)).isTrue();
            assertThat(SearchExpression.parse("desc = \"it's\"", TASKS)).hasToString("desc = 'it''s'");
        }

        @Test
        void backslashesAndOtherCharactersAreTakenLiterally() {
            assertThat(matches("desc = 'a\\b'", TASKS, record("desc", "a\\b"))).isTrue();
            assertThat(matches("desc = 'and or ( ) , = != like'", TASKS, record("desc", "and or ( ) , = != like")))
                    .isTrue();
            assertThat(matches("desc = '升级完成'", TASKS, record("desc", "升级完成"))).isTrue();
            assertThat(matches("desc = ''", TASKS, record("desc", ""))).isTrue();
        }
    }

    @Nested
    class LikeOnNames {
        @Test
        void bareNameLooksAtTheDefaultAndEveryLocaleIgnoringCase() {
            assertThat(matches("name like 'inverter'", JOBS, STARTED_UPGRADE)).as("default value").isTrue();
            assertThat(matches("name like 'UPGRADE'", JOBS, STARTED_UPGRADE)).as("any case").isTrue();
            assertThat(matches("name like '逆变器'", JOBS, STARTED_UPGRADE)).as("zh_CN").isTrue();
            assertThat(matches("name like 'night'", JOBS, STARTED_UPGRADE)).as("en_US").isTrue();
            assertThat(matches("name like 'solar'", JOBS, STARTED_UPGRADE)).isFalse();
            assertThat(matches("name like 'prueba'", JOBS,
                    record("name", SearchExpression.i18nView("d", Map.of("es_ES", "Prueba"))))).as("es_ES").isTrue();
        }

        @Test
        void aLocaleSuffixLooksAtThatEntryOnly() {
            assertThat(matches("name.en_US like 'NIGHT'", JOBS, STARTED_UPGRADE)).isTrue();
            assertThat(matches("name.en_US like 'inverter'", JOBS, STARTED_UPGRADE)).as("the default").isFalse();
            assertThat(matches("name.zh_CN like '升级'", JOBS, STARTED_UPGRADE)).isTrue();
            assertThat(matches("name.zh_CN like 'night'", JOBS, STARTED_UPGRADE)).isFalse();
            assertThat(matches("name.defaultValue like 'inverter'", JOBS, STARTED_UPGRADE)).isTrue();
            assertThat(matches("name.defaultValue like 'night'", JOBS, STARTED_UPGRADE)).isFalse();
        }

        @Test
        void aLocaleWithoutAnEntryDoesNotFallBackToTheDefault() {
            Map<String, Object> onlyDefault = record("name", SearchExpression.i18nView("Inverter", null));

            assertThat(matches("name.en_US like 'inverter'", JOBS, onlyDefault)).isFalse();
            assertThat(matches("name like 'inverter'", JOBS, onlyDefault)).isTrue();
        }

        @Test
        void firmwareNameOnJobsAndNameOnFirmware() {
            assertThat(matches("firmwareName like 'main'", JOBS, STARTED_UPGRADE)).isTrue();
            assertThat(matches("firmwareName.defaultValue like 'FIRMWARE'", JOBS, STARTED_UPGRADE)).isTrue();
            assertThat(matches("firmwareName.en_US like 'main'", JOBS, STARTED_UPGRADE)).isFalse();
            Map<String, Object> firmware = record("name", SearchExpression.i18nView("Gateway fw", Map.of("zh_CN", "网关")));
            assertThat(matches("name like 'gateway' and name.zh_CN like '网关'", FIRMWARE, firmware)).isTrue();
        }

        @Test
        void theFirmwarePagesSpellingDotDefaultIsAcceptedOnFirmware() {
            Map<String, Object> firmware = record("name", SearchExpression.i18nView("Gateway fw", Map.of()));

            assertThat(matches("name.default like 'gateway'", FIRMWARE, firmware)).isTrue();
            assertThat(SearchExpression.parse("name.default like 'g'", FIRMWARE)).hasToString("name.default like 'g'");
        }

        @Test
        void aPlainStringIsTheDefaultValueAlone() {
            Map<String, Object> firmware = record("name", "Gateway fw");

            assertThat(matches("name like 'GATEWAY'", FIRMWARE, firmware)).isTrue();
            assertThat(matches("name.defaultValue like 'fw'", FIRMWARE, firmware)).isTrue();
            assertThat(matches("name.en_US like 'fw'", FIRMWARE, firmware)).isFalse();
        }

        @Test
        void percentAndUnderscoreAreNotWildcards() {
            Map<String, Object> job = record("name", SearchExpression.i18nView("inverter_1", null));

            assertThat(matches("name like '%inverter%'", JOBS, job)).isFalse();
            assertThat(matches("name like 'inverter_'", JOBS, job)).isTrue();
            assertThat(matches("name like 'inverter_2'", JOBS, job)).isFalse();
            assertThat(matches("name like ''", JOBS, job)).as("the empty text is in every name").isTrue();
        }

        @Test
        void theI18nViewPutsTheDefaultFirstAndLeavesNullsOut() {
            Map<String, String> locales = new HashMap<>();
            locales.put("en_US", "A");
            locales.put("zh_CN", null);
            locales.put(null, "x");
            locales.put("defaultValue", "not the default");

            assertThat(SearchExpression.i18nView("D", locales))
                    .containsExactlyInAnyOrderEntriesOf(Map.of("defaultValue", "D", "en_US", "A"));
            assertThat(SearchExpression.i18nView(null, null)).isEmpty();
        }
    }

    @Nested
    class Errors {
        static Stream<Arguments> refused() {
            String jobFields = "(fields: firmwareId, productKey, firmwareVersion, type, status, name, firmwareName)";
            return Stream.of(
                    Arguments.of("stauts = 'started'", JOBS, 1,
                            "unknown field 'stauts' at position 1 " + jobFields),
                    Arguments.of("Status = 'started'", JOBS, 1,
                            "unknown field 'Status' at position 1 (field names are case-sensitive:"
                                    + " did you mean 'status'?)"),
                    Arguments.of("name = 'x'", TASKS, 1, "unknown field 'name' at position 1"
                            + " (fields: jobId, deviceKey, fromVersion, toVersion, status, desc)"),
                    Arguments.of("status.en_US = 'x'", JOBS, 1, "unknown field 'status.en_US' at position 1 "
                            + jobFields),
                    Arguments.of("name.fr_FR like 'x'", JOBS, 1, "unknown locale 'fr_FR' in 'name.fr_FR' at"
                            + " position 1 (use name alone or with .default, .defaultValue, .en_US, .es_ES, .ja_JP,"
                            + " .zh_CN)"),
                    Arguments.of("status like 'x'", JOBS, 8,
                            "the operator 'like' is not allowed on 'status' at position 8 (allowed: =, !=, in)"),
                    Arguments.of("name = 'x'", JOBS, 6,
                            "the operator '=' is not allowed on 'name' at position 6 (allowed: like)"),
                    Arguments.of("name.en_US in ('x')", JOBS, 12,
                            "the operator 'in' is not allowed on 'name.en_US' at position 12 (allowed: like)"),
                    Arguments.of("isVerified in (true)", FIRMWARE, 12,
                            "the operator 'in' is not allowed on 'isVerified' at position 12 (allowed: =, !=)"),
                    Arguments.of("productKey like 'pk'", FIRMWARE, 12,
                            "the operator 'like' is not allowed on 'productKey' at position 12 (allowed: =, !=, in)"),
                    Arguments.of("status > 1", TASKS, 8, "the operator '>' is not supported at position 8"
                            + " (allowed on 'status': =, !=, in)"),
                    Arguments.of("status <> 'a'", TASKS, 8,
                            "the operator '<>' is not supported at position 8 (use !=)"),
                    Arguments.of("status == 'a'", TASKS, 8,
                            "the operator '==' is not supported at position 8 (use =)"),
                    Arguments.of("status not in ('a')", TASKS, 8, "'not' is not supported at position 8"
                            + " (allowed on 'status': =, !=, in; to leave out several values, join != with and)"),
                    Arguments.of("status 'a'", TASKS, 8, "expected an operator after 'status' at position 8,"
                            + " found the text 'a' (allowed: =, !=, in)"),
                    Arguments.of("status", TASKS, 7, "expected an operator after 'status' at position 7,"
                            + " found the end of the expression (allowed: =, !=, in)"),
                    Arguments.of("name like 'inverter", JOBS, 11, "a quote opened at position 11 is not closed"
                            + " (a quote inside a text is written twice: 'it''s')"),
                    Arguments.of("desc = \"it's", TASKS, 8, "a quote opened at position 8 is not closed"
                            + " (a quote inside a text is written twice: 'it''s')"),
                    Arguments.of("status = ", TASKS, 10,
                            "expected a value after '=' at position 10, found the end of the expression"),
                    Arguments.of("status = started", TASKS, 10, "expected a value after '=' at position 10,"
                            + " found 'started' (text goes in quotes: 'started')"),
                    Arguments.of("toVersion != 1.0.2", TASKS, 14, "expected a value after '!=' at position 14,"
                            + " found '1.0.2' (text goes in quotes: '1.0.2')"),
                    Arguments.of("status = (", TASKS, 10, "expected a value after '=' at position 10, found '('"),
                    Arguments.of("name like", JOBS, 10,
                            "expected a value after 'like' at position 10, found the end of the expression"),
                    Arguments.of("status in 'a'", TASKS, 11, "'in' needs a list in parentheses at position 11,"
                            + " found the text 'a' (e.g. status in ('a', 'b'))"),
                    Arguments.of("status in ()", TASKS, 12,
                            "'in' needs at least one value at position 12 (e.g. status in ('a', 'b'))"),
                    Arguments.of("status in ('a' 'b')", TASKS, 16,
                            "expected ',' or ')' in the list of 'in' at position 16, found the text 'b'"),
                    Arguments.of("status in ('a',)", TASKS, 16,
                            "expected a value after ',' at position 16, found ')'"),
                    Arguments.of("status in ('a'", TASKS, 11, "the list of 'in' opened at position 11 is not closed"),
                    Arguments.of("isVerified = 'yes'", FIRMWARE, 14,
                            "'isVerified' takes true or false at position 14, found the text 'yes'"),
                    Arguments.of("isVerified = 1", FIRMWARE, 14,
                            "'isVerified' takes true or false at position 14, found the number 1"),
                    Arguments.of("(status = 'a'", TASKS, 1, "a parenthesis opened at position 1 is not closed"),
                    Arguments.of("(status = 'a' 'b')", TASKS, 15,
                            "expected 'and', 'or' or ')' at position 15, found the text 'b'"),
                    Arguments.of("status = 'a')", TASKS, 13, "a ')' at position 13 has no matching '('"),
                    Arguments.of("status = 'a' desc = 'b'", TASKS, 14,
                            "expected 'and', 'or' or the end of the expression at position 14, found 'desc'"),
                    Arguments.of("status = 'a' and", TASKS, 17,
                            "expected a condition after 'and' at position 17, found the end of the expression"),
                    Arguments.of("status = 'a' or or desc = 'b'", TASKS, 17,
                            "expected a condition after 'or' at position 17, found 'or'"),
                    Arguments.of("and status = 'a'", TASKS, 1, "expected a condition at position 1, found 'and'"),
                    Arguments.of("'a' = status", TASKS, 1,
                            "expected a condition at position 1, found the text 'a'"),
                    Arguments.of("()", TASKS, 2, "expected a condition after '(' at position 2, found ')'"),
                    Arguments.of("status = 'a' # b", TASKS, 14,
                            "unexpected character '#' at position 14 (texts go in quotes)"),
                    Arguments.of("status = 'a';", TASKS, 13,
                            "unexpected character ';' at position 13 (texts go in quotes)"),
                    Arguments.of("status = 'a'\u0000", TASKS, 13,
                            "unexpected character U+0000 at position 13 (texts go in quotes)"),
                    Arguments.of("exists(tags.k)", JOBS, 1,
                            "'exists(...)' is not supported by Search OTA Job at position 1 " + jobFields),
                    Arguments.of("status = 'a' and NOT EXISTS(tags.k)", JOBS, 18,
                            "'not exists(...)' is not supported by Search OTA Job at position 18 " + jobFields),
                    Arguments.of("not status = 'a'", TASKS, 1,
                            "'not' is not supported at position 1 (to negate a condition, use != instead of =)"),
                    Arguments.of("tags.k = 'v'", FIRMWARE, 1, "conditions on tags ('tags.k') are not supported by"
                            + " Search Firmware File at position 1 (fields: productKey, isVerified, name)"));
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @MethodSource("refused")
        void sayWhatIsWrongAndWhere(String expression, SearchFields<?> fields, int position, String message) {
            assertThatThrownBy(() -> SearchExpression.parse(expression, fields))
                    .isInstanceOf(SearchExpressionException.class)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(message)
                    .extracting(e -> ((SearchExpressionException) e).position()).isEqualTo(position);
        }

        @Test
        void longPiecesAreShortenedInMessages() {
            String longWord = "x".repeat(100);

            assertThatThrownBy(() -> SearchExpression.parse(longWord + " = 'a'", TASKS))
                    .hasMessageStartingWith("unknown field '" + "x".repeat(40) + "...' at position 1");
        }

        /** Expressions the official Python sample code sends to Search OTA Job (connectionFirmwareOTAUpgradeManagementApp.py). */
        @ParameterizedTest
        @ValueSource(strings = {"firmwareName.default like 'Python_Firmware_V1.2_Veri'",
                "firmwareName.ja_JP like 'ウェア名'", "firmwareName.es_ES like 'NombreDelFirmware'",
                "type  = 'upgrade'", "productKey in ('pk1')"})
        void theOfficialSamplesExpressionsAreRead(String expression) {
            assertThat(SearchExpression.parse(expression, JOBS).matchesEverything()).isFalse();
        }
    }

    @Nested
    class Limits {
        @Test
        void anExpressionOfTheMaximumLengthIsAccepted() {
            String prefix = "desc = '";
            String expression = prefix + "x".repeat(SearchExpression.MAX_LENGTH - prefix.length() - 1) + "'";

            assertThat(expression).hasSize(SearchExpression.MAX_LENGTH);
            assertThat(matches(expression, TASKS, record("desc", "x".repeat(1991)))).isTrue();
        }

        @Test
        void aLongerOneIsRefusedBeforeItIsRead() {
            String expression = "desc = '" + "x".repeat(SearchExpression.MAX_LENGTH) + "'";

            assertThatThrownBy(() -> SearchExpression.parse(expression, TASKS))
                    .isInstanceOf(SearchExpressionException.class)
                    .hasMessage("too long: 2009 characters (at most 2000)")
                    .extracting(e -> ((SearchExpressionException) e).position()).isEqualTo(0);
            assertThatThrownBy(() -> SearchExpression.parse(" ".repeat(5000), TASKS))
                    .as("blank, but too long all the same").hasMessageStartingWith("too long: 5000 characters");
        }

        @Test
        void parenthesesMayNestTwentyDeep() {
            String twenty = "(".repeat(20) + "status = 'a'" + ")".repeat(20);

            assertThat(matches(twenty, TASKS, record("status", "a"))).isTrue();
        }

        @Test
        void deeperNestingIsRefusedWithoutAStackOverflow() {
            String twentyOne = "(".repeat(21) + "status = 'a'" + ")".repeat(21);
            String hostile = "(".repeat(SearchExpression.MAX_LENGTH);

            assertThatThrownBy(() -> SearchExpression.parse(twentyOne, TASKS))
                    .hasMessage("parentheses nested more than 20 deep at position 21");
            assertThatThrownBy(() -> SearchExpression.parse(hostile, TASKS))
                    .hasMessage("parentheses nested more than 20 deep at position 21");
            assertThatThrownBy(() -> SearchExpression.parse("(status = 'a' and (".repeat(100), TASKS))
                    .isInstanceOf(SearchExpressionException.class);
        }

        @Test
        void longChainsOfConditionsAreFast() {
            String chain = "status = 'a' or desc in ('b', 'c') and ".repeat(49) + "jobId = 'j'";
            assertThat(chain.length()).isLessThanOrEqualTo(SearchExpression.MAX_LENGTH);

            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                for (int i = 0; i < 200; i++) {
                    assertThat(matches(chain, TASKS, record("status", "z", "jobId", "j"))).isFalse();
                }
            });
        }

        @Test
        void manyParsesOfHostileInputStayFast() {
            String quotes = "'".repeat(SearchExpression.MAX_LENGTH - 1);
            String operators = "status " + "=".repeat(SearchExpression.MAX_LENGTH - 7);
            String commas = "status in ('a'" + ",".repeat(SearchExpression.MAX_LENGTH - 15) + ")";

            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                for (int i = 0; i < 200; i++) {
                    for (String hostile : new String[] {quotes, operators, commas}) {
                        assertThatThrownBy(() -> SearchExpression.parse(hostile, TASKS))
                                .isInstanceOf(SearchExpressionException.class);
                    }
                }
            });
        }
    }

    @Nested
    class Fields {
        @Test
        void eachSearchListsTheFieldsOfItsPage() {
            assertThat(JOBS.fields()).extracting(SearchFields.Field::name).containsExactly(
                    "firmwareId", "productKey", "firmwareVersion", "type", "status", "name", "firmwareName");
            assertThat(TASKS.fields()).extracting(SearchFields.Field::name).containsExactly(
                    "jobId", "deviceKey", "fromVersion", "toVersion", "status", "desc");
            assertThat(FIRMWARE.fields()).extracting(SearchFields.Field::name).containsExactly(
                    "productKey", "isVerified", "name");
        }

        @Test
        void operatorsAreListedInAFixedOrder() {
            assertThat(JOBS.field("status").orElseThrow().operatorList()).isEqualTo("=, !=, in");
            assertThat(FIRMWARE.field("isVerified").orElseThrow().operatorList()).isEqualTo("=, !=");
            assertThat(FIRMWARE.field("name").orElseThrow().operatorList()).isEqualTo("like");
            assertThat(TASKS.field("name")).isEmpty();
        }

        @Test
        void everyAllowedFieldAndOperatorParses() {
            for (SearchFields<?> search : new SearchFields<?>[] {JOBS, TASKS, FIRMWARE}) {
                for (SearchFields.Field field : search.fields()) {
                    for (SearchFields.Operator operator : field.operators()) {
                        String value = field.kind() == SearchFields.Kind.BOOLEAN ? "true" : "'v'";
                        String expression = field.name() + " " + operator.symbol() + " "
                                + (operator == SearchFields.Operator.IN ? "(" + value + ")" : value);
                        assertThatCode(() -> SearchExpression.parse(expression, search))
                                .as(search.search() + ": " + expression).doesNotThrowAnyException();
                    }
                }
            }
        }
    }
}
