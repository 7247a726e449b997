package io.enoskit.ota.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Content-Type is read as a media type (Guava's {@code MediaType}), not split by hand. */
class HttpRequestTest {
    @ParameterizedTest
    @ValueSource(strings = {"application/json", "APPLICATION/JSON", "application/json; charset=utf-8",
            "application/json;charset=\"UTF-8\"", "application/json; foo=bar", "Application/Json ; charset=utf-8"})
    void jsonWithAnyParametersIsJson(String contentType) {
        assertThat(withContentType(contentType).isJson()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/vnd.api+json", "application/json-patch+json", "text/plain", "application/*",
            "*/*", "json", ";;;==", "application/json;", "application/json; foo", ""})
    void anythingElseIsNotJsonNorIsAValueThatIsNoMediaType(String contentType) {
        assertThat(withContentType(contentType).isJson()).isFalse();
    }

    private static HttpRequest withContentType(String contentType) {
        return new HttpRequest("POST", "/p", Map.of(), Map.of("Content-Type", List.of(contentType)), "{}");
    }
}
