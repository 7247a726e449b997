package io.enoskit.ota.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Where the conformance features run and with which fixtures.
 *
 * <p>Each setting is read from, in this order: the system property {@code ota.<name>}, the environment variable
 * {@code OTA_<NAME>} (upper case, {@code baseUrl} → {@code OTA_BASE_URL}), the properties file named by
 * {@code ota.fixtures} / {@code OTA_FIXTURES}. Without a base URL the features run against the kit's own mock,
 * started in-process, with fixtures that match its default state.
 *
 * @param baseUrl              the server under test, e.g. {@code https://apigw.example.com}; null for the mock
 * @param orgId                the organization the jobs are created in
 * @param readyFirmwareId      a firmware an upgrade job may use (no verification needed, or already verified)
 * @param unverifiedFirmwareId a firmware with enableVerification on and not verified yet; null when there is none
 * @param missingFirmwareId    an id no firmware of the org has
 * @param deviceKeys           the only devices a created job may name (one at least)
 * @param verificationLimit    the ready firmware's verification limit (a count), or null when not known
 * @param allowWrites          whether scenarios that create jobs may run (always true for the mock)
 * @param auth                 gateway authentication: {@code none}, {@code token} (APIM token service), or
 *                             {@code poseidon} (the official EnOS Java client sends the requests)
 * @param appKey               the application key for {@code token}; null otherwise
 * @param appSecret            its secret; never printed, only used in digests
 */
public record TargetConfig(String baseUrl, String orgId, String readyFirmwareId, String unverifiedFirmwareId,
                           String missingFirmwareId, List<String> deviceKeys, Integer verificationLimit,
                           boolean allowWrites, String auth, String appKey, String appSecret) {

    /** The settings in force now (read on every call, so a test may change them between runs). */
    public static TargetConfig current() {
        Properties file = fixturesFile(setting(new Properties(), "fixtures"));
        String baseUrl = setting(file, "baseUrl");
        if (baseUrl == null) {
            return new TargetConfig(null, "yourOrgId", "yourFirmwareId", "unverifiedFirmwareId",
                    "noSuchFirmware-" + UUID.randomUUID(), List.of("deviceKey1", "deviceKey2"), 5, true,
                    "none", null, null);
        }
        String keys = setting(file, "deviceKeys");
        String limit = setting(file, "verificationLimit");
        String missing = setting(file, "missingFirmwareId");
        return new TargetConfig(baseUrl.replaceAll("/+$", ""), setting(file, "orgId"),
                setting(file, "readyFirmwareId"), setting(file, "unverifiedFirmwareId"),
                missing != null ? missing : "conformance-no-such-firmware-" + UUID.randomUUID(),
                keys == null ? List.of() : Arrays.stream(keys.split(",")).map(String::trim)
                        .filter(key -> !key.isEmpty()).toList(),
                limit == null ? null : Integer.valueOf(limit.trim()),
                Boolean.parseBoolean(setting(file, "allowWrites")),
                setting(file, "auth") == null ? "none" : setting(file, "auth"),
                setting(file, "appKey"), setting(file, "appSecret"));
    }

    /** True when the features run against the kit's own in-process mock. */
    public boolean isMock() {
        return baseUrl == null;
    }

    /** What is missing for any scenario to run against this target, or null when nothing is. */
    public String missingBasics() {
        if (isMock()) {
            return null;
        }
        if (orgId == null || orgId.isBlank()) {
            return "no orgId given (ota.orgId or OTA_ORG_ID)";
        }
        if (readyFirmwareId == null || readyFirmwareId.isBlank()) {
            return "no readyFirmwareId given (ota.readyFirmwareId or OTA_READY_FIRMWARE_ID)";
        }
        if (!auth.equals("token") && !auth.equals("poseidon") && !auth.equals("none")) {
            return "auth must be none, token or poseidon, was " + auth;
        }
        if (!auth.equals("none") && (appKey == null || appSecret == null)) {
            return "auth " + auth + " needs an appKey and an appSecret (OTA_APP_KEY, OTA_APP_SECRET)";
        }
        if (auth.equals("poseidon") && !PoseidonTransport.available()) {
            return "auth poseidon needs com.envisioniot:apim-poseidon on the class path";
        }
        return null;
    }

    private static String setting(Properties file, String name) {
        String value = System.getProperty("ota." + name);
        if (value == null) {
            value = System.getenv("OTA_" + name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT));
        }
        if (value == null) {
            value = file.getProperty(name);
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static Properties fixturesFile(String path) {
        Properties properties = new Properties();
        if (path == null) {
            return properties;
        }
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the fixtures file " + path, e);
        }
    }

    /** The settings as shown in reports: never a secret (none is held here), no null noise. */
    public Map<String, Object> describe() {
        return Map.of("target", isMock() ? "the kit's in-process mock" : baseUrl,
                "orgId", String.valueOf(orgId), "allowWrites", allowWrites, "auth", auth);
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "TargetConfig" + describe();
    }
}
