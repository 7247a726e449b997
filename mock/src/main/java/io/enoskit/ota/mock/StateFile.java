package io.enoskit.ota.mock;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.github.tomakehurst.wiremock.common.FileSource;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.domain.DefaultState;
import java.io.IOException;

/**
 * Reads the mock's default state, {@value #NAME} in the root dir (beside {@code mappings/}).
 * A missing file means an empty state; a malformed one stops the start with a message naming the file.
 */
final class StateFile {
    static final String NAME = "ota-state.json";

    private StateFile() {
    }

    static DefaultState read(FileSource root) {
        String text;
        try {
            text = root.getTextFileNamed(NAME).readContentsAsString();
        } catch (RuntimeException missing) {
            return DefaultState.empty();
        }
        try {
            return Json.mapper().readerFor(DefaultState.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + NAME + " under " + root.getPath() + ": "
                    + e.getMessage(), e);
        }
    }
}
