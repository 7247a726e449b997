package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.domain.Firmware;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Create Firmware File and Delete Firmware on a running mock: an upload is answered with its firmwareId and then
 * read back by Get and Search Firmware File; its file is kept on disk and survives a restart with a state file;
 * every hostile body (no boundary, a part without a name, 10,000 parts, a file over the limit, metadata that is no
 * JSON, a body cut short) is a 99400 or 413 naming the part, and stores nothing.
 */
class FirmwareFilesHttpTest {
    private static final String FIRMWARES = "/connect-service/v2.1/ota-firmwares";
    private static final String CREATE = FIRMWARES + "?action=create&orgId=yourOrgId&productKey=yourProductKey";
    private static final String BOUNDARY = "kitBoundary7MA4YWxk";
    private static final byte[] FILE = "firmware image 1.2\n".getBytes(StandardCharsets.UTF_8);
    private final HttpClient http = HttpClient.newHttpClient();
    private OtaMockServer mock;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort());
    }

    @AfterEach
    void stop() {
        if (mock != null) {
            mock.close();
        }
    }

    static String metadata(String name, String signMethod, String sign) {
        return Json.write(Map.of("name", Map.of("defaultValue", name, "i18nValue", Map.of("en_US", name)),
                "version", "1.2", "signMethod", signMethod, "sign", sign, "desc", "uploaded by a test",
                "enableVerification", true, "firmwareTags", Map.of("hardware", "rev-b"),
                "maxAllowedForVerification", 3, "minSuccessForVerified", 1));
    }

    static byte[] form(String metadata, byte[] file) {
        return multipart(List.of(part("form-data; name=\"metadata\"", "application/json",
                metadata.getBytes(StandardCharsets.UTF_8)),
                part("form-data; name=\"file\"; filename=\"fw-1.2.zip\"", "application/octet-stream", file)));
    }

    record Part(String disposition, String contentType, byte[] content) {
    }

    static Part part(String disposition, String contentType, byte[] content) {
        return new Part(disposition, contentType, content);
    }

    static byte[] multipart(List<Part> parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: " + part.disposition() + "\r\nContent-Type: "
                    + part.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private HttpResponse<String> post(String pathAndQuery, String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + pathAndQuery))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(byte[] body) throws Exception {
        return post(CREATE, "multipart/form-data; boundary=" + BOUNDARY, body);
    }

    private JsonNode get(String firmwareId) throws Exception {
        return Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + FIRMWARES
                        + "?action=get&orgId=yourOrgId&firmwareId=" + firmwareId)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    @Test
    void anUploadIsAnsweredWithItsIdAndReadBackWithItsSignSizeAndTags() throws Exception {
        HttpResponse<String> created = upload(form(metadata("Test firmware", "md5", DigestUtils.md5Hex(FILE)),
                FILE));

        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode answer = json(created);
        assertThat(answer.path("code").asInt()).isZero();
        String firmwareId = answer.path("data").path("firmwareId").asText();
        assertThat(firmwareId).matches("[0-9a-f]{24}");
        JsonNode firmware = get(firmwareId).path("data");
        assertThat(firmware.path("version").asText()).isEqualTo("1.2");
        assertThat(firmware.path("signMethod").asText()).isEqualTo("md5");
        assertThat(firmware.path("sign").asText()).isEqualTo(DigestUtils.md5Hex(FILE));
        assertThat(firmware.path("fileSize").asLong()).isEqualTo(FILE.length);
        assertThat(firmware.path("fileUrl").asText()).isEqualTo("enos-connect://" + firmwareId + ".zip");
        assertThat(firmware.path("isVerified").asBoolean(true)).isFalse();
        assertThat(firmware.path("firmwareTags").path("hardware").asText()).isEqualTo("rev-b");
        assertThat(firmware.path("name").path("i18nValue").path("en_US").asText()).isEqualTo("Test firmware");
        assertThat(firmware.path("productKey").asText()).isEqualTo("yourProductKey");
        assertThat(mock.firmwareFile("yourOrgId", firmwareId)).get().satisfies(path ->
                assertThat(Files.readAllBytes(path)).isEqualTo(FILE));
        JsonNode search = json(post(FIRMWARES + "?action=search&orgId=yourOrgId", "application/json",
                "{\"expression\":\"isVerified = false\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(search.path("data").findValuesAsText("firmwareId")).contains(firmwareId);
    }

    @Test
    void aBinaryFileIsKeptByteForByte() throws Exception {
        // A real image is binary: every byte value, ending in bytes no UTF-8 text has (0x80 alone, then 0xFF).
        byte[] image = new byte[258];
        for (int i = 0; i < 256; i++) {
            image[i] = (byte) i;
        }
        image[256] = (byte) 0x80;
        image[257] = (byte) 0xFF;

        JsonNode answer = json(upload(form(metadata("Binary firmware", "md5", DigestUtils.md5Hex(image)), image)));

        assertThat(answer.path("code").asInt(-1)).as(answer.toString()).isZero();
        String firmwareId = answer.path("data").path("firmwareId").asText();
        assertThat(get(firmwareId).path("data").path("fileSize").asLong()).isEqualTo(image.length);
        assertThat(mock.firmwareFile("yourOrgId", firmwareId)).get().satisfies(path ->
                assertThat(Files.readAllBytes(path)).isEqualTo(image));
    }

    @Test
    void aSha256SignIsCheckedInAnyCase() throws Exception {
        JsonNode answer = json(upload(form(metadata("Sha firmware", "sha256",
                DigestUtils.sha256Hex(FILE).toUpperCase()), FILE)));

        assertThat(answer.path("code").asInt()).isZero();
    }

    @Test
    void aSignThatIsNotTheFilesDigestIsRefusedNamingSignAndStoresNothing() throws Exception {
        List<Firmware> before = mock.firmwares("yourOrgId");

        JsonNode answer = json(upload(form(metadata("Bad sign", "md5", DigestUtils.md5Hex("other")), FILE)));

        assertThat(answer.path("code").asInt()).isEqualTo(99400);
        assertThat(answer.path("msg").asText()).startsWith("Invalid Argument metadata.sign: is not the md5 digest")
                .contains(DigestUtils.md5Hex(FILE));
        assertThat(mock.firmwares("yourOrgId")).isEqualTo(before);
        assertStoreFolderEmpty();
    }

    @Test
    void aNameThatTheProductHasIsRefusedNamingName() throws Exception {
        upload(form(metadata("Twice", "md5", DigestUtils.md5Hex(FILE)), FILE));
        List<Firmware> before = mock.firmwares("yourOrgId");

        JsonNode answer = json(upload(form(metadata("Twice", "md5", DigestUtils.md5Hex(FILE)), FILE)));

        assertThat(answer.path("code").asInt()).isEqualTo(99400);
        assertThat(answer.path("msg").asText()).contains("metadata.name:").contains("unique per product");
        assertThat(mock.firmwares("yourOrgId")).isEqualTo(before);
    }

    @Test
    void metadataThatBreaksItsSchemaOrRelationsIsRefusedNamingEachField() throws Exception {
        String noSign = "{\"name\":{\"defaultValue\":\"n\"},\"version\":\"1\",\"signMethod\":\"crc\","
                + "\"enableVerification\":false}";
        JsonNode schema = json(upload(form(noSign, FILE)));
        assertThat(schema.path("code").asInt()).isEqualTo(99400);
        assertThat(schema.path("msg").asText()).contains("metadata.sign:").contains("metadata.signMethod:");

        String counts = metadata("Counts", "md5", DigestUtils.md5Hex(FILE)).replace("\"minSuccessForVerified\":1",
                "\"minSuccessForVerified\":4");
        assertThat(counts).contains("\"minSuccessForVerified\":4");
        JsonNode relation = json(upload(form(counts, FILE)));
        assertThat(relation.path("msg").asText()).contains("metadata.minSuccessForVerified: must be at most");
        assertStoreFolderEmpty();
    }

    @Test
    void deleteRemovesTheFirmwareAndItsFileAnUnknownOneIs24404() throws Exception {
        String firmwareId = json(upload(form(metadata("Gone soon", "md5", DigestUtils.md5Hex(FILE)), FILE)))
                .path("data").path("firmwareId").asText();
        Path file = mock.firmwareFile("yourOrgId", firmwareId).orElseThrow();

        JsonNode deleted = json(post(FIRMWARES + "?action=delete&orgId=yourOrgId&firmwareId=" + firmwareId,
                "application/json", new byte[0]));

        assertThat(deleted.path("code").asInt()).isZero();
        assertThat(deleted.path("data").isNull()).isTrue();
        assertThat(get(firmwareId).path("code").asInt()).isEqualTo(24404);
        assertThat(file).doesNotExist();
        JsonNode again = json(post(FIRMWARES + "?action=delete&orgId=yourOrgId&firmwareId=" + firmwareId,
                "application/json", new byte[0]));
        assertThat(again.path("code").asInt()).isEqualTo(24404);
        assertThat(again.path("msg").asText()).isEqualTo("Firmware not found");
    }

    /** Every reset drops uploaded firmware with the default state, and its file with it, at once. */
    @Test
    void aResetRemovesUploadedFilesWithTheirFirmware() throws Exception {
        Path byAdminRoute = uploadedFile("Reset by the admin route");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/ota/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        assertThat(byAdminRoute).doesNotExist();

        Path byWireMockReset = uploadedFile("Reset by WireMock");
        mock.reset();
        assertThat(byWireMockReset).doesNotExist();

        Path byStateReset = uploadedFile("Reset of the state only");
        mock.resetState();
        assertThat(byStateReset).doesNotExist();
        assertStoreFolderEmpty();
    }

    private Path uploadedFile(String name) throws Exception {
        byte[] file = (name + "\n").getBytes(StandardCharsets.UTF_8);
        String firmwareId = json(upload(form(metadata(name, "md5", DigestUtils.md5Hex(file)), file)))
                .path("data").path("firmwareId").asText();
        Path kept = mock.firmwareFile("yourOrgId", firmwareId).orElseThrow();
        assertThat(kept).exists();
        return kept;
    }

    @Test
    void aFirmwareAJobNamesCannotBeDeleted() throws Exception {
        HttpResponse<String> job = post("/connect-service/v2.1/ota-jobs?action=create&orgId=yourOrgId"
                + "&firmwareId=yourFirmwareId", "application/json", ("{\"type\":\"upgrade\",\"upgradePolicy\":"
                + "\"snapshot\",\"enableUpgradeRequest\":true,\"upgradeScope\":{\"type\":\"partial\","
                + "\"deviceKeys\":[\"deviceKey1\"]}}").getBytes(StandardCharsets.UTF_8));
        assertThat(json(job).path("code").asInt()).isZero();

        JsonNode refused = json(post(FIRMWARES + "?action=delete&orgId=yourOrgId&firmwareId=yourFirmwareId",
                "application/json", new byte[0]));

        assertThat(refused.path("code").asInt()).isEqualTo(24604);
        assertThat(refused.path("msg").asText()).isEqualTo("Firmware cannot be deleted");
        assertThat(get("yourFirmwareId").path("code").asInt()).isZero();
    }

    @Test
    void hostileBodiesAreRefusedNamingThePartAndStoreNothing() throws Exception {
        List<Firmware> before = mock.firmwares("yourOrgId");
        String sign = DigestUtils.md5Hex(FILE);
        byte[] good = form(metadata("Hostile", "md5", sign), FILE);

        assertRefused(post(CREATE, "multipart/form-data", good), 200, "Content-Type: ");
        assertRefused(upload(multipart(List.of(part("form-data", "application/json",
                metadata("Hostile", "md5", sign).getBytes(StandardCharsets.UTF_8)),
                part("form-data; name=\"file\"; filename=\"f.zip\"", "application/octet-stream", FILE)))),
                200, "part[0]: has no name");
        List<Part> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add(part("form-data; name=\"p" + i + "\"", "text/plain", new byte[0]));
        }
        assertRefused(upload(multipart(many)), 200, "body: has more than 16 parts");
        assertRefused(upload(form(metadata("Hostile", "md5", sign),
                new byte[(int) MockOptions.DEFAULT_MAX_UPLOAD_BYTES + 1])), 413, "body: ");
        assertRefused(upload(form("name=Hostile&version=1", FILE)), 200, "metadata: is not well-formed JSON");
        assertRefused(upload(Arrays.copyOf(good, good.length - 30)), 200, "body: ");
        assertRefused(upload(multipart(List.of(part("form-data; name=\"metadata\"", "application/json",
                metadata("Hostile", "md5", sign).getBytes(StandardCharsets.UTF_8))))), 200, "file: is mandatory");

        assertThat(mock.firmwares("yourOrgId")).isEqualTo(before);
        assertStoreFolderEmpty();
    }

    @Test
    void anImageOfMegabytesIsUploadedAtTheDefaults() throws Exception {
        // Over the 1 MiB a JSON body may have: an upload has its own limit (64 MiB by default).
        byte[] image = new byte[3 * 1024 * 1024 + 7];
        new Random(16).nextBytes(image);

        JsonNode answer = json(upload(form(metadata("Large firmware", "md5", DigestUtils.md5Hex(image)), image)));

        assertThat(answer.path("code").asInt(-1)).as(answer.toString()).isZero();
        assertThat(get(answer.path("data").path("firmwareId").asText()).path("data").path("fileSize").asLong())
                .isEqualTo(image.length);
    }

    @Test
    void eachLimitIsNamedByTheOptionThatSetsIt() throws Exception {
        mock.close();
        mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().maxUploadBytes(4096).maxBodyBytes(2048));
        byte[] image = new byte[5000];

        assertRefused(upload(form(metadata("Too large", "md5", DigestUtils.md5Hex(image)), image)), 413,
                "more than the 4096 the mock accepts (--max-upload-bytes)");
        // A JSON body between the two limits is still held to its own.
        byte[] search = ("{\"expression\":\"" + "x".repeat(3000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertRefused(post(FIRMWARES + "?action=search&orgId=yourOrgId", "application/json", search), 413,
                "more than the 2048 the mock accepts (--max-body-bytes)");
        assertThat(mock.firmwares("yourOrgId")).noneMatch(firmware -> firmware.name().equals("Too large"));
    }

    private static void assertRefused(HttpResponse<String> response, int status, String names) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode answer = json(response);
        assertThat(answer.path("code").asInt()).as(response.body()).isEqualTo(99400);
        assertThat(answer.path("msg").asText()).startsWith("Invalid Argument ").contains(names);
        assertThat(answer.path("data").isNull()).isTrue();
    }

    private void assertStoreFolderEmpty() throws Exception {
        Path folder = mock.firmwareFolder();
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            assertThat(files.filter(path -> !path.getFileName().toString().startsWith(".")).toList()).isEmpty();
        }
    }

    @Test
    void aRestartWithAStateFileKeepsTheFirmwareAndItsFile() throws Exception {
        mock.close();
        Path state = dir.resolve("state.json");
        mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().stateFile(state));
        String firmwareId = json(upload(form(metadata("Kept", "md5", DigestUtils.md5Hex(FILE)), FILE)))
                .path("data").path("firmwareId").asText();
        mock.close();

        mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().stateFile(state));

        JsonNode firmware = get(firmwareId).path("data");
        assertThat(firmware.path("sign").asText()).isEqualTo(DigestUtils.md5Hex(FILE));
        assertThat(firmware.path("fileSize").asLong()).isEqualTo(FILE.length);
        assertThat(mock.firmwareFile("yourOrgId", firmwareId)).get().satisfies(path -> {
            assertThat(path).startsWith(dir);
            assertThat(Files.readAllBytes(path)).isEqualTo(FILE);
        });
    }

    @Test
    void theStoreLimitRefusesAnUploadThatWouldPassIt() throws Exception {
        mock.close();
        mock = OtaMockServer.start(MockOptions.mockOptions().dynamicPort().firmwareStoreBytes(FILE.length + 5));
        assertThat(json(upload(form(metadata("First", "md5", DigestUtils.md5Hex(FILE)), FILE))).path("code")
                .asInt()).isZero();
        byte[] other = "another firmware image\n".getBytes(StandardCharsets.UTF_8);

        JsonNode refused = json(upload(form(metadata("Second", "md5", DigestUtils.md5Hex(other)), other)));

        assertThat(refused.path("code").asInt()).isEqualTo(99400);
        assertThat(refused.path("msg").asText()).contains("file: does not fit in the mock's firmware store");
    }
}
