package io.enoskit.ota.domain;

import java.util.List;

/**
 * What the mock holds on start and after a reset: the firmware per org and the default verification limit.
 *
 * <p>JSON shape (file {@code ota-state.json} in the mock's root dir):
 * {@code {"maxAllowedForVerification": Integer, "firmwares": [Firmware, ...]}}.
 *
 * @param maxAllowedForVerification the most {@code deviceKeys} a verification job may name when its firmware
 *                                  sets no limit, a count (the EnOS console allows 5; inferred as the default)
 * @param firmwares                 the firmware that exists on start
 */
public record DefaultState(int maxAllowedForVerification, List<Firmware> firmwares) {
    /** The console's limit of devices for one verification, used when the state file names none. */
    public static final int CONSOLE_MAX_VERIFICATION_DEVICES = 5;

    public DefaultState {
        if (maxAllowedForVerification < 1) {
            throw new IllegalArgumentException(
                    "maxAllowedForVerification must be at least 1, was " + maxAllowedForVerification);
        }
        firmwares = firmwares == null ? List.of() : List.copyOf(firmwares);
    }

    /** A state with no firmware and the console's limit. */
    public static DefaultState empty() {
        return new DefaultState(CONSOLE_MAX_VERIFICATION_DEVICES, List.of());
    }
}
