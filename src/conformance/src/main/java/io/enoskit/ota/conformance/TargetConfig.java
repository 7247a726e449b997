package io.enoskit.ota.conformance;

import io.enoskit.ota.profile.EnosVersion;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Where the conformance features run and with which fixtures. Built by the {@code conform} command from its
 * options, or {@link #inProcessMock()} for the kit's own mock.
 *
 * @param baseUrl              the server under test, e.g. {@code https://apigw.example.com}; null for the in-process
 *                             mock
 * @param orgId                the organization the jobs are created in
 * @param otherOrgId           a second organization of the user's, for the isolation rules; null to use an
 *                             organization id that cannot exist
 * @param readyFirmwareId      a firmware an upgrade job may use (no verification needed, or already verified)
 * @param unverifiedFirmwareId a firmware with enableVerification on and not verified yet; null when there is none
 * @param missingFirmwareId    an id no firmware of the org has
 * @param deviceKeys           the only devices a created job may name
 * @param verificationLimit    the ready firmware's verification limit (a count), or null when not known
 * @param allowWrites          whether scenarios that create jobs may run (always true for the mock)
 * @param auth                 gateway authentication of the calls
 * @param appKey               the application key for {@code token} and {@code poseidon}; null otherwise
 * @param appSecret            its secret; never printed, only used in digests
 * @param timeout              connect and read timeout of every call
 * @param enosVersion          the EnOS release whose rules are checked (reference notes §7): fields of later releases
 *                             in an answer are observations, rules of later releases are not run; the newest release
 *                             the kit covers when null
 */
public record TargetConfig(String baseUrl, String orgId, String otherOrgId, String readyFirmwareId,
                           String unverifiedFirmwareId, String missingFirmwareId, List<String> deviceKeys,
                           Integer verificationLimit, boolean allowWrites, Auth auth, String appKey,
                           String appSecret, Duration timeout, EnosVersion enosVersion) {
    /** Connect and read timeout of a call when none is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** How calls authenticate at the gateway. */
    public enum Auth {
        /** No credentials: a mock, or a gateway in front of nothing. */
        NONE,
        /** The APIM token service and signed calls. */
        TOKEN,
        /** The official EnOS Java client (Poseidon) sends every call with its own credentials. */
        POSEIDON
    }

    public TargetConfig {
        deviceKeys = deviceKeys == null ? List.of() : List.copyOf(deviceKeys);
        auth = auth == null ? Auth.NONE : auth;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        missingFirmwareId = missingFirmwareId != null ? missingFirmwareId
                : "enos-ota-kit-no-such-firmware-" + UUID.randomUUID();
        if (baseUrl != null) {
            baseUrl = baseUrl.replaceAll("/+$", "");
        }
        enosVersion = enosVersion == null ? EnosVersion.newest() : enosVersion;
    }

    /** A target checked on the rules of the newest EnOS release the kit covers. */
    public TargetConfig(String baseUrl, String orgId, String otherOrgId, String readyFirmwareId,
                        String unverifiedFirmwareId, String missingFirmwareId, List<String> deviceKeys,
                        Integer verificationLimit, boolean allowWrites, Auth auth, String appKey,
                        String appSecret, Duration timeout) {
        this(baseUrl, orgId, otherOrgId, readyFirmwareId, unverifiedFirmwareId, missingFirmwareId, deviceKeys,
                verificationLimit, allowWrites, auth, appKey, appSecret, timeout, null);
    }

    /** The kit's own mock, started in-process, with fixtures that match its default state. */
    public static TargetConfig inProcessMock() {
        return new TargetConfig(null, "yourOrgId", null, "yourFirmwareId", "unverifiedFirmwareId", null,
                List.of("deviceKey1", "deviceKey2", "deviceKey3", "deviceKey4", "deviceKey5"), 5, true, Auth.NONE,
                null, null, DEFAULT_TIMEOUT);
    }

    /** True when the features run against the kit's own in-process mock. */
    public boolean isMock() {
        return baseUrl == null;
    }

    /** This configuration aimed at another base URL (null: the in-process mock). */
    public TargetConfig withBaseUrl(String url) {
        return new TargetConfig(url, orgId, otherOrgId, readyFirmwareId, unverifiedFirmwareId, missingFirmwareId,
                deviceKeys, verificationLimit, allowWrites, auth, appKey, appSecret, timeout, enosVersion);
    }

    /** This configuration checked on the rules of another EnOS release. */
    public TargetConfig withEnosVersion(EnosVersion version) {
        return new TargetConfig(baseUrl, orgId, otherOrgId, readyFirmwareId, unverifiedFirmwareId, missingFirmwareId,
                deviceKeys, verificationLimit, allowWrites, auth, appKey, appSecret, timeout, version);
    }

    /** The settings as shown in reports: never the secret. */
    public Map<String, Object> describe() {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("target", isMock() ? "the kit's in-process mock" : baseUrl);
        shown.put("orgId", orgId);
        shown.put("auth", auth.name().toLowerCase(Locale.ROOT));
        shown.put("allowWrites", allowWrites);
        shown.put("EnOS release", enosVersion.label());
        return shown;
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "TargetConfig" + describe();
    }
}
