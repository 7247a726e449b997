package io.enoskit.ota.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.domain.Firmware;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.model.FirmwareInfo;
import io.enoskit.ota.model.StringI18nInfo;

/**
 * Serves "Get Firmware File" ({@code GET /connect-service/v2.1/ota-firmwares?action=get&orgId&firmwareId}, the spec
 * {@code ota-firmwares.yaml}): spec check (99400), then the firmware as FirmwareInfo, or 24404 "Firmware not found".
 * Search Firmware File answers each firmware through {@link #info}. The firmware is the state file's, the admin
 * API's and the uploaded ones; a verification job that succeeds makes it verified.
 */
final class GetFirmwareFileHandler implements OperationHandler.Checked {
    private final OtaStore store;
    private final OperationContext context;

    GetFirmwareFileHandler(OtaStore store, OperationContext context) {
        this.store = store;
        this.context = context;
    }

    @Override
    public Object serve(ValidRequest call) {
        return info(store.getFirmware(call.query("orgId"), call.query("firmwareId")));
    }

    /**
     * The firmware as FirmwareInfo. {@code fileUrl} names its file in the EnOS form
     * ({@code enos-connect://<firmwareId>.zip}, inferred). A firmware uploaded with Create Firmware File also answers
     * its {@code sign}, {@code signMethod}, {@code desc}, {@code firmwareTags}, the name's translations and
     * {@code fileSize} (bytes, a number as in the page's sample); one of the state file has none of these.
     * {@code maxAllowedForVerification} is the limit that applies: the firmware's own, else the profile's
     * {@code verification.defaultLimit}.
     */
    JsonNode info(Firmware firmware) {
        Firmware.FirmwareUpload upload = firmware.upload();
        FirmwareInfo info = new FirmwareInfo()
                .orgId(firmware.orgId())
                .firmwareId(firmware.firmwareId())
                .productKey(firmware.productKey())
                .name(new StringI18nInfo().defaultValue(firmware.name())
                        .i18nValue(upload == null ? null : upload.i18nName()))
                .version(firmware.version())
                .fileUrl("enos-connect://" + firmware.firmwareId() + ".zip")
                .enableVerification(firmware.enableVerification())
                .isVerified(firmware.isVerified())
                .maxAllowedForVerification(store.verificationLimit(firmware))
                .minSuccessForVerified(firmware.minSuccessForVerified())
                .createTime(firmware.createTime());
        if (upload != null) {
            info.signMethod(upload.signMethod()).sign(upload.sign()).desc(upload.desc())
                    .firmwareTags(upload.firmwareTags());
        }
        // the generated type of fileSize (String or number in the spec) holds no value: it is set on the tree
        ObjectNode answered = (ObjectNode) context.responses().tree(info);
        if (upload != null) {
            answered.put("fileSize", upload.fileSize());
        }
        return answered;
    }
}
