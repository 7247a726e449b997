package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.domain.Page;
import io.enoskit.ota.domain.SearchFields;
import io.enoskit.ota.model.DeviceFirmware;

/**
 * Serves "Search Device Upgrade" ({@code POST /connect-service/v2.1/ota-firmwares?action=searchDeviceUpgrade&orgId},
 * the spec {@code ota-device-upgrade.yaml}): spec check and expression (99400), then a page of the org's matching
 * devices as DeviceFirmware (the version each runs, whether it is upgrading), brought up to the simulation clock,
 * with {@code pagination} beside {@code data}.
 */
final class SearchDeviceUpgradeHandler implements OperationHandler.Checked {
    private final OtaStore store;
    private final OperationContext context;

    SearchDeviceUpgradeHandler(OtaStore store, OperationContext context) {
        this.store = store;
        this.context = context;
    }

    @Override
    public Object serve(ValidRequest call) {
        SearchRequests search = context.search(call, SearchFields.DEVICE_UPGRADE);
        Page<DeviceFirmware> page = store.searchDeviceUpgrades(call.query("orgId"), search.expression(),
                search.pageNo(), search.pageSize());
        return EnvelopeResponses.paged(page, page.items());
    }
}
