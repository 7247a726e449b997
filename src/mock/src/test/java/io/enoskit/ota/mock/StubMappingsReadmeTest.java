package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's "Your own stub mappings" table names every operation once, with its id and the kit's mapping that
 * serves it, and that mapping names {@code enos-ota} and the same id: the table cannot drift from the mappings.
 */
class StubMappingsReadmeTest {

    @Test
    void theTableNamesEachOperationWithTheKitsMappingThatServesIt() throws IOException {
        Path root = Path.of(System.getProperty("kit.root", "../.."));
        String readme = Files.readString(root.resolve("README.md"));
        int section = readme.indexOf("\n### Your own stub mappings\n");
        assertThat(section).as("the README has the section").isNotNegative();
        int end = readme.indexOf("\n## ", section + 1);
        Map<String, String> fileById = new LinkedHashMap<>();
        readme.substring(section, end < 0 ? readme.length() : end).lines()
                .filter(line -> line.startsWith("| ") && line.endsWith(".json` |")).forEach(line -> {
                    String[] cells = line.substring(1).split(" \\| ");
                    String id = cells[1].trim().replace("`", "");
                    assertThat(fileById.put(id, cells[2].replace("`", "").replace("|", "").trim()))
                            .as("%s is listed once", id).isNull();
                });

        assertThat(fileById.keySet()).containsExactlyInAnyOrder(
                Arrays.stream(Operation.values()).map(Operation::id).toArray(String[]::new));
        for (Map.Entry<String, String> row : fileById.entrySet()) {
            JsonNode response = Json.mapper().readTree(root.resolve("stubs/mappings").resolve(row.getValue())
                    .toFile()).path("response");
            assertThat(response.path("transformers").toString()).as(row.getValue()).isEqualTo("[\"enos-ota\"]");
            assertThat(response.path("transformerParameters").path("operation").asText()).as(row.getValue())
                    .isEqualTo(row.getKey());
        }
    }
}
