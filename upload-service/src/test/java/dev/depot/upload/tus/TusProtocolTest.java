package dev.depot.upload.tus;

import static dev.depot.localinfra.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.contracts.ticket.Ticket;
import dev.depot.contracts.ticket.TicketCodec;
import dev.depot.contracts.uploads.v1.UploadAbandoned;
import dev.depot.localinfra.EventProbe;
import dev.depot.localinfra.TestInfra;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** Every refusal of the tus endpoint, each with the status tus names and a problem body. */
@ExtendWith(TestInfra.class)
@Import(UploadFixtures.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "depot.upload.sweep-interval=500ms")
class TusProtocolTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Autowired
    UploadFixtures fixtures;

    @Test
    void optionsNamesVersionExtensionsMaximumAndChecksums() throws Exception {
        HttpResponse<String> response = send(request("").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Tus-Version")).hasValue("1.0.0");
        assertThat(response.headers().firstValue("Tus-Extension"))
                .hasValueSatisfying(v -> assertThat(v.split(","))
                        .contains("creation", "creation-with-upload", "termination", "expiration", "checksum"));
        assertThat(response.headers().firstValue("Tus-Max-Size")).hasValue("1099511627776");
        assertThat(response.headers().firstValue("Tus-Checksum-Algorithm")).hasValue("md5,sha1,sha256");
    }

    @Test
    void aRequestWithoutTusResumableIsRefused() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(""))
                .header("Upload-Length", "10")
                .POST(HttpRequest.BodyPublishers.noBody()));
        JsonNode problem = assertProblem(response, 412, "TUS_VERSION_UNSUPPORTED");
        assertThat(problem.path("supportedVersions").asString()).isEqualTo("1.0.0");
        assertThat(response.headers().firstValue("Tus-Version")).hasValue("1.0.0");
        assertThat(response.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
    }

    @Test
    void creationChecksTheTicket() throws Exception {
        Ticket ticket = UploadFixtures.ticket(10, Duration.ofHours(1));
        assertProblem(create(10, null), 401, "TICKET_REQUIRED");
        String forged = fixtures.sign(ticket).replaceFirst("\\.[^.]+$", ".AAAA");
        assertProblem(create(10, forged), 403, "TICKET_INVALID");
        assertProblem(
                create(
                        10,
                        new TicketCodec("another-secret-another-secret-1234", java.time.Clock.systemUTC())
                                .sign(ticket)),
                403,
                "TICKET_INVALID");
        assertProblem(
                create(
                        10,
                        fixtures.sign(new Ticket(
                                Ticket.Operation.DOWNLOAD,
                                ticket.fileId(),
                                ticket.versionId(),
                                ticket.blobId(),
                                ticket.ownerId(),
                                0,
                                null,
                                ticket.expiresAt(),
                                new Ticket.Delivery("a", "text/plain", false)))),
                403,
                "TICKET_INVALID");
        Ticket expired = new Ticket(
                Ticket.Operation.UPLOAD,
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                10,
                null,
                Instant.now().minusSeconds(1),
                null);
        assertProblem(create(10, fixtures.sign(expired)), 403, "TICKET_EXPIRED");
    }

    @Test
    void creationChecksLengthAndMetadata() throws Exception {
        Ticket ticket = UploadFixtures.ticket(100, Duration.ofHours(1));
        JsonNode over = assertProblem(create(101, fixtures.sign(ticket)), 413, "UPLOAD_TOO_LARGE");
        assertThat(over.path("maxBytes").asLong()).isEqualTo(100);
        assertProblem(create(99, fixtures.sign(ticket)), 400, "UPLOAD_LENGTH_MISMATCH");
        assertProblem(
                send(request("")
                        .header("Upload-Length", "-1")
                        .header("Upload-Metadata", metadata(fixtures.sign(ticket)))
                        .POST(HttpRequest.BodyPublishers.noBody())),
                400,
                "INVALID_UPLOAD_HEADER");
        assertProblem(
                send(request("")
                        .header("Upload-Defer-Length", "1")
                        .header("Upload-Metadata", metadata(fixtures.sign(ticket)))
                        .POST(HttpRequest.BodyPublishers.noBody())),
                400,
                "INVALID_UPLOAD_HEADER");
        assertProblem(
                send(request("")
                        .header("Upload-Length", "100")
                        .header("Upload-Metadata", "ticket " + fixtures.sign(ticket) + "!!,filename %%%")
                        .POST(HttpRequest.BodyPublishers.noBody())),
                400,
                "INVALID_UPLOAD_METADATA");
        assertProblem(
                send(request("")
                        .header("Upload-Length", "100")
                        .header("Upload-Metadata", metadata(fixtures.sign(ticket)) + ",a x,a y")
                        .POST(HttpRequest.BodyPublishers.noBody())),
                400,
                "INVALID_UPLOAD_METADATA");
    }

    @Test
    void aSecondCreationForOneTicketPointsAtTheFirst() throws Exception {
        Ticket ticket = UploadFixtures.ticket(5, Duration.ofHours(1));
        String location = location(create(5, fixtures.sign(ticket)));
        JsonNode again = assertProblem(create(5, fixtures.sign(ticket)), 409, "UPLOAD_EXISTS");
        assertThat(again.path("location").asString()).isEqualTo(location);
    }

    @Test
    void patchChecksContentTypeOffsetAndSize() throws Exception {
        Ticket ticket = UploadFixtures.ticket(10, Duration.ofHours(1));
        String location = location(create(10, fixtures.sign(ticket)));
        assertProblem(
                send(request(location)
                        .header("Upload-Offset", "0")
                        .header("Content-Type", "application/octet-stream")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("abc"))),
                415,
                "UPLOAD_CONTENT_TYPE");
        assertThat(patch(location, 0, "abc").statusCode()).isEqualTo(204);
        JsonNode mismatch = assertProblem(patch(location, 1, "def"), 409, "UPLOAD_OFFSET_MISMATCH");
        assertThat(mismatch.path("expectedOffset").asLong()).isEqualTo(3);
        JsonNode tooMuch = assertProblem(patch(location, 3, "12345678"), 413, "UPLOAD_TOO_LARGE");
        assertThat(tooMuch.path("remainingBytes").asLong()).isEqualTo(7);
        assertThat(offset(location)).isEqualTo(3);
        assertThat(patch(location, 3, "4567890").statusCode()).isEqualTo(204);
        assertProblem(patch(location, 10, "x"), 409, "UPLOAD_COMPLETE");
        assertProblem(
                send(request(location).method("DELETE", HttpRequest.BodyPublishers.noBody())), 409, "UPLOAD_COMPLETE");
        assertThat(fixtures.storedSha256(ticket.blobId()))
                .isEqualTo(UploadFixtures.sha256("abc4567890".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aChunkFailingItsChecksumIsDiscarded() throws Exception {
        Ticket ticket = UploadFixtures.ticket(8, Duration.ofHours(1));
        String location = location(create(8, fixtures.sign(ticket)));
        assertProblem(
                send(patchRequest(location, 0, "abcd").header("Upload-Checksum", "sha1 " + sha1("abcX"))),
                460,
                "CHECKSUM_MISMATCH");
        assertThat(offset(location)).isZero();
        assertProblem(
                send(patchRequest(location, 0, "abcd").header("Upload-Checksum", "crc32 AAAA")),
                400,
                "CHECKSUM_ALGORITHM_UNSUPPORTED");
        assertProblem(
                send(patchRequest(location, 0, "abcd").header("Upload-Checksum", "sha1 not base64!")),
                400,
                "INVALID_UPLOAD_HEADER");
        HttpResponse<String> ok =
                send(patchRequest(location, 0, "abcd").header("Upload-Checksum", "sha1 " + sha1("abcd")));
        assertThat(ok.statusCode()).isEqualTo(204);
        assertThat(ok.headers().firstValue("Upload-Offset")).hasValue("4");
    }

    @Test
    void bytesThatAreNotWhatWasDeclaredFailTheUpload() throws Exception {
        byte[] declared = "abcdef".getBytes(StandardCharsets.UTF_8);
        Ticket ticket = UploadFixtures.ticket(6, UploadFixtures.sha256(declared), Duration.ofHours(1));
        String location = location(create(6, fixtures.sign(ticket)));
        assertThat(patch(location, 0, "abc").statusCode()).isEqualTo(204);
        JsonNode failed = assertProblem(patch(location, 3, "deX"), 460, "CHECKSUM_MISMATCH");
        assertThat(failed.path("declaredSha256").asString()).isEqualTo(UploadFixtures.sha256(declared));
        assertThat(send(request(location).method("HEAD", HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isEqualTo(410);
        assertProblem(patch(location, 6, "x"), 410, "UPLOAD_GONE");
        EventProbe.Event event = EventProbe.await(
                UploadAbandoned.TOPIC,
                e -> e.value().contains(ticket.versionId().toString()),
                Duration.ofSeconds(20));
        assertThat(event.value()).contains("\"reason\":\"FAILED\"");

        Ticket right = UploadFixtures.ticket(6, UploadFixtures.sha256(declared), Duration.ofHours(1));
        String ok = location(create(6, fixtures.sign(right)));
        assertThat(patch(ok, 0, "abcdef").statusCode()).isEqualTo(204);
        assertThat(fixtures.storedSha256(right.blobId())).isEqualTo(UploadFixtures.sha256(declared));
    }

    @Test
    void headReportsProgressWithoutCaching() throws Exception {
        Ticket ticket = UploadFixtures.ticket(6, Duration.ofHours(1));
        HttpResponse<String> created = send(request("")
                .header("Upload-Length", "6")
                .header(
                        "Upload-Metadata",
                        metadata(fixtures.sign(ticket))
                                + ",filename "
                                + Base64.getEncoder().encodeToString("ünïcode.txt".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/offset+octet-stream")
                .POST(HttpRequest.BodyPublishers.ofString("ab")));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Upload-Offset")).hasValue("2");
        assertThat(created.headers().firstValue("Upload-Expires")).isPresent();
        HttpResponse<String> head =
                send(request(location(created)).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Upload-Offset")).hasValue("2");
        assertThat(head.headers().firstValue("Upload-Length")).hasValue("6");
        assertThat(head.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(head.headers().firstValue("Upload-Metadata"))
                .hasValueSatisfying(m -> assertThat(m).startsWith("filename ").doesNotContain("ticket"));
        assertThat(send(request("/api/uploads/" + UUID.randomUUID())
                                .method("HEAD", HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isEqualTo(404);
        assertProblem(patch("/api/uploads/not-an-upload", 0, "x"), 404, "UPLOAD_NOT_FOUND");
    }

    @Test
    void aZeroByteUploadCompletesAtCreation() throws Exception {
        Ticket ticket = UploadFixtures.ticket(0, Duration.ofHours(1));
        HttpResponse<String> created = create(0, fixtures.sign(ticket));
        assertThat(created.headers().firstValue("Upload-Offset")).hasValue("0");
        assertThat(fixtures.storedSha256(ticket.blobId())).isEqualTo(UploadFixtures.sha256(new byte[0]));
    }

    @Test
    void terminationEndsTheUploadAndReleasesIt() throws Exception {
        Ticket ticket = UploadFixtures.ticket(10, Duration.ofHours(1));
        String location = location(create(10, fixtures.sign(ticket)));
        patch(location, 0, "abc");
        assertThat(send(request(location).method("DELETE", HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isEqualTo(204);
        assertProblem(patch(location, 3, "def"), 410, "UPLOAD_GONE");
        assertThat(send(request(location).method("HEAD", HttpRequest.BodyPublishers.noBody()))
                        .statusCode())
                .isEqualTo(410);
        EventProbe.Event event = EventProbe.await(
                UploadAbandoned.TOPIC,
                e -> e.value().contains(ticket.versionId().toString()),
                Duration.ofSeconds(20));
        assertThat(event.value()).contains("\"reason\":\"TERMINATED\"");
    }

    @Test
    void anExpiredUploadIsGoneAndAnnounced() throws Exception {
        Ticket ticket = UploadFixtures.ticket(10, Duration.ofSeconds(2));
        String location = location(create(10, fixtures.sign(ticket)));
        patch(location, 0, "abc");
        EventProbe.Event event = EventProbe.await(
                UploadAbandoned.TOPIC,
                e -> e.value().contains(ticket.versionId().toString()),
                Duration.ofSeconds(20));
        assertThat(event.value()).contains("\"reason\":\"EXPIRED\"");
        assertProblem(patch(location, 3, "def"), 410, "UPLOAD_GONE");
    }

    @Test
    void aSecondWriterOfOneUploadIsRefusedWhileTheFirstRuns() throws Exception {
        Ticket ticket = UploadFixtures.ticket(20, Duration.ofHours(1));
        String location = location(create(20, fixtures.sign(ticket)));
        try (Socket first = new Socket("127.0.0.1", port)) {
            OutputStream out = first.getOutputStream();
            out.write(("PATCH "
                            + location
                            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTus-Resumable: 1.0.0"
                            + "\r\nUpload-Offset: 0\r\nContent-Type: application/offset+octet-stream"
                            + "\r\nContent-Length: 10\r\n\r\nabcde")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(500);
            assertProblem(patch(location, 0, "0123456789"), 423, "UPLOAD_LOCKED");
            out.write("fghij".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new String(first.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 204");
        }
        assertThat(offset(location)).isEqualTo(10);
    }

    private HttpResponse<String> create(long length, String ticket) throws Exception {
        HttpRequest.Builder request = request("").header("Upload-Length", Long.toString(length));
        if (ticket != null) {
            request.header("Upload-Metadata", metadata(ticket));
        }
        return send(request.POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> patch(String location, long offset, String body) throws Exception {
        return send(patchRequest(location, offset, body));
    }

    private HttpRequest.Builder patchRequest(String location, long offset, String body) {
        return request(location)
                .header("Upload-Offset", Long.toString(offset))
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
    }

    private long offset(String location) throws Exception {
        return Long.parseLong(send(request(location).method("HEAD", HttpRequest.BodyPublishers.noBody()))
                .headers()
                .firstValue("Upload-Offset")
                .orElseThrow());
    }

    private static String location(HttpResponse<String> created) {
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.headers().firstValue("Location").orElseThrow();
    }

    private static String metadata(String ticket) {
        return "ticket " + Base64.getEncoder().encodeToString(ticket.getBytes(StandardCharsets.US_ASCII));
    }

    private static String sha1(String text) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Tus-Resumable", "1.0.0");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + (path.startsWith("/") ? path : "/api/uploads" + path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
