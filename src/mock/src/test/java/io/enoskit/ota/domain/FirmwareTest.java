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
    void aNameAndAVersionAreRequired() {
        assertThatThrownBy(() -> new Firmware("o", "f", null, "1.0", false, false, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> new Firmware("o", "f", "fw", " ", false, false, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
    }

    @Test
    void aVerificationLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new Firmware("o", "f", "fw", "1.0", true, false, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAllowedForVerification");
    }
}
