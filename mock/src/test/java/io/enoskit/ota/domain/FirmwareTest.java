package io.enoskit.ota.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FirmwareTest {
    @Test
    void blankIdsAreRefused() {
        assertThatThrownBy(() -> new Firmware("o", " ", null, null, false, false, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firmwareId");
        assertThatThrownBy(() -> new Firmware(null, "f", null, null, false, false, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orgId");
    }

    @Test
    void aVerificationLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new Firmware("o", "f", null, null, true, false, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAllowedForVerification");
    }
}
