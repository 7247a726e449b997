package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThat;

import io.enoskit.ota.profile.BehaviourProfile;
import io.enoskit.ota.profile.Setting;
import io.enoskit.ota.profile.SettingValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's "Profile reference" table lists every setting of the catalogue, once, with the default profile's
 * value ({@code stubs/profiles/default.yaml}) and its source kind, so the table cannot drift from the profile.
 */
class ProfileReferenceReadmeTest {

    @Test
    void theTableListsEverySettingWithItsDefaultValueAndSource() throws IOException {
        Path root = Path.of(System.getProperty("kit.root", "../.."));
        String readme = Files.readString(root.resolve("README.md"));
        int section = readme.indexOf("\n## Profile reference\n");
        assertThat(section).as("the README has the section").isNotNegative();
        int end = readme.indexOf("\n## ", section + 1);
        Map<String, String[]> rows = new LinkedHashMap<>();
        readme.substring(section, end < 0 ? readme.length() : end).lines()
                .filter(line -> line.startsWith("| `")).forEach(line -> {
                    String[] cells = line.substring(1).split(" \\| ");
                    String key = cells[0].trim().replace("`", "");
                    assertThat(rows.put(key, cells)).as("%s is listed once", key).isNull();
                });

        assertThat(rows.keySet()).containsExactlyInAnyOrder(Arrays.stream(Setting.values())
                .map(Setting::key).toArray(String[]::new));
        for (Setting setting : Setting.values()) {
            SettingValue value = BehaviourProfile.defaults().value(setting);
            String[] cells = rows.get(setting.key());
            assertThat(cells).as("%s has key, meaning, values, default and source", setting).hasSize(5);
            assertThat(cells[3].trim()).as("default of %s", setting).isEqualTo("`" + value.text() + "`");
            assertThat(cells[4].trim()).as("source of %s", setting)
                    .startsWith(value.source().kind().label() + ": ");
        }
    }
}
