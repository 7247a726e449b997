package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A root dir that cannot serve the API stops the start with a message naming the file and the problem, rather
 * than a mock that answers empty 200s or 404s.
 */
class StartupChecksTest {
    @TempDir
    Path root;

    /** A copy of the kit's embedded root. */
    private Path copyOfTheKitsRoot() throws IOException {
        Files.createDirectories(root.resolve("mappings"));
        for (String name : new String[] {"create-ota-job.json", "get-ota-job.json", "ota-job-actions.json",
            "search-ota-job.json", "search-ota-task.json", "ota-task-actions.json", "get-firmware-file.json",
            "search-firmware-file.json", "search-device-upgrade.json", "apim-token-service.json", "unmatched-request.json"}) {
            copy("mappings/" + name);
        }
        copy("ota-state.json");
        return root;
    }

    private void copy(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/" + MockOptions.EMBEDDED_ROOT + "/" + name)) {
            Files.write(root.resolve(name), in.readAllBytes());
        }
    }

    private void start() {
        OtaMockServer.start(MockOptions.mockOptions().dynamicPort().rootDir(root.toString())).close();
    }

    @Test
    void aCopyOfTheKitsRootStarts() throws IOException {
        copyOfTheKitsRoot();

        start();
    }

    @Test
    void aMappingNamingAnUnknownTransformerStopsTheStart() throws IOException {
        copyOfTheKitsRoot();
        Files.writeString(root.resolve("mappings/get-ota-job.json"), Files.readString(
                root.resolve("mappings/get-ota-job.json")).replace("enos-get-ota-job", "enos-get-ota-jobz"));

        assertThatThrownBy(this::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Get OTA Job' names the transformer 'enos-get-ota-jobz', which no extension"
                        + " provides");
    }

    @Test
    void aMappingMatchingAJsonSchemaStopsTheStartNamingTheAlternatives() throws IOException {
        copyOfTheKitsRoot();
        Files.writeString(root.resolve("mappings/custom.json"), """
                {"request": {"method": "POST", "urlPath": "/custom",
                             "bodyPatterns": [{"matchesJsonSchema": {"type": "object"}}]},
                 "response": {"status": 200}}""");

        assertThatThrownBy(this::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("uses matchesJsonSchema, which the kit's mock does not offer")
                .hasMessageContaining("matchesJsonPath or equalToJson");
    }

    @Test
    void anEmptyMappingsFolderNamesEveryOperationNotServed() throws IOException {
        copyOfTheKitsRoot();
        try (var files = Files.list(root.resolve("mappings"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }

        assertThatThrownBy(this::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no stub mapping serves POST /connect-service/v2.1/ota-jobs?action=create")
                .hasMessageContaining("action=delete");
    }

    @Test
    void aMissingStateFileIsNamed() throws IOException {
        copyOfTheKitsRoot();
        Files.delete(root.resolve("ota-state.json"));

        assertThatThrownBy(this::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has no ota-state.json");
    }

    @Test
    void aNullStateIsNamed() throws IOException {
        copyOfTheKitsRoot();
        Files.writeString(root.resolve("ota-state.json"), "null");

        assertThatThrownBy(this::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot read ota-state.json").hasMessageContaining("holds no object");
    }

    @Test
    void aFirmwareListedTwiceIsNamed() throws IOException {
        copyOfTheKitsRoot();
        Files.writeString(root.resolve("ota-state.json"), "{\"maxAllowedForVerification\":5,\"firmwares\":["
                + "{\"orgId\":\"o\",\"firmwareId\":\"f\",\"name\":\"a\",\"version\":\"1\"},"
                + "{\"orgId\":\"o\",\"firmwareId\":\"f\",\"name\":\"b\",\"version\":\"2\"}]}");

        assertThatThrownBy(this::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("firmware f of org o is listed twice");
    }

    @Test
    void aMappingThatIsNotJsonIsAUsageErrorNamingTheFileAndThePlaceWithoutTheFileText() throws IOException {
        copyOfTheKitsRoot();
        Path broken = Files.writeString(root.resolve("mappings/broken.json"), "{not json\n");

        assertThatThrownBy(this::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the stub mapping " + broken + " cannot be read: Unexpected character ('n' (code 110)):"
                        + " was expecting double-quote to start field name (line 1, column 2)");
    }

    @Test
    void aStateThatIsNotJsonIsNamedWithLineAndColumnAndNoParserNoise() throws IOException {
        copyOfTheKitsRoot();
        Files.writeString(root.resolve("ota-state.json"), "{\"firmwares\": [\n");

        assertThatThrownBy(this::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot read ota-state.json under " + root + ": Unexpected end-of-input: expected close"
                        + " marker for Array (start marker at line 1, column 15) (line 2, column 1)");
    }
}
