package io.enoskit.ota.mock;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.github.tomakehurst.wiremock.common.FileSource;
import io.enoskit.ota.contract.Json;
import io.enoskit.ota.domain.DefaultState;
import java.io.IOException;

/**
 * Reads the mock's default state, {@value #NAME} in the root dir (beside {@code mappings/}). A missing, empty or
 * malformed file stops the start with a message naming the file and the problem (never an empty state by surprise).
 */
final class StateFile {
    static final String NAME = "ota-state.json";

    private StateFile() {
    }

    static DefaultState read(FileSource root) {
        String where = NAME + " under " + root.getPath();
        String text;
        try {
            text = root.getTextFileNamed(NAME).readContentsAsString();
        } catch (Exception missing) { // WireMock's file source rethrows I/O exceptions without declaring them
            throw new IllegalArgumentException("the root dir has no " + where + " (copy the kit's stubs/" + NAME
                    + " to start from)", missing);
        }
        DefaultState state;
        try {
            state = Json.mapper().readerFor(DefaultState.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + where + ": " + JsonProblems.describe(e), e);
        }
        if (state == null) {
            throw new IllegalArgumentException("cannot read " + where + ": it holds no object (a JSON null or"
                    + " nothing); see the kit's stubs/" + NAME);
        }
        return state;
    }
}
