package io.enoskit.ota.domain;

import java.util.Map;

/**
 * A firmware (fields of FirmwareInfo on the "Get Firmware File" page), as the state file, the admin routes or Create
 * Firmware File put it in the store. Its JSON there is an object with the components' names and types.
 *
 * @param orgId                     the organization that owns it
 * @param firmwareId                its id, the {@code firmwareId} query parameter of create
 * @param name                      default-locale name, echoed as {@code firmwareName} by Get OTA Job (required,
 *                                  as in Create Firmware File)
 * @param version                   the version devices get, echoed as {@code firmwareVersion} (required)
 * @param enableVerification        when true, upgrade jobs need the firmware verified first (24610)
 * @param isVerified                whether a verification job has completed on it
 * @param maxAllowedForVerification the most {@code deviceKeys} a verification job may name (a count, at
 *                                  least 1), or null for the state's default (24612)
 * @param productKey                the product whose devices a {@code total} scope upgrades (null: every device of
 *                                  the org the state file lists)
 * @param minSuccessForVerified     succeeded tasks of a verification job that make it verified (a count, at least
 *                                  1), or null for all of the job's tasks
 * @param createTime                when it was created, milliseconds since the epoch; null: when the mock stored it
 * @param upload                    what Create Firmware File uploaded with it (file, digest, description, tags,
 *                                  translations); null for firmware of the state file or the admin routes
 */
public record Firmware(String orgId, String firmwareId, String name, String version,
                       boolean enableVerification, boolean isVerified, Integer maxAllowedForVerification,
                       String productKey, Integer minSuccessForVerified, Long createTime, FirmwareUpload upload) {

    public Firmware {
        requireText(orgId, "orgId");
        requireText(firmwareId, "firmwareId");
        requireText(name, "name");
        requireText(version, "version");
        if (maxAllowedForVerification != null && maxAllowedForVerification < 1) {
            throw new IllegalArgumentException(
                    "maxAllowedForVerification must be at least 1, was " + maxAllowedForVerification);
        }
        if (minSuccessForVerified != null && (minSuccessForVerified < 1 || (maxAllowedForVerification != null
                && minSuccessForVerified > maxAllowedForVerification))) {
            throw new IllegalArgumentException("minSuccessForVerified must be at least 1 and at most"
                    + " maxAllowedForVerification, was " + minSuccessForVerified);
        }
    }

    /** A firmware the state file or the admin routes name, with no uploaded file. */
    public Firmware(String orgId, String firmwareId, String name, String version, boolean enableVerification,
                    boolean isVerified, Integer maxAllowedForVerification, String productKey,
                    Integer minSuccessForVerified, Long createTime) {
        this(orgId, firmwareId, name, version, enableVerification, isVerified, maxAllowedForVerification, productKey,
                minSuccessForVerified, createTime, null);
    }

    /** A firmware without product, verification threshold or creation time. */
    public Firmware(String orgId, String firmwareId, String name, String version, boolean enableVerification,
                    boolean isVerified, Integer maxAllowedForVerification) {
        this(orgId, firmwareId, name, version, enableVerification, isVerified, maxAllowedForVerification, null, null,
                null, null);
    }

    /** The same firmware, now verified (a verification job on it completed). */
    public Firmware verified() {
        return new Firmware(orgId, firmwareId, name, version, enableVerification, true, maxAllowedForVerification,
                productKey, minSuccessForVerified, createTime, upload);
    }

    /** The same firmware, owned by the given org under the given id (ids from an admin route's path win). */
    public Firmware at(String newOrgId, String newFirmwareId) {
        return new Firmware(newOrgId, newFirmwareId, name, version, enableVerification, isVerified,
                maxAllowedForVerification, productKey, minSuccessForVerified, createTime, upload);
    }

    /** The same firmware, created at the given time (milliseconds since the epoch) unless it says when. */
    Firmware createdAt(long millis) {
        return createTime != null ? this : new Firmware(orgId, firmwareId, name, version, enableVerification,
                isVerified, maxAllowedForVerification, productKey, minSuccessForVerified, millis, upload);
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required and must not be blank");
        }
    }

    /**
     * What Create Firmware File uploads beside the fields above.
     *
     * <p>JSON shape: {@code {"fileName": String, "fileSize": Long, "signMethod": "md5"|"sha256", "sign": String,
     * "sha256": String, "desc": String|null, "firmwareTags": {String: String}|null, "i18nName": {String: String}|null}}.
     *
     * @param fileName     the {@code filename} the file part was sent with
     * @param fileSize     the file's length, bytes
     * @param signMethod   {@code md5} or {@code sha256}
     * @param sign         the digest as the client sent it (hex, any case)
     * @param sha256       the file's SHA-256, lowercase hex: how the mock's file store finds and checks the file
     * @param desc         the description, or null
     * @param firmwareTags the tags, or null
     * @param i18nName     the name's translations (locale to text), or null
     */
    public record FirmwareUpload(String fileName, long fileSize, String signMethod, String sign, String sha256,
                                 String desc, Map<String, String> firmwareTags, Map<String, String> i18nName) {
        public FirmwareUpload {
            requireText(fileName, "fileName");
            requireText(signMethod, "signMethod");
            requireText(sign, "sign");
            requireText(sha256, "sha256");
            if (fileSize < 0) {
                throw new IllegalArgumentException("fileSize must not be negative, was " + fileSize);
            }
            firmwareTags = firmwareTags == null ? null : Map.copyOf(firmwareTags);
            i18nName = i18nName == null ? null : Map.copyOf(i18nName);
        }
    }
}
