package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A root dir that cannot serve the API stops the start with a message naming the file and the problem, rather
 * than a mock that answers empty 200s or 404s.
 */
class StartupChecksTest {
    @TempDir
    Path root;

    private Path copyOfTheKitsRoot() throws IOException {
        return copyOfTheKitsRoot(root);
    }

    /** A copy of the kit's embedded root in {@code root}: every stub mapping of it, and its state. */
    static Path copyOfTheKitsRoot(Path root) throws IOException {
        Files.createDirectories(root.resolve("mappings"));
        Path mappings;
        try {
            mappings = Path.of(StartupChecksTest.class.getResource("/" + MockOptions.EMBEDDED_ROOT + "/mappings")
                    .toURI());
        } catch (URISyntaxException unexpected) {
            throw new IOException(unexpected);
        }
        try (Stream<Path> files = Files.list(mappings)) {
            for (Path file : files.toList()) {
                Files.copy(file, root.resolve("mappings").resolve(file.getFileName().toString()));
            }
        }
        try (InputStream in = StartupChecksTest.class.getResourceAsStream("/" + MockOptions.EMBEDDED_ROOT
                + "/ota-state.json")) {
            Files.write(root.resolve("ota-state.json"), in.readAllBytes());
        }
        return root;
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
        Path get = root.resolve("mappings/get-ota-job.json");
        String oldName = Files.readString(get).replace("\"enos-ota\"", "\"enos-get-ota-job\"");
        assertThat(oldName).contains("[\"enos-get-ota-job\"]");
        Files.writeString(get, oldName);

        assertThatThrownBy(this::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Get OTA Job' names the transformer 'enos-get-ota-job', which no extension"
                        + " provides")
                .hasMessageContaining("an operation's mapping names 'enos-ota' and the operation,"
                        + " \"transformerParameters\": {\"operation\": \"get-job\"}");
    }

    @Test
    void aRootWithoutTheDeleteFirmwareMappingStopsTheStartNamingIt() throws IOException {
        copyOfTheKitsRoot();
        Files.delete(root.resolve("mappings/delete-firmware.json"));

        assertThatThrownBy(this::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot serve the API: no stub mapping serves POST"
                        + " /connect-service/v2.1/ota-firmwares?action=delete (it needs a mapping whose response names"
                        + " the transformer 'enos-ota' with \"transformerParameters\": {\"operation\":"
                        + " \"delete-firmware\"}, as the kit's stubs/mappings do; the request reaches 'Any other"
                        + " request: an EnOS envelope saying what is wrong (99400 or 99404)' first)");
    }

    @Test
    void aMappingNamingNoOperationStopsTheStartNamingTheOperations() throws IOException {
        copyOfTheKitsRoot();
        Path start = root.resolve("mappings/start-ota-job.json");
        String named = Files.readString(start).replace("\"start-job\"", "\"START\"");
        assertThat(named).contains("\"operation\": \"START\"");
        Files.writeString(start, named);

        assertThatThrownBy(this::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the stub mapping 'Start OTA Job' names the operation 'START' in its"
                        + " transformerParameters, which is none of the API's: [create-job, get-job, start-job,")
                .hasMessageContaining("no stub mapping serves POST /connect-service/v2.1/ota-jobs?action=start");
    }

    @Test
    void aMappingThatTakesTheRequestsOfAnotherOperationFirstStopsTheStart() throws IOException {
        copyOfTheKitsRoot();
        Path start = root.resolve("mappings/start-ota-job.json");
        String wider = Files.readString(start).replace("\"equalTo\": \"start\"", "\"matches\": \"start|stop\"")
                .replace("\"priority\": 5", "\"priority\": 4");
        assertThat(wider).contains("start|stop").contains("\"priority\": 4");
        Files.writeString(start, wider);

        assertThatThrownBy(this::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no stub mapping serves POST /connect-service/v2.1/ota-jobs?action=stop")
                .hasMessageContaining("the request reaches 'Start OTA Job' first")
                .message().doesNotContain("?action=start ");
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
