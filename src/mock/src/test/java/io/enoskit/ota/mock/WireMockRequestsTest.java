package io.enoskit.ota.mock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.Violation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The body is decoded with the charset Guava's {@code MediaType} reads from the Content-Type. */
class WireMockRequestsTest {
    private static final String TEXT = "{\"name\":\"Grüße\"}";

    @Test
    void withoutContentTypeTheBodyIsUtf8() {
        assertThat(WireMockRequests.bodyText(request(null, TEXT.getBytes(StandardCharsets.UTF_8)))).isEqualTo(TEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=ISO-8859-1", "application/json;charset=\"iso-8859-1\"",
            "application/json; Charset=latin1", "application/json; foo=bar; charset=ISO-8859-1"})
    void theCharsetParameterIsUsedHoweverItIsWritten(String contentType) {
        assertThat(WireMockRequests.bodyText(request(contentType, TEXT.getBytes(StandardCharsets.ISO_8859_1))))
                .isEqualTo(TEXT);
    }

    @Test
    void anUnknownCharsetIsAViolationOnContentTypeNamingIt() {
        ContractViolation violation = unreadable("application/json; charset=bogus-xyz");

        assertThat(violation.violations())
                .containsExactly(new Violation("Content-Type", "the charset 'bogus-xyz' is not supported"));
    }

    @Test
    void anEmptyQuotedCharsetIsAViolationOnContentType() {
        assertThat(unreadable("application/json; charset=\"\"").violations())
                .containsExactly(new Violation("Content-Type", "the charset '' is not supported"));
    }

    @Test
    void twoDifferentCharsetsAreAViolationOnContentType() {
        assertThat(unreadable("application/json; charset=utf-8; charset=bogus").violations())
                .containsExactly(new Violation("Content-Type", "names more than one charset: utf-8, bogus"));
    }

    @ParameterizedTest
    @ValueSource(strings = {";;;==", "application/json;", "application/json; charset=", "json", "", "application/json; foo",
            "application/json; charset=\"utf-8"})
    void aContentTypeThatIsNoMediaTypeNamesNoCharsetSoTheBodyIsUtf8(String contentType) {
        assertThat(WireMockRequests.bodyText(request(contentType, TEXT.getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(TEXT);
    }

    @Test
    void bytesThatAreNotTextInTheCharsetAreAViolationOnBody() {
        ContractViolation violation = catchThrowableOfType(ContractViolation.class, () -> WireMockRequests.bodyText(
                request("application/json", TEXT.getBytes(StandardCharsets.ISO_8859_1))));

        assertThat(violation.violations()).containsExactly(new Violation("body", "is not valid UTF-8 text"));
    }

    private static ContractViolation unreadable(String contentType) {
        return catchThrowableOfType(ContractViolation.class, () -> WireMockRequests.bodyText(
                request(contentType, TEXT.getBytes(StandardCharsets.UTF_8))));
    }

    private static Request request(String contentType, byte[] body) {
        ImmutableRequest.Builder request = ImmutableRequest.create()
                .withAbsoluteUrl("http://localhost/connect-service/v2.1/ota-jobs")
                .withMethod(RequestMethod.POST)
                .withBody(body);
        if (contentType != null) {
            request.withHeader("Content-Type", contentType);
        }
        return request.build();
    }
}
