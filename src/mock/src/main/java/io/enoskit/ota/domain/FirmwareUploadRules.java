package io.enoskit.ota.domain;

import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The rules of Create Firmware File that its spec cannot state: each breach is a 99400 naming the field as
 * {@code metadata.<field>} (the pages list no error codes for the operation, so the code is inferred).
 */
public final class FirmwareUploadRules {
    /** Tag keys: letters, digits, {@code _}, {@code -} and {@code /}, 1 to 50 (Limitations, tags; documented). */
    private static final Pattern TAG_KEY = Pattern.compile("[A-Za-z0-9_/-]{1,50}");

    private FirmwareUploadRules() {
    }

    /**
     * Checks the metadata's relations and the file against its sign.
     *
     * @param signMethod                {@code md5} or {@code sha256} (the spec has checked the value)
     * @param sign                      the digest the client sent, hex in any case
     * @param firmwareTags              the tags, or null
     * @param maxAllowedForVerification the verification limit, or null
     * @param minSuccessForVerified     the successes that verify, or null
     * @param file                      the file's bytes
     * @throws ContractViolation naming each field that breaks a rule: {@code metadata.firmwareTags} (a key that is
     *                           not letters, digits, _ - / up to 50 characters, or a value with white space at
     *                           either end; documented, Limitations), {@code metadata.minSuccessForVerified} (more
     *                           than {@code maxAllowedForVerification}; documented), {@code metadata.sign} (not the
     *                           file's digest by {@code signMethod}; inferred)
     */
    public static void check(String signMethod, String sign, Map<String, String> firmwareTags,
                             Integer maxAllowedForVerification, Integer minSuccessForVerified, byte[] file) {
        List<Violation> violations = new ArrayList<>();
        if (firmwareTags != null) {
            firmwareTags.forEach((key, value) -> {
                if (!TAG_KEY.matcher(key).matches()) {
                    violations.add(new Violation("metadata.firmwareTags", "the key '" + shown(key) + "' must be 1 to"
                            + " 50 letters, digits, _, - or /"));
                } else if (value != null && !value.equals(value.strip())) {
                    violations.add(new Violation("metadata.firmwareTags", "the value of '" + key + "' must not"
                            + " start or end with white space"));
                }
            });
        }
        if (maxAllowedForVerification != null && minSuccessForVerified != null
                && minSuccessForVerified > maxAllowedForVerification) {
            violations.add(new Violation("metadata.minSuccessForVerified", "must be at most"
                    + " maxAllowedForVerification (" + maxAllowedForVerification + "), was " + minSuccessForVerified));
        }
        String digest = digest(signMethod, file);
        if (!digest.equals(sign.toLowerCase(Locale.ROOT))) {
            violations.add(new Violation("metadata.sign", "is not the " + signMethod + " digest of the file part"
                    + " (the file's is " + digest + ")"));
        }
        if (!violations.isEmpty()) {
            throw new ContractViolation(violations, false);
        }
    }

    /** The file's digest by {@code signMethod}, lowercase hex. */
    public static String digest(String signMethod, byte[] file) {
        return switch (signMethod) {
            case "md5" -> DigestUtils.md5Hex(file);
            case "sha256" -> DigestUtils.sha256Hex(file);
            default -> throw new IllegalArgumentException("signMethod " + signMethod + " is neither md5 nor sha256");
        };
    }

    private static String shown(String key) {
        return key.length() > 60 ? key.substring(0, 60) + "…" : key;
    }
}
