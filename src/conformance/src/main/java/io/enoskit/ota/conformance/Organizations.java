package io.enoskit.ota.conformance;

import java.util.UUID;

/**
 * The organization the isolation rules use as "another organization": the user's second organization when given
 * ({@code --other-org-id}), else an id no organization has.
 */
final class Organizations {
    private final ConformanceWorld world;

    Organizations(ConformanceWorld world) {
        this.world = world;
    }

    String other() {
        String given = world.target().otherOrgId();
        return given != null ? given : "enos-ota-kit-no-such-org-" + UUID.randomUUID();
    }
}
