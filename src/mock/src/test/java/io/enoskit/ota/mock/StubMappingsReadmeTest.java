package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.contract.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's "Your own stub mappings" table names every operation once, with its id and the kit's mapping that
 * serves it, and that mapping names {@code enos-ota} and the same id: the table cannot drift from the mappings.
 * The "Faults and latency" section names the same ids a {@code --fault} rule takes.
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

    @Test
    void theFaultsSectionNamesEveryOperationAFaultRuleTakes() throws IOException {
        String readme = Files.readString(Path.of(System.getProperty("kit.root", "../..")).resolve("README.md"));
        int start = readme.indexOf("Operations are named ");
        assertThat(start).as("the README names the operations of a fault rule").isNotNegative();
        String sentence = readme.substring(start, readme.indexOf("for all.", start)).replace('\n', ' ');
        Matcher id = Pattern.compile("`([a-z-]+)`").matcher(sentence);
        List<String> named = new ArrayList<>();
        while (id.find()) {
            named.add(id.group(1));
        }
        assertThat(named).containsExactlyInAnyOrder(
                Arrays.stream(Operation.values()).map(Operation::id).toArray(String[]::new));
    }
}
