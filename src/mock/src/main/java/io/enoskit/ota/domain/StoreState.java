package io.enoskit.ota.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The organizations the store knows and a count of changes; what the store's parts share. Not thread-safe: used
 * under the store's lock.
 */
final class StoreState {
    private final Map<String, Org> orgs = new HashMap<>();
    /** Bumped by every change, so that the state file is written only when something changed. */
    private long changes;

    /** The org, or null when the state knows nothing of it. */
    Org org(String orgId) {
        return orgId == null ? null : orgs.get(orgId);
    }

    /** The org, made empty when the state knew nothing of it. */
    Org orCreate(String orgId) {
        return orgs.computeIfAbsent(orgId, id -> new Org());
    }

    Map<String, Org> orgs() {
        return orgs;
    }

    /** The org ids, in no order, copied (the caller may take the lock in between). */
    List<String> orgIds() {
        return List.copyOf(orgs.keySet());
    }

    void clear() {
        orgs.clear();
    }

    void changed() {
        changes++;
    }

    long changes() {
        return changes;
    }
}
