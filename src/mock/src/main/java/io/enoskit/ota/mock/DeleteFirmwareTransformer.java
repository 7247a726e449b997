package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ContractCheck;
import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.domain.OtaStore;
import java.util.function.Supplier;

/**
 * Serves Delete Firmware ({@code POST /connect-service/v2.1/ota-firmwares?action=delete&orgId&firmwareId}, the spec
 * {@code ota-firmware-actions.yaml}): spec check (99400), then the store (24404, 24604), then {@code data: null};
 * the firmware's uploaded file goes with it. Stub mappings name it as {@value #NAME}. Built by
 * {@link MockWiring}.
 */
public final class DeleteFirmwareTransformer extends OperationTransformer {
    public static final String NAME = "enos-ota-firmware-delete";
    private final OtaStore store;
    private final FirmwareUploads uploads;

    DeleteFirmwareTransformer(Supplier<ContractCheck> contract, OtaStore store, FirmwareUploads uploads,
                              OperationContext context) {
        super(NAME, contract, context);
        this.store = store;
        this.uploads = uploads;
    }

    @Override
    Object serve(ValidRequest call) {
        store.deleteFirmware(call.query("orgId"), call.query("firmwareId"));
        uploads.removeUnusedFiles();
        return null;
    }
}
