package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.domain.Page;
import io.enoskit.ota.domain.SearchFields;
import io.enoskit.ota.model.DeviceFirmware;
import java.util.function.Supplier;

/**
 * Serves "Search Device Upgrade" ({@code POST /connect-service/v2.1/ota-firmwares?action=searchDeviceUpgrade&orgId},
 * the spec {@code ota-device-upgrade.yaml}): spec check and expression (99400), then a page of the org's matching
 * devices as DeviceFirmware (the version each runs, whether it is upgrading), brought up to the simulation clock,
 * with {@code pagination} beside {@code data}. Stub mappings name it as {@value #NAME}.
 */
public final class SearchDeviceUpgradeTransformer extends OperationTransformer {
    public static final String NAME = "enos-search-device-upgrade";
    private final OtaStore store;

    SearchDeviceUpgradeTransformer(Supplier<ContractCheck> contract, OtaStore store, OperationContext context) {
        super(NAME, contract, context);
        this.store = store;
    }

    @Override
    Object serve(ValidRequest call) {
        SearchBody body = context().searchBody(call, SearchFields.DEVICE_UPGRADE);
        Page<DeviceFirmware> page = store.searchDeviceUpgrades(call.query("orgId"), body.expression(),
                body.pageNo(), body.pageSize());
        return EnvelopeResponses.paged(page, page.items());
    }
}
