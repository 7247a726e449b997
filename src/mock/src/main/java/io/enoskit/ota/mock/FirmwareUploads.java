package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.Violation;
import io.enoskit.ota.domain.Firmware;
import io.enoskit.ota.domain.FirmwareUploadRules;
import io.enoskit.ota.domain.OtaStore;
import io.enoskit.ota.model.FirmwareMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Create Firmware File behind its multipart check: the metadata's rules, the file kept in {@link FirmwareFiles},
 * the firmware in the store. Holds the one lock under which an upload's file and firmware are both stored or
 * neither is, and a delete or reset removes the files no firmware names.
 */
final class FirmwareUploads implements AutoCloseable {
    private final OtaStore store;
    private final FirmwareFiles files;

    FirmwareUploads(OtaStore store, FirmwareFiles files) {
        this.store = store;
        this.files = files;
    }

    /**
     * Stores an upload.
     *
     * @param orgId      the query's orgId
     * @param productKey the query's productKey, or null
     * @param metadata   the metadata part, checked against the spec
     * @param fileName   the file part's {@code filename}
     * @param file       the file part's bytes
     * @return the stored firmware, unverified
     * @throws ContractViolation 99400 naming the field of a broken rule ({@link FirmwareUploadRules}), a name the
     *                           product has already, or a file the store has no room for; nothing is stored then
     */
    synchronized Firmware create(String orgId, String productKey, FirmwareMetadata metadata, String fileName,
                                 byte[] file) {
        FirmwareUploadRules.check(metadata.getSignMethod().getValue(), metadata.getSign(),
                metadata.getFirmwareTags(), metadata.getMaxAllowedForVerification(),
                metadata.getMinSuccessForVerified(), file);
        removeUnusedFiles(); // files of firmware a reset dropped leave room
        String sha256 = files.put(file);
        try {
            Firmware.FirmwareUpload upload = new Firmware.FirmwareUpload(fileName, file.length,
                    metadata.getSignMethod().getValue(), metadata.getSign(), sha256, metadata.getDesc(),
                    metadata.getFirmwareTags(), metadata.getName().getI18nValue());
            return store.createFirmware(firmwareId -> new Firmware(orgId, firmwareId,
                    metadata.getName().getDefaultValue(), metadata.getVersion(),
                    Boolean.TRUE.equals(metadata.getEnableVerification()), false,
                    metadata.getMaxAllowedForVerification(), productKey, metadata.getMinSuccessForVerified(), null,
                    upload));
        } catch (RuntimeException refused) {
            removeUnusedFiles();
            throw refused;
        }
    }

    /** The file a firmware was uploaded with, if it has one and it is kept. */
    Optional<Path> file(String orgId, String firmwareId) {
        return store.firmwares(orgId).stream().filter(firmware -> firmware.firmwareId().equals(firmwareId))
                .findFirst().map(Firmware::upload).flatMap(upload -> files.file(upload.sha256()));
    }

    /** Removes the kept files no firmware of the store names (after a delete, a reset or a refused upload). */
    synchronized void removeUnusedFiles() {
        files.keepOnly(store.uploadedFileDigests());
    }

    /** The folder of the kept files. */
    Path folder() {
        return files.folder();
    }

    @Override
    public void close() {
        files.close();
    }

    /** A part the upload needs and lacks, as a 99400 naming it. */
    static ContractViolation missing(String part, String rule) {
        return new ContractViolation(List.of(new Violation(Objects.requireNonNull(part), rule)), false);
    }
}
