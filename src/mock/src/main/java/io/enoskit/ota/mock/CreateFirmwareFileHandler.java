package io.enoskit.ota.mock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.ValidRequest;
import io.enoskit.ota.contract.Violation;
import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.domain.Firmware;
import io.enoskit.ota.model.FirmwareCreateResult;
import io.enoskit.ota.model.FirmwareMetadata;
import java.util.List;

/**
 * Serves Create Firmware File ({@code POST /connect-service/v2.1/ota-firmwares?action=create&orgId[&productKey]},
 * multipart/form-data, the spec {@code ota-firmware-create.yaml}). The data path: the query and Content-Type against
 * the spec; the body split into parts ({@link MultipartForm}, at most {@value #MAX_PARTS}); the {@code metadata} part
 * against FirmwareMetadata; the {@code file} part present with a filename; then {@link FirmwareUploads} (rules, file,
 * store); {@code data: {firmwareId}}. Every refusal is a 99400 naming the part or field and stores nothing.
 */
final class CreateFirmwareFileHandler implements OperationHandler {
    /** The most parts a body may have (the page names two; a mock's limit, inferred). */
    static final int MAX_PARTS = 16;
    private final FirmwareUploads uploads;
    private final OperationContext context;

    CreateFirmwareFileHandler(FirmwareUploads uploads, OperationContext context) {
        this.uploads = uploads;
        this.context = context;
    }

    @Override
    public Object respond(OperationCall upload) {
        ValidRequest call = upload.check();
        MultipartForm form = MultipartForm.read(upload.documented().contentType(), upload.received().getBody(),
                MAX_PARTS);
        MultipartForm.Part metadataPart = form.parts().get("metadata");
        if (metadataPart == null) {
            throw FirmwareUploads.missing("metadata", "is mandatory but the body has no part of that name; send the"
                    + " firmware's metadata as JSON in a part named metadata");
        }
        MultipartForm.Part file = form.parts().get("file");
        if (file == null) {
            throw FirmwareUploads.missing("file", "is mandatory but the body has no part of that name; send the"
                    + " firmware in a part named file, with a filename");
        }
        if (file.fileName() == null || file.fileName().isBlank()) {
            throw FirmwareUploads.missing("file", "has no filename in its Content-Disposition (form-data;"
                    + " name=\"file\"; filename=\"...\")");
        }
        List<String> unknown = form.parts().keySet().stream()
                .filter(name -> !name.equals("metadata") && !name.equals("file")).toList();
        if (!unknown.isEmpty() && context.profile().refusesUnknownFields()) {
            throw new ContractViolation(unknown.stream().map(name -> new Violation(name, "is not a part of Create"
                    + " Firmware File (metadata, file)")).toList(), false);
        }
        JsonNode metadata = upload.contract().checkJsonPart("metadata", "FirmwareMetadata", metadataPart.text());
        FirmwareMetadata decoded;
        try {
            decoded = Json.mapper().treeToValue(metadata, FirmwareMetadata.class);
        } catch (JsonProcessingException | IllegalArgumentException unfit) {
            throw FirmwareUploads.missing("metadata", "cannot be read as FirmwareMetadata: " + unfit.getMessage());
        }
        Firmware firmware = uploads.create(call.query("orgId"), call.query("productKey"), decoded, file.fileName(),
                file.content());
        return new FirmwareCreateResult().firmwareId(firmware.firmwareId());
    }
}
