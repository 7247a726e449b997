package io.enoskit.ota.reliability;

import static io.enoskit.ota.reliability.HostileRequest.Expect.ANY;
import static io.enoskit.ota.reliability.HostileRequest.Expect.INVALID;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.enoskit.ota.reliability.HostileRequest.Expect;
import io.enoskit.ota.reliability.HostileRequest.Route;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Create Firmware File uploads ({@code multipart/form-data}: a {@code metadata} JSON part and a {@code file} part)
 * broken one way each: the framing (boundary, parts, truncation), the parts (missing, unnamed, repeated, too many) and
 * the metadata (not JSON, missing or wrong fields, a sign that is not the file's digest). An upload left whole is
 * valid and may succeed; every broken one must be refused, and the property checks the store is unchanged by it.
 */
final class UploadRequests {
    static final String PATH = "/connect-service/v2.1/ota-firmwares";
    static final String TARGET = PATH + "?action=create&orgId=" + Api.ORG + "&productKey=yourProductKey";
    /** The mock's part limit (README, "Uploading and deleting firmware"). */
    private static final int MAX_PARTS = 16;
    private static final AtomicLong UPLOADS = new AtomicLong();

    private UploadRequests() {
    }

    /** One part as sent: its Content-Disposition, Content-Type (or null) and bytes. */
    private record Part(String disposition, String contentType, byte[] content) {
    }

    /** What is done to a valid upload; each is INVALID except where the pages leave it open. */
    private static final List<String> CHANGES = List.of("none", "no-boundary", "other-boundary", "json-content-type",
            "no-metadata", "no-file", "unnamed-part", "metadata-twice", "many-parts", "truncated", "metadata-not-json",
            "metadata-array", "no-name", "no-version", "sign-method-sha1", "sign-of-other-bytes", "file-changed",
            "max-below-min", "extra-part", "lf-line-endings", "no-org");

    /** Uploads, valid or broken one way, each with a fresh firmware name so a valid one is not refused as a repeat. */
    static Arbitrary<HostileRequest> uploads() {
        Arbitrary<String> changes = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("none")),
                Tuple.of(CHANGES.size() * 2, Arbitraries.of(CHANGES)));
        Arbitrary<byte[]> files = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(2048);
        Arbitrary<String> names = Arbitraries.strings().alpha().ofMinLength(6).ofMaxLength(12);
        Arbitrary<String> methods = Arbitraries.of("md5", "sha256");
        Arbitrary<Integer> cuts = Arbitraries.integers().between(1, 200);
        return Combinators.combine(changes, files, names, methods, cuts).as(UploadRequests::upload);
    }

    private static HostileRequest upload(String change, byte[] file, String generatedName, String method, int cut) {
        // a name the product has is refused, and jqwik repeats edge cases: the counter keeps each name new
        String name = generatedName + UPLOADS.incrementAndGet();
        String boundary = "----enosKitBoundary" + name;
        ObjectNode metadata = Api.object("{}");
        metadata.putObject("name").put("defaultValue", "Reliability " + name);
        metadata.put("version", "9." + name.length());
        metadata.put("signMethod", method);
        metadata.put("sign", digest(method, file));
        metadata.put("enableVerification", false);
        List<Part> parts = new ArrayList<>();
        parts.add(new Part("form-data; name=\"metadata\"", "application/json", bytes(Api.write(metadata))));
        parts.add(new Part("form-data; name=\"file\"; filename=\"firmware.bin\"", "application/octet-stream", file));
        String contentType = "multipart/form-data; boundary=" + boundary;
        String target = TARGET;
        Expect expect = INVALID;
        switch (change) {
            case "none" -> expect = ANY;
            case "no-boundary" -> contentType = "multipart/form-data";
            case "other-boundary" -> contentType = "multipart/form-data; boundary=notTheBoundary";
            case "json-content-type" -> contentType = "application/json";
            case "no-metadata" -> parts.remove(0);
            case "no-file" -> parts.remove(1);
            case "unnamed-part" -> parts.set(0, new Part("form-data", "application/json", parts.get(0).content()));
            case "metadata-twice" -> parts.add(parts.get(0));
            case "many-parts" -> {
                for (int i = 0; i < MAX_PARTS + cut * 10; i++) {
                    parts.add(new Part("form-data; name=\"p" + i + "\"", "text/plain", new byte[0]));
                }
            }
            case "metadata-not-json" -> parts.set(0, new Part(parts.get(0).disposition(), "application/json",
                    bytes("name=" + name + "&version=1")));
            case "metadata-array" -> parts.set(0, new Part(parts.get(0).disposition(), "application/json",
                    bytes("[" + Api.write(metadata) + "]")));
            case "no-name" -> parts.set(0, metadataPart(metadata.deepCopy().without("name")));
            case "no-version" -> parts.set(0, metadataPart(metadata.deepCopy().without("version")));
            case "sign-method-sha1" -> parts.set(0, metadataPart(metadata.deepCopy().put("signMethod", "sha1")));
            case "sign-of-other-bytes" -> parts.set(0, metadataPart(metadata.deepCopy()
                    .put("sign", digest(method, bytes("other bytes " + name)))));
            case "file-changed" -> {
                byte[] changed = new byte[file.length + 1];
                System.arraycopy(file, 0, changed, 0, file.length);
                changed[file.length] = (byte) cut;
                parts.set(1, new Part(parts.get(1).disposition(), parts.get(1).contentType(), changed));
            }
            case "max-below-min" -> parts.set(0, metadataPart(metadata.deepCopy().put("enableVerification", true)
                    .put("maxAllowedForVerification", 1).put("minSuccessForVerified", 2)));
            case "extra-part" -> {
                parts.add(new Part("form-data; name=\"comment\"", "text/plain", bytes("an extra part")));
                expect = ANY; // the pages name two parts and say nothing of others
            }
            case "lf-line-endings", "truncated" -> expect = INVALID;
            case "no-org" -> target = PATH + "?action=create&productKey=yourProductKey";
            default -> throw new IllegalArgumentException(change);
        }
        byte[] body = form(parts, boundary);
        if (change.equals("truncated")) {
            // at least 3 bytes: the closing delimiter's CRLF may go (an epilogue is optional), its "--" may not
            byte[] shorter = new byte[Math.max(0, body.length - 2 - cut)];
            System.arraycopy(body, 0, shorter, 0, shorter.length);
            body = shorter;
        }
        if (change.equals("lf-line-endings")) {
            // bare LF instead of CRLF around every delimiter: RFC 2046 requires CRLF, so no delimiter is found
            body = new String(body, StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
        return HostileRequest.of("upload/" + change, Route.ACTION, expect, "POST", target,
                List.of("Content-Type: " + contentType), body,
                List.of(change + " (" + file.length + " file bytes, " + method + ")"));
    }

    private static Part metadataPart(ObjectNode metadata) {
        return new Part("form-data; name=\"metadata\"", "application/json", bytes(Api.write(metadata)));
    }

    private static byte[] form(List<Part> parts, String boundary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part part : parts) {
            out.writeBytes(bytes("--" + boundary + "\r\nContent-Disposition: " + part.disposition() + "\r\n"
                    + (part.contentType() == null ? "" : "Content-Type: " + part.contentType() + "\r\n") + "\r\n"));
            out.writeBytes(part.content());
            out.writeBytes(bytes("\r\n"));
        }
        out.writeBytes(bytes("--" + boundary + "--\r\n"));
        return out.toByteArray();
    }

    private static String digest(String method, byte[] content) {
        try {
            String algorithm = method.equalsIgnoreCase("md5") ? "MD5" : "SHA-256";
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
