package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.extension.StubLifecycleListener;
import io.enoskit.ota.domain.OtaStore;

/**
 * The one reset of the mock's start state: the OTA state, the files of uploaded firmware it no longer names, the fault
 * rules and the console's request log. WireMock's own reset ({@code POST /__admin/reset}, {@code resetAll()}) and
 * {@code POST /__admin/ota/reset} both run it. Built by {@link MockWiring}.
 */
final class StateResetListener implements StubLifecycleListener {
    static final String NAME = "enos-ota-state-reset";
    private final OtaStore store;
    private final FaultPlan faults;
    private final ExchangeLog exchanges;
    private final FirmwareUploads uploads;

    StateResetListener(OtaStore store, FaultPlan faults, ExchangeLog exchanges, FirmwareUploads uploads) {
        this.store = store;
        this.uploads = uploads;
        this.faults = faults;
        this.exchanges = exchanges;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public void afterStubsReset() {
        resetState();
    }

    /** Back to the start state; an uploaded file is removed with the firmware the reset drops. */
    void resetState() {
        store.reset();
        uploads.removeUnusedFiles();
        faults.clear();
        exchanges.clear();
    }
}
