package io.enoskit.ota.mock;

import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.multipart.PartParser;
import java.util.regex.Pattern;
import org.apache.commons.fileupload.ParameterParser;

/**
 * Multipart bodies read as WireMock will read them. WireMock splits every request whose Content-Type is
 * {@code multipart/*} into parts as it logs it, before any stub mapping is matched; when its parser fails (no
 * boundary, a boundary too long, a part cut short) the failure leaves its servlet and the client got HTTP 500 with
 * 99500. {@link RequestBodyFilter} asks here first, with WireMock's own {@link PartParser}, so what would fail there
 * is answered as the client's error instead.
 */
final class MultipartBodies {
    /** WireMock's own test of a multipart request ({@code WireMockHttpServletRequestAdapter.isMultipart}). */
    private static final Pattern MULTIPART = Pattern.compile("(?i)^\\s*multipart/.*");
    private static final int SHOWN = 80;

    private MultipartBodies() {
    }

    /**
     * Why WireMock could not split this request into parts, in words naming the Content-Type or the body; null when
     * it can, or when the Content-Type is no multipart one.
     *
     * @param contentType the request's first Content-Type header, or null
     * @param body        the body as decoded from its Content-Encoding
     */
    static String problem(String contentType, byte[] body) {
        if (contentType == null || !MULTIPART.matcher(contentType).matches()) {
            return null;
        }
        Request request = ImmutableRequest.create().withAbsoluteUrl("http://localhost/")
                .withMethod(RequestMethod.POST).withHeader("Content-Type", contentType).withBody(body).build();
        try {
            PartParser.parseFrom(request);
            return null;
        } catch (Exception unreadable) {
            // the parser's FileUploadException comes through undeclared; a part's broken headers, as a
            // RuntimeException of its own
            String shown = contentType.length() > SHOWN ? contentType.substring(0, SHOWN) + "…" : contentType;
            if (!hasBoundary(contentType)) {
                return "Content-Type: '" + shown + "' has no boundary parameter; a multipart body needs one"
                        + " (multipart/form-data; boundary=...)";
            }
            return "body: cannot be read as the multipart body its Content-Type '" + shown + "' announces ("
                    + unreadable.getMessage() + ")";
        }
    }

    /** A boundary as WireMock's parser looks for it: a non-empty {@code boundary} parameter, after ';' or ','. */
    private static boolean hasBoundary(String contentType) {
        ParameterParser parser = new ParameterParser();
        parser.setLowerCaseNames(true);
        String boundary = parser.parse(contentType, new char[] {';', ','}).get("boundary");
        return boundary != null && !boundary.isEmpty();
    }
}
