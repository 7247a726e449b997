package io.enoskit.ota.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.Operation;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Create Firmware File and Delete Firmware. What an upload creates on a target other than the in-process mock is
 * deleted at the end of the run with the jobs ({@link CreatedJobs}); the firmware is tiny, needs verification and
 * is named after the kit, so no device is ever upgraded to it.
 */
public final class FirmwareUploadSteps {
    private final ConformanceWorld world;
    private final byte[] file = ("enos-ota-kit conformance firmware " + UUID.randomUUID() + "\n")
            .getBytes(StandardCharsets.UTF_8);
    private final String name = "enos-ota-kit conformance " + UUID.randomUUID();
    private String uploadedId;

    public FirmwareUploadSteps(ConformanceWorld world) {
        this.world = world;
    }

    /** The metadata of the kit's firmware: only the mandatory fields (documented table). */
    private Map<String, Object> metadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", Map.of("defaultValue", name));
        metadata.put("version", "0.0.0-enos-ota-kit");
        metadata.put("signMethod", "md5");
        metadata.put("sign", DigestUtils.md5Hex(file));
        metadata.put("enableVerification", true);
        return metadata;
    }

    @Given("a firmware the kit uploaded")
    public void uploaded() {
        upload();
        assertThat(uploadedId).as("the firmwareId of the kit's upload, %s", world.body()).isNotBlank();
    }

    @When("I upload a firmware file with its md5 sign")
    public void upload() {
        upload(metadata());
        JsonNode body = world.body();
        uploadedId = body.path("data").path("firmwareId").asText(null);
        world.run().createdJobs().recordFirmware(world.target().orgId(), uploadedId);
    }

    @When("I upload a firmware file whose metadata lacks sign")
    public void uploadWithoutSign() {
        Map<String, Object> metadata = metadata();
        metadata.remove("sign");
        assertThat(metadata).as("the metadata sent").doesNotContainKey("sign");
        upload(metadata);
        String firmwareId = world.body().path("data").path("firmwareId").asText(null);
        world.run().createdJobs().recordFirmware(world.target().orgId(), firmwareId);
    }

    private void upload(Map<String, Object> metadata) {
        if (world.target().auth() == TargetConfig.Auth.POSEIDON) {
            // Poseidon's raw mode (url, method, requestBody) sends a body only as a string: no multipart part.
            throw world.skip("the EnOS client (--auth poseidon) cannot send a multipart upload; run with --auth token");
        }
        RequestSpecification request = world.request().contentType("multipart/form-data")
                .queryParam("action", Operation.CREATE_FIRMWARE.action())
                .queryParam("orgId", world.target().orgId());
        String productKey = readyFirmwareProduct();
        if (productKey != null) {
            request.queryParam("productKey", productKey);
        }
        world.answer(request
                .multiPart(new MultiPartSpecBuilder(Json.write(metadata)).controlName("metadata")
                        .mimeType("application/json").charset(StandardCharsets.UTF_8).build())
                .multiPart("file", "enos-ota-kit.bin", file, "application/octet-stream")
                .post(Operation.FIRMWARES));
    }

    /**
     * The product of the ready firmware, which the upload joins (mandatory on the pages of 2.2.0 to 2.4.0), or null
     * when Get Firmware File answers none.
     */
    private String readyFirmwareProduct() {
        JsonNode answer = Json.mapper().valueToTree(Map.of());
        try {
            answer = Json.mapper().readTree(world.request()
                    .queryParam("action", Operation.GET_FIRMWARE.action())
                    .queryParam("orgId", world.target().orgId())
                    .queryParam("firmwareId", world.target().readyFirmwareId())
                    .get(Operation.FIRMWARES).asString());
        } catch (JsonProcessingException notJson) {
            return null;
        }
        String productKey = answer.path("data").path("productKey").asText(null);
        return productKey == null || productKey.isBlank() ? null : productKey;
    }

    @Then("the answer carries the new firmware's id in data.firmwareId")
    public void theAnswerCarriesTheFirmwareId() {
        JsonNode body = world.body();
        assertThat(body.path("code").asInt(-1)).as("code of %s", body).isZero();
        assertThat(uploadedId).as("data.firmwareId of %s", body).isNotBlank();
    }

    @Then("Get Firmware File answers the uploaded firmware with its version, sign and file size")
    public void getAnswersTheUpload() {
        getUploaded();
        JsonNode body = world.body();
        assertThat(body.path("code").asInt(-1)).as("code of %s", body).isZero();
        JsonNode firmware = body.path("data");
        assertThat(firmware.path("firmwareId").asText(null)).as("firmwareId of %s", firmware).isEqualTo(uploadedId);
        assertThat(firmware.path("version").asText(null)).as("version of %s", firmware)
                .isEqualTo("0.0.0-enos-ota-kit");
        assertThat(firmware.path("signMethod").asText(null)).as("signMethod of %s", firmware).isEqualTo("md5");
        assertThat(firmware.path("sign").asText("")).as("sign of %s", firmware)
                .isEqualToIgnoringCase(DigestUtils.md5Hex(file));
        // FirmwareInfo types fileSize String while its sample sends a number: either, holding the file's bytes
        assertThat(firmware.path("fileSize").asText()).as("fileSize of %s", firmware)
                .isEqualTo(String.valueOf(file.length));
    }

    @When("I delete the firmware")
    public void deleteUploaded() {
        delete(uploadedId);
        if (world.body() != null && world.body().path("code").asInt(-1) == 0) {
            world.run().createdJobs().deletedFirmware(uploadedId);
        }
    }

    @Then("the firmware is deleted: code 0, msg {string} and data null")
    public void theFirmwareIsDeleted(String ok) {
        JsonNode body = world.body();
        assertThat(body.path("code").asInt(-1)).as("code of %s", body).isZero();
        assertThat(body.path("msg").asText(null)).as("msg").isEqualTo(ok);
        assertThat(body.path("data").isMissingNode() || body.path("data").isNull()).as("data of %s", body).isTrue();
    }

    @When("I delete a firmware that does not exist")
    public void deleteMissing() {
        delete(world.target().missingFirmwareId());
    }

    private void delete(String firmwareId) {
        world.answer(world.request()
                .queryParam("action", Operation.DELETE_FIRMWARE.action())
                .queryParam("orgId", world.target().orgId())
                .queryParam("firmwareId", firmwareId)
                .post(Operation.FIRMWARES));
    }

    @Then("Get Firmware File of the deleted firmware answers 24404 {string}")
    public void theFirmwareIsGone(String msg) {
        getUploaded();
        JsonNode body = world.body();
        assertThat(body.path("code").asInt(-1)).as("code of %s", body).isEqualTo(24404);
        assertThat(body.path("msg").asText()).as("msg").isEqualTo(msg);
    }

    private void getUploaded() {
        world.answer(world.request()
                .queryParam("action", Operation.GET_FIRMWARE.action())
                .queryParam("orgId", world.target().orgId())
                .queryParam("firmwareId", uploadedId)
                .get(Operation.FIRMWARES));
    }
}
