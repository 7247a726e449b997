package io.enoskit.ota.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A spec the validator could not use as written stops the mock at start, naming the keyword and its place. */
class SpecSelfCheckTest {
    private final String spec = OpenApiContract.load().text();

    @Test
    void theKitsOwnDocumentsPassTheCheck() {
        OpenApiContract.DOCUMENTS.forEach(document ->
                assertThat(SpecSelfCheck.problems(OpenApiContract.load(document).text())).as(document).isEmpty());
    }

    @Test
    void aBoundWrittenAsAStringIsRefusedRatherThanDropped() {
        String weakened = spec.replace("      minimum: 300\n", "      minimum: '300'\n");
        assertThat(weakened).isNotEqualTo(spec);

        assertThatThrownBy(() -> OpenApiContract.parse(weakened)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/components/schemas/UpgradeTimeout/minimum must be a number, is \"300\"");
    }

    @Test
    void aPatternThatIsNoRegularExpressionIsRefused() {
        String broken = spec.replace("pattern: '^upgrade$'", "pattern: '^upgr(ade$'");
        assertThat(broken).isNotEqualTo(spec);

        assertThatThrownBy(() -> OpenApiContract.parse(broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("/properties/type/pattern is not a regular expression");
    }
}
