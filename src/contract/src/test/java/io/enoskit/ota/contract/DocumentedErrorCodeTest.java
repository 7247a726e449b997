package io.enoskit.ota.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The error codes of {@code x-enos-error-codes} as operations read them, and the messages their templates allow. */
class DocumentedErrorCodeTest {
    @Test
    void eachActionOfASharedOperationGetsOnlyItsOwnCodes() {
        assertThat(Operation.START_JOB.errorCodes()).extracting(DocumentedErrorCode::code)
                .containsExactly(24404, 24615, 24612, 99403, 99400);
        assertThat(Operation.STOP_JOB.errorCodes()).extracting(DocumentedErrorCode::code)
                .containsExactly(24404, 24616, 99403, 99400);
        assertThat(Operation.CANCEL_TASKS.errorCodes()).extracting(DocumentedErrorCode::code)
                .containsExactly(24404, 24617, 24620, 99403, 99400);
    }

    @Test
    void aCodeNamesTheRuleThatAssertsItsMessage() {
        assertThat(Operation.GET_JOB.errorCodes()).extracting(DocumentedErrorCode::code, DocumentedErrorCode::rule)
                .startsWith(Tuple.tuple(24404, "GET-24404"));
        assertThat(Operation.CREATE_JOB.errorCodes().stream().filter(code -> code.code() == 99400).findFirst())
                .get().extracting(DocumentedErrorCode::rule).isNull();
    }

    @Test
    void everyRuleACodeNamesIsInTheCatalogue() {
        Set<String> catalogue = OpenApiContract.allRules().stream().map(DocumentedRule::id)
                .collect(Collectors.toSet());
        List<String> named = Arrays.stream(Operation.values())
                .flatMap(operation -> operation.errorCodes().stream())
                .map(DocumentedErrorCode::rule).filter(Objects::nonNull).distinct().toList();
        assertThat(named).hasSizeGreaterThanOrEqualTo(13);
        assertThat(catalogue).containsAll(named);
    }

    @Test
    void aTemplateMatchesItsMessageWithValuesFilledIn() {
        DocumentedErrorCode limit = new DocumentedErrorCode(24612, "Exceeded max verification deviceKeys, max[%d]",
                "CREATE-24612", List.of());
        assertThat(limit.matches("Exceeded max verification deviceKeys, max[3]")).isTrue();
        assertThat(limit.matches("Exceeded max verification deviceKeys, max[three]")).isFalse();
        assertThat(limit.matches("Exceeded max verification deviceKeys")).isFalse();
        assertThat(limit.matches(null)).isFalse();
        DocumentedErrorCode notFound = new DocumentedErrorCode(24404, "Job not found", "GET-24404", List.of());
        assertThat(notFound.matches("Job not found")).isTrue();
        assertThat(notFound.matches("Job not found.")).isFalse();
        assertThat(new DocumentedErrorCode(99400, "Invalid Argument <field>: <rule>", null, List.of())
                .matches("Invalid Argument orgId: is mandatory")).isTrue();
    }
}
