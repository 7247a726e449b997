package io.enoskit.ota.mock;

import io.enoskit.ota.contract.ContractViolation;
import io.enoskit.ota.contract.Violation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.fileupload.MultipartStream;
import org.apache.commons.fileupload.ParameterParser;

/**
 * A {@code multipart/form-data} body split into its named parts with commons-fileupload's {@link MultipartStream}.
 * The stream is read part by part rather than through {@code FileUpload.parseRequest}, which skips a part without a
 * name in silence: here such a part, a part named twice and a part past the limit each refuse the body (99400 naming
 * the part), so a client learns what it sent wrong instead of having it dropped.
 *
 * @param parts the parts by name, in the order sent
 */
record MultipartForm(Map<String, Part> parts) {
    /** The header buffer of the multipart stream, bytes (commons-fileupload's own default). */
    private static final int BUFFER = 4096;

    /**
     * One part.
     *
     * @param name     the {@code name} of its Content-Disposition
     * @param fileName the {@code filename} of its Content-Disposition, or null when it sent none
     * @param content  its bytes
     */
    record Part(String name, String fileName, byte[] content) {
        /** The content as UTF-8 text. */
        String text() {
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    /**
     * Splits a body into parts.
     *
     * @param contentType the request's Content-Type, which carries the boundary
     * @param body        the whole body (the body limit has been applied)
     * @param maxParts    the most parts accepted, a count
     * @throws ContractViolation (99400) naming {@code Content-Type} without a boundary, {@code body} for a body cut
     *                           short or with more than {@code maxParts} parts, {@code part[i]} for a part without a
     *                           name, the part's name for a name sent twice
     */
    static MultipartForm read(String contentType, byte[] body, int maxParts) {
        String boundary = contentType == null ? null : parameters(contentType, ';').get("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw refused("Content-Type", "has no boundary parameter; send multipart/form-data; boundary=...");
        }
        Map<String, Part> parts = new LinkedHashMap<>();
        MultipartStream stream = new MultipartStream(new ByteArrayInputStream(body),
                boundary.getBytes(StandardCharsets.ISO_8859_1), BUFFER, null);
        try {
            boolean next = stream.skipPreamble();
            int index = 0;
            while (next) {
                if (index == maxParts) {
                    throw refused("body", "has more than " + maxParts + " parts; Create Firmware File takes a metadata"
                            + " part and a file part");
                }
                Map<String, String> disposition = disposition(stream.readHeaders());
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                stream.readBodyData(content);
                String name = disposition.get("name");
                if (name == null || name.isBlank()) {
                    throw refused("part[" + index + "]", "has no name in its Content-Disposition (form-data;"
                            + " name=\"...\")");
                }
                if (parts.containsKey(name)) {
                    throw refused(name, "is sent more than once; send each part once");
                }
                parts.put(name, new Part(name, disposition.get("filename"), content.toByteArray()));
                index++;
                next = stream.readBoundary();
            }
        } catch (MultipartStream.MalformedStreamException | MultipartStream.IllegalBoundaryException cut) {
            throw refused("body", "is not a complete multipart body (" + cut.getMessage() + ")");
        } catch (IOException unreadable) {
            throw refused("body", "cannot be read as a multipart body (" + unreadable.getMessage() + ")");
        }
        return new MultipartForm(parts);
    }

    /** The parameters of a part's Content-Disposition header, lower-case names; empty when it has none. */
    private static Map<String, String> disposition(String headers) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals("content-disposition")) {
                return parameters(line.substring(colon + 1), ';');
            }
        }
        return Map.of();
    }

    private static Map<String, String> parameters(String header, char separator) {
        ParameterParser parser = new ParameterParser();
        parser.setLowerCaseNames(true);
        return parser.parse(header, separator);
    }

    private static ContractViolation refused(String field, String rule) {
        return new ContractViolation(List.of(new Violation(field, rule)), false);
    }
}
