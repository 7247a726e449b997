package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.extension.StubLifecycleListener;
import io.enoskit.ota.domain.OtaStore;

/**
 * WireMock's own reset ({@code POST /__admin/reset}, {@code POST /__admin/mappings/reset}, {@code resetAll()}) resets
 * the OTA state and clears the fault rules and the console's request log too, so that one reset brings back the whole
 * start state. Built by
 * {@link OtaMockExtensions}.
 */
final class StateResetListener implements StubLifecycleListener {
    static final String NAME = "enos-ota-state-reset";
    private final OtaStore store;
    private final FaultPlan faults;
    private final ExchangeLog exchanges;

    StateResetListener(OtaStore store, FaultPlan faults, ExchangeLog exchanges) {
        this.store = store;
        this.faults = faults;
        this.exchanges = exchanges;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public void afterStubsReset() {
        store.reset();
        faults.clear();
        exchanges.clear();
    }
}
