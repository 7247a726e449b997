package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.domain.OtaStore;

/**
 * Serves Delete Firmware ({@code POST /connect-service/v2.1/ota-firmwares?action=delete&orgId&firmwareId}, the spec
 * {@code ota-firmware-actions.yaml}): spec check (99400), then the store (24404, 24604), then {@code data: null};
 * the firmware's uploaded file goes with it.
 */
final class DeleteFirmwareHandler implements OperationHandler.Checked {
    private final OtaStore store;
    private final FirmwareUploads uploads;

    DeleteFirmwareHandler(OtaStore store, FirmwareUploads uploads) {
        this.store = store;
        this.uploads = uploads;
    }

    @Override
    public Object serve(ValidRequest call) {
        store.deleteFirmware(call.query("orgId"), call.query("firmwareId"));
        uploads.removeUnusedFiles();
        return null;
    }
}
