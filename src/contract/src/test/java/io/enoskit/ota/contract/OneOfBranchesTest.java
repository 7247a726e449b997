package io.enoskit.ota.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import org.junit.jupiter.api.Test;

/** Create OTA Job's body picks its branch by {@code type}, as the spec's discriminator maps it. */
class OneOfBranchesTest {
    private static final String UPGRADE = "#/components/schemas/UpgradeJobRequest";
    private static final String VERIFICATION = "#/components/schemas/VerificationJobRequest";
    private final OpenApiContract contract = OpenApiContract.load();
    private final Discriminator discriminator = OneOfBranches.of(schema("CreateOtaJobRequest")).orElseThrow();

    @Test
    void theTypePicksTheBranchItMapsTo() {
        assertThat(OneOfBranches.chosen(discriminator, Json.mapper().createObjectNode().put("type", "upgrade")))
                .contains(UPGRADE);
        assertThat(OneOfBranches.chosen(discriminator, Json.mapper().createObjectNode().put("type", "verify")))
                .contains(VERIFICATION);
    }

    @Test
    void aMissingUnmappedOrNonTextTypePicksNone() {
        assertThat(OneOfBranches.chosen(discriminator, Json.mapper().createObjectNode())).isEmpty();
        assertThat(OneOfBranches.chosen(discriminator, Json.mapper().createObjectNode().put("type", "upgrading")))
                .isEmpty();
        assertThat(OneOfBranches.chosen(discriminator, Json.mapper().createObjectNode().put("type", 1))).isEmpty();
        assertThat(OneOfBranches.chosen(discriminator, Json.mapper().createArrayNode())).isEmpty();
    }

    @Test
    void aBranchIsTracedBackToItsValue() {
        assertThat(OneOfBranches.valueOf(discriminator, VERIFICATION)).contains("verify");
        assertThat(OneOfBranches.valueOf(discriminator, "#/components/schemas/JobInfo")).isEmpty();
    }

    @Test
    void aSchemaWithoutMappedOneOfHasNoBranches() {
        assertThat(OneOfBranches.of(schema("UpgradeJobRequest"))).isEmpty();
        assertThat(OneOfBranches.of(null)).isEmpty();
    }

    private Schema<?> schema(String name) {
        return contract.openApi().getComponents().getSchemas().get(name);
    }
}
