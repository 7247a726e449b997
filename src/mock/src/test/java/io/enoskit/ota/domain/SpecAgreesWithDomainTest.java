package io.enoskit.ota.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.enoskit.ota.contract.OpenApiContract;
import io.enoskit.ota.contract.Operation;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The domain answers with what the spec says: every error code a spec document catalogues
 * ({@code x-enos-error-codes}) is one of {@link OtaError} with its message, and the defaults the store applies are
 * the spec's.
 */
class SpecAgreesWithDomainTest {
    private static final String INVALID_ARGUMENT = "99400 Invalid Argument <field>: <rule>";
    private final OpenApiContract contract = OpenApiContract.load();

    @Test
    void theCreateErrorCodesOfTheSpecAreTheCatalogues() {
        assertThat(catalogued(Operation.CREATE_JOB)).containsExactly(
                entry(OtaError.FIRMWARE_NOT_FOUND),
                entry(OtaError.FIRMWARE_NOT_VERIFIED),
                entry(OtaError.TOTAL_SCOPE_FOR_VERIFICATION),
                entry(OtaError.TOO_MANY_VERIFICATION_DEVICE_KEYS),
                entry(OtaError.DENIED_RESOURCE),
                INVALID_ARGUMENT);
    }

    @Test
    void theGetErrorCodesOfTheSpecAreTheCatalogues() {
        assertThat(catalogued(Operation.GET_JOB)).containsExactly(entry(OtaError.JOB_NOT_FOUND),
                entry(OtaError.DENIED_RESOURCE), INVALID_ARGUMENT);
    }

    @Test
    void theActionsErrorCodesAreTheCatalogues() {
        assertThat(catalogued(Operation.START_JOB)).containsExactly(
                entry(OtaError.JOB_NOT_FOUND), entry(OtaError.JOB_HAS_STARTED),
                entry(OtaError.TOO_MANY_VERIFICATION_DEVICE_KEYS), entry(OtaError.JOB_HAS_STOPPED),
                entry(OtaError.DELETE_RUNNING_JOB), entry(OtaError.DENIED_RESOURCE), INVALID_ARGUMENT);
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void everyCataloguedErrorCodeIsOneTheMockAnswersWithItsMessage(Operation op) {
        Set<String> known = Arrays.stream(OtaError.values()).map(SpecAgreesWithDomainTest::entry)
                .collect(Collectors.toSet());

        assertThat(catalogued(op)).isNotEmpty()
                .allMatch(entry -> known.contains(entry) || entry.equals(INVALID_ARGUMENT));
    }

    @Test
    void theSpecDefaultsAreTheOnesTheStoreApplies() {
        Map<String, Schema> upgrade = contract.openApi().getComponents().getSchemas().get("UpgradeJobRequest")
                .getProperties();

        assertThat(((Number) contract.resolve(upgrade.get("upgradeTimeout")).getDefault()).longValue())
                .isEqualTo(JobDefaults.UPGRADE_TIMEOUT_SECONDS);
        assertThat(((Number) upgrade.get("maximumConcurrency").getDefault()).intValue())
                .isEqualTo(JobDefaults.MAXIMUM_CONCURRENCY);
        assertThat(contract.resolve(upgrade.get("startSchedule")).getMinimum().intValue())
                .isEqualTo(JobDefaults.DAILY_WINDOW_START);
        assertThat(contract.resolve(upgrade.get("endSchedule")).getMaximum().intValue())
                .isEqualTo(JobDefaults.DAILY_WINDOW_END);
        assertThat(DefaultState.CONSOLE_MAX_VERIFICATION_DEVICES).isEqualTo(5);
    }

    /** The operation's {@code x-enos-error-codes} as "code msg" lines, in the spec's order. */
    private static List<String> catalogued(Operation op) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> codes = (List<Map<String, Object>>) OpenApiContract.load(op.document())
                .operation(op.path(), op.method()).orElseThrow().getExtensions().get("x-enos-error-codes");
        return codes.stream().map(c -> c.get("code") + " " + c.get("msg")).toList();
    }

    private static String entry(OtaError error) {
        return error.code() + " " + error.template();
    }
}
