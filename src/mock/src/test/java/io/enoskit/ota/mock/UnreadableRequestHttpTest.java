package io.enoskit.ota.mock;

import static io.enoskit.ota.mock.RunningMock.JOBS;
import static io.enoskit.ota.mock.RunningMock.offSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.enoskit.ota.contract.Json;
import io.enoskit.ota.model.StringI18n;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that cannot even be read (found by trying to break the mock from the outside): each gets the EnOS
 * envelope with 99400 naming what is wrong, never a server error page or a 500.
 */
class UnreadableRequestHttpTest {
    private static final String CREATE = JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId";
    private static final byte[] VERIFY = "{\"type\":\"verify\",\"upgradeScope\":{\"type\":\"partial\"}}"
            .getBytes(StandardCharsets.UTF_8);

    @BeforeEach
    void resetState() {
        RunningMock.reset();
    }

    private static RawHttp.Answer send(String method, String target, String headers, byte[] body) throws Exception {
        return RawHttp.send(RunningMock.get().port(), method, target, headers, body);
    }

    @Test
    void aBodyWithoutContentTypeIs99400NamingContentType() throws Exception {
        RawHttp.Answer answer = send("POST", CREATE, "", VERIFY);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"code\":99400")
                .contains("Invalid Argument Content-Type: is missing; send the body as application/json");
    }

    @Test
    void aContentTypeCheckComesBeforeTheFirmwareLookup() throws Exception {
        RawHttp.Answer answer = send("POST", JOBS + "?action=create&orgId=yourOrgId&firmwareId=zz", "", VERIFY);

        assertThat(answer.body()).contains("\"code\":99400").doesNotContain("24404");
    }

    @Test
    void brokenPercentEncodingInTheQueryIs99400() throws Exception {
        RawHttp.Answer answer = send("POST", JOBS + "?action=create&orgId=%zz&firmwareId=yourFirmwareId",
                "Content-Type: application/json\r\n", VERIFY);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"code\":99400").contains("\"msg\":\"Invalid Argument orgId: '%zz' is not"
                + " a percent-escape; a '%' takes two hex digits (send %25 for a '%' itself)\"")
                .doesNotContain("<html").doesNotContain("URLDecoder");
        assertThat(send("POST", JOBS + "?action=create&orgId=yourOrgId&firmwareId=a%2", "", VERIFY).body())
                .contains("Invalid Argument firmwareId: '%2' is not a percent-escape");
        assertThat(send("POST", JOBS + "?action=create&org%Id=1", "", VERIFY).body())
                .contains("Invalid Argument query: the parameter name 'org%Id' has '%Id', which is not a"
                        + " percent-escape");
    }

    @Test
    void anUnknownCharsetIs99400() throws Exception {
        RawHttp.Answer answer = send("POST", CREATE, "Content-Type: application/json; charset=bogus-xyz\r\n", VERIFY);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"code\":99400").contains("Invalid Argument Content-Type: the charset")
                .contains("bogus-xyz").doesNotContain("<html");
    }

    @Test
    void anEmptyCharsetIs99400() throws Exception {
        RawHttp.Answer answer = send("POST", CREATE, "Content-Type: application/json; charset=\r\n", VERIFY);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"code\":99400")
                .contains("\"msg\":\"Invalid Argument Content-Type: is not a media type\"");
    }

    @Test
    void twoDifferentCharsetsAre99400NotA500() throws Exception {
        for (byte[] body : new byte[][] {VERIFY, "{\"type\":\"x\"}".getBytes(StandardCharsets.UTF_8)}) {
            RawHttp.Answer answer = send("POST", CREATE,
                    "Content-Type: application/json; charset=utf-8; charset=bogus\r\n", body);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("\"code\":99400")
                    .contains("Invalid Argument Content-Type: names more than one charset: utf-8, bogus");
        }
    }

    @Test
    void aQueryParameterThatIsNotUtf8Is99400NotASearchOfAnotherOrg() throws Exception {
        RawHttp.Answer search = send("POST", JOBS + "?action=search&orgId=yourOrgId%c3%28",
                "Content-Type: application/json\r\n", "{\"expression\":\"\"}".getBytes(StandardCharsets.UTF_8));
        RawHttp.Answer create = send("POST", JOBS + "?action=create&orgId=yourOrgId&firmwareId=yourFirmwareId%ff",
                "Content-Type: application/json\r\n", VERIFY);
        RawHttp.Answer utf8 = send("POST", JOBS + "?action=search&orgId=yourOrgId&x=%E2%82%AC",
                "Content-Type: application/json\r\n", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body()).contains("\"code\":99400")
                .contains("query: the parameter 'orgId' is not valid UTF-8 once percent-decoded");
        assertThat(create.body()).contains("\"code\":99400").contains("'firmwareId' is not valid UTF-8")
                .doesNotContain("24404");
        assertThat(utf8.body()).doesNotContain("not valid UTF-8");
    }

    @Test
    void bytesThatAreNotUtf8Are99400AndStoreNothing() throws Exception {
        byte[] body = "{\"type\":\"verify\",\"upgradeScope\":{\"type\":\"partial\",\"deviceKeys\":[\"devX1\"]}}"
                .getBytes(StandardCharsets.UTF_8);
        body[body.length - 6] = (byte) 0xff;

        RawHttp.Answer answer = send("POST", CREATE, "Content-Type: application/json\r\n", body);

        assertThat(answer.body()).contains("\"code\":99400").contains("body: is not valid UTF-8 text");
        RunningMock.admin().get("/orgs/yourOrgId/jobs").then().body("jobs.size()", equalTo(0));
    }

    @Test
    void aBodyThatIsNotTheGzipItClaimsIs99400() throws Exception {
        RawHttp.Answer answer = send("POST", CREATE,
                "Content-Type: application/json\r\nContent-Encoding: gzip\r\n", VERIFY);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"code\":99400").contains("Content-Encoding").doesNotContain("<html");
    }

    @Test
    void aRealGzipBodyIsRead() throws Exception {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(VERIFY);
        }
        RawHttp.Answer answer = send("POST", CREATE,
                "Content-Type: application/json\r\nContent-Encoding: gzip\r\n", zipped.toByteArray());

        assertThat(answer.body()).contains("\"code\":0");
    }

    @Test
    void aGzipInsideTheDeclaredGzipIs99400NotDecodedTwice() throws Exception {
        RawHttp.Answer answer = send("POST", CREATE,
                "Content-Type: application/json\r\nContent-Encoding: gzip\r\n", gzip(gzip(VERIFY)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"code\":99400")
                .contains("Invalid Argument body: is still gzip data once decoded as its Content-Encoding 'gzip'"
                        + " says");
        RunningMock.admin().get("/orgs/yourOrgId/jobs").then().body("jobs.size()", equalTo(0));
    }

    @Test
    void everyDeclaredCodingIsDecodedLastAppliedFirst() throws Exception {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (var out = new DeflaterOutputStream(deflated)) {
            out.write(gzip(VERIFY));
        }
        RawHttp.Answer twice = send("POST", CREATE,
                "Content-Type: application/json\r\nContent-Encoding: gzip, gzip\r\n", gzip(gzip(VERIFY)));
        RawHttp.Answer mixed = send("POST", CREATE,
                "Content-Type: application/json\r\nContent-Encoding: gzip, identity, deflate\r\n",
                deflated.toByteArray());

        assertThat(twice.body()).contains("\"code\":0");
        assertThat(mixed.body()).contains("\"code\":0");
    }

    @Test
    void aMultipartContentTypeWithoutABoundaryIs99400NamingTheBoundaryOnEveryRoute() throws Exception {
        List<String[]> routes = List.of(new String[] {"POST", CREATE},
                new String[] {"GET", JOBS + "?action=get&orgId=yourOrgId&jobId=5ee1a91029b990001b9c188e"},
                new String[] {"POST", JOBS + "?action=start&orgId=yourOrgId&jobId=5ee1a91029b990001b9c188e"},
                new String[] {"POST", JOBS + "?action=search&orgId=yourOrgId"},
                new String[] {"GET", "/connect-service/v2.1/ota-firmwares?action=get&orgId=yourOrgId"
                        + "&firmwareId=yourFirmwareId"});
        for (String[] route : routes) {
            for (String type : List.of("multipart/form-data", "multipart/mixed",
                    "multipart/form-data; boundary=")) {
                RawHttp.Answer answer = send(route[0], route[1], "Content-Type: " + type + "\r\n", VERIFY);

                assertThat(answer.status()).as("%s %s with %s", route[0], route[1], type).isEqualTo(200);
                assertThat(answer.body()).as("%s %s with %s", route[0], route[1], type)
                        .contains("\"code\":99400")
                        .contains("Invalid Argument Content-Type: '" + type + "' has no boundary parameter");
            }
        }
    }

    @Test
    void aMultipartBodyCutShortIs99400AndAWholeOneReachesTheContentTypeCheck() throws Exception {
        String part = "--b1\r\nContent-Disposition: form-data; name=\"metadata\"\r\n\r\n{}";
        RawHttp.Answer cut = send("POST", CREATE, "Content-Type: multipart/form-data; boundary=b1\r\n",
                part.getBytes(StandardCharsets.UTF_8));
        RawHttp.Answer whole = send("POST", CREATE, "Content-Type: multipart/form-data; boundary=b1\r\n",
                (part + "\r\n--b1--\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(cut.status()).isEqualTo(200);
        assertThat(cut.body()).contains("\"code\":99400")
                .contains("Invalid Argument body: cannot be read as the multipart body its Content-Type"
                        + " 'multipart/form-data; boundary=b1' announces");
        assertThat(whole.body()).contains("\"code\":99400")
                .contains("Invalid Argument Content-Type: must be one of [application/json]");
    }

    @Test
    void aMultipartContentTypeWithoutABoundaryOnTheAdminApiIs400() throws Exception {
        RawHttp.Answer answer = send("GET", "/__admin/ota/state", "Content-Type: multipart/form-data\r\n",
                new byte[] {'x'});

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"error\":\"Content-Type: 'multipart/form-data' has no boundary"
                + " parameter; a multipart body needs one (multipart/form-data; boundary=...)\"}");
    }

    private static byte[] gzip(byte[] body) throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
            gzip.write(body);
        }
        return zipped.toByteArray();
    }

    @Test
    void aMalformedPathIsAnEnvelopeNotAnErrorPage() throws Exception {
        RawHttp.Answer answer = send("POST", JOBS + "%zz?action=create", "Content-Type: application/json\r\n", VERIFY);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"code\":99400").doesNotContain("<html");
    }

    @Test
    void aUriTooLongIsAnEnvelopeNotAnErrorPage() throws Exception {
        RawHttp.Answer answer = send("GET", JOBS + "?action=get&orgId=o&jobId=" + "j".repeat(100_000), "",
                new byte[0]);

        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.body()).contains("\"code\":99400").doesNotContain("<html");
    }

    @Test
    void brokenPercentEncodingOnTheAdminApiIsJson() throws Exception {
        RawHttp.Answer answer = send("GET", "/__admin/ota/state?x=%zz", "", new byte[0]);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"error\":\"x: '%zz' is not a percent-escape; a '%' takes two hex digits"
                + " (send %25 for a '%' itself)\"}");
    }

    @Test
    void anUnknownMethodIs404With99404() throws Exception {
        RawHttp.Answer answer = send("FOO", CREATE, "", new byte[0]);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).contains("\"code\":99404").contains("FOO is not an HTTP method");
    }

    @Test
    void aBodyOverTheLimitIs413With99400AndIsNotStored() {
        String name = "x".repeat((int) MockOptions.DEFAULT_MAX_BODY_BYTES);
        String body = Json.write(Bodies.verificationModel(1)
                .name(new StringI18n().defaultValue(name)));

        offSpec().contentType(ContentType.JSON).body(body).post(CREATE).then().statusCode(413)
                .body("code", equalTo(99400)).body("msg", containsString("more than the 1048576 the mock accepts (--max-body-bytes)"));
        RunningMock.admin().get("/orgs/yourOrgId/jobs").then().body("jobs.size()", equalTo(0));
    }
}
