package dev.depot.upload.tus;

import static dev.depot.localinfra.MockMvcProblems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.depot.contracts.ticket.Ticket;
import dev.depot.contracts.ticket.TicketCodec;
import dev.depot.kit.config.ClockConfiguration;
import dev.depot.kit.problem.ProblemConfiguration;
import dev.depot.kit.security.ResourceServerConfiguration;
import dev.depot.kit.ticket.TicketConfiguration;
import dev.depot.localinfra.MockMvcProblems.Answer;
import dev.depot.upload.session.InMemoryUploads;
import dev.depot.upload.session.UploadProperties;
import dev.depot.upload.session.UploadService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The problems the tus endpoint answers, under MockMvc with the service's own filter, security
 * chain and problem advice, and uploads kept in memory.
 */
@WebMvcTest(TusController.class)
@ImportAutoConfiguration({
    SecurityAutoConfiguration.class,
    ServletWebSecurityAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class,
    ProblemConfiguration.class,
    ResourceServerConfiguration.class,
    ClockConfiguration.class,
    TicketConfiguration.class
})
@TestPropertySource(
        properties = {
            "DEPOT_DB_URL=jdbc:postgresql://unused/depot",
            "DEPOT_DB_USER=unused",
            "DEPOT_KAFKA_BOOTSTRAP=unused:9092",
            "DEPOT_S3_ENDPOINT=http://unused:9000",
            "DEPOT_S3_ACCESS_KEY=unused",
            "DEPOT_S3_SECRET_KEY=unused",
            "DEPOT_S3_BUCKET=unused",
            "DEPOT_TICKET_SECRET=a-ticket-secret-of-at-least-32-bytes"
        })
class TusControllerTest {

    private static final String OFFSET_STREAM = "application/offset+octet-stream";

    @TestConfiguration
    static class Uploads {

        @Bean
        InMemoryUploads inMemoryUploads() {
            return new InMemoryUploads();
        }

        @Bean
        UploadService uploadService(InMemoryUploads uploads) {
            return uploads.service;
        }

        @Bean
        UploadProperties uploadProperties(InMemoryUploads uploads) {
            return uploads.properties;
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TicketCodec tickets;

    @Autowired
    InMemoryUploads uploads;

    @Test
    void everyAnswerNamesTheVersionAndOptionsNameTheCapabilities() throws Exception {
        MvcResult capabilities = mvc.perform(options("/api/uploads")).andReturn();
        assertThat(capabilities.getResponse().getStatus()).isEqualTo(204);
        assertThat(capabilities.getResponse().getHeader("Tus-Extension"))
                .isEqualTo("creation,creation-with-upload,termination,expiration,checksum");
        assertThat(capabilities.getResponse().getHeader("Tus-Max-Size"))
                .isEqualTo(Long.toString(InMemoryUploads.MAX_SIZE));
        assertThat(capabilities.getResponse().getHeader("Tus-Checksum-Algorithm"))
                .isEqualTo("md5,sha1,sha256");

        Answer unversioned =
                assertProblem(mvc, post("/api/uploads").header("Upload-Length", "1"), 412, "TUS_VERSION_UNSUPPORTED");
        assertThat(unversioned.problem().path("supportedVersions").asString()).isEqualTo("1.0.0");
        assertThat(unversioned.response().getHeader("Tus-Version")).isEqualTo("1.0.0");
        assertThat(unversioned.response().getHeader("Tus-Resumable")).isEqualTo("1.0.0");
        assertProblem(mvc, post("/api/uploads").header("Tus-Resumable", "0.2.2"), 412, "TUS_VERSION_UNSUPPORTED");
    }

    @Test
    void creationNeedsALengthAndNeverDefersIt() throws Exception {
        String metadata = metadata(uploads.ticket(10, null));
        for (String length : new String[] {"-1", "ten", "", "1234567890123456789"}) {
            assertProblem(
                    mvc,
                    tus(post("/api/uploads")).header("Upload-Length", length).header("Upload-Metadata", metadata),
                    400,
                    "INVALID_UPLOAD_HEADER");
        }
        Answer deferred = assertProblem(
                mvc,
                tus(post("/api/uploads")).header("Upload-Defer-Length", "1").header("Upload-Metadata", metadata),
                400,
                "INVALID_UPLOAD_HEADER");
        assertThat(deferred.problem().path("detail").asString()).contains("Upload-Defer-Length");
    }

    @Test
    void creationNeedsAnUploadTicket() throws Exception {
        Ticket ticket = uploads.ticket(10, null);
        assertProblem(mvc, create(10, null), 401, "TICKET_REQUIRED");
        assertProblem(mvc, create(10, tickets.sign(ticket).replaceFirst("\\.[^.]+$", ".AAAA")), 403, "TICKET_INVALID");
        assertProblem(
                mvc,
                create(
                        10,
                        tickets.sign(new Ticket(
                                Ticket.Operation.DOWNLOAD,
                                ticket.fileId(),
                                ticket.versionId(),
                                ticket.blobId(),
                                ticket.ownerId(),
                                10,
                                null,
                                ticket.expiresAt(),
                                new Ticket.Delivery("a.txt", "text/plain", false)))),
                403,
                "TICKET_INVALID");
        assertProblem(
                mvc,
                create(
                        10,
                        tickets.sign(new Ticket(
                                Ticket.Operation.UPLOAD,
                                UUID.randomUUID(),
                                UUID.randomUUID(),
                                UUID.randomUUID(),
                                UUID.randomUUID(),
                                10,
                                null,
                                Instant.now().minusSeconds(1),
                                null))),
                403,
                "TICKET_EXPIRED");
    }

    @Test
    void creationKeepsToTheTicketsLengthAndTheMetadataFormat() throws Exception {
        Ticket ticket = uploads.ticket(100, null);
        Answer over = assertProblem(mvc, create(101, tickets.sign(ticket)), 413, "UPLOAD_TOO_LARGE");
        assertThat(over.problem().path("maxBytes").asLong()).isEqualTo(100);
        Answer under = assertProblem(mvc, create(99, tickets.sign(ticket)), 400, "UPLOAD_LENGTH_MISMATCH");
        assertThat(under.problem().path("expectedLength").asLong()).isEqualTo(100);
        assertProblem(
                mvc,
                tus(post("/api/uploads"))
                        .header("Upload-Length", "100")
                        .header("Upload-Metadata", metadata(ticket) + ",filename %%%"),
                400,
                "INVALID_UPLOAD_METADATA");
        assertProblem(
                mvc,
                tus(post("/api/uploads"))
                        .header("Upload-Length", "100")
                        .header("Upload-Metadata", metadata(ticket) + ",a eA==,a eQ=="),
                400,
                "INVALID_UPLOAD_METADATA");
        assertProblem(
                mvc,
                create(100, tickets.sign(ticket))
                        .contentType("application/octet-stream")
                        .content("abc"),
                415,
                "UPLOAD_CONTENT_TYPE");

        String location = created(create(100, tickets.sign(ticket)));
        Answer again = assertProblem(mvc, create(100, tickets.sign(ticket)), 409, "UPLOAD_EXISTS");
        assertThat(again.problem().path("location").asString()).isEqualTo(location);
    }

    @Test
    void patchesKeepToTheContentTypeTheOffsetAndTheRoomLeft() throws Exception {
        String location = created(create(10, tickets.sign(uploads.ticket(10, null))));
        assertProblem(
                mvc,
                tus(patch(location))
                        .header("Upload-Offset", "0")
                        .contentType("application/octet-stream")
                        .content("abc"),
                415,
                "UPLOAD_CONTENT_TYPE");
        assertProblem(
                mvc, tus(patch(location)).contentType(OFFSET_STREAM).content("abc"), 400, "INVALID_UPLOAD_HEADER");
        assertThat(patched(location, 0, "abc").getResponse().getHeader("Upload-Offset"))
                .isEqualTo("3");
        Answer mismatch = assertProblem(mvc, patchOf(location, 1, "def"), 409, "UPLOAD_OFFSET_MISMATCH");
        assertThat(mismatch.problem().path("expectedOffset").asLong()).isEqualTo(3);
        Answer tooMuch = assertProblem(mvc, patchOf(location, 3, "12345678"), 413, "UPLOAD_TOO_LARGE");
        assertThat(tooMuch.problem().path("remainingBytes").asLong()).isEqualTo(7);

        assertThat(patched(location, 3, "4567890").getResponse().getHeader("Upload-Expires"))
                .isNull();
        assertProblem(mvc, patchOf(location, 10, "x"), 409, "UPLOAD_COMPLETE");
        assertProblem(mvc, tus(delete(location)), 409, "UPLOAD_COMPLETE");
    }

    @Test
    void checksumsAreParsedAndAChunkFailingOneIsRefused() throws Exception {
        String location = created(create(4, tickets.sign(uploads.ticket(4, null))));
        Answer algorithm = assertProblem(
                mvc,
                patchOf(location, 0, "abcd").header("Upload-Checksum", "crc32 AAAA"),
                400,
                "CHECKSUM_ALGORITHM_UNSUPPORTED");
        assertThat(algorithm.problem().path("supported").valueStream().map(v -> v.asString()))
                .containsExactly("md5", "sha1", "sha256");
        assertProblem(
                mvc, patchOf(location, 0, "abcd").header("Upload-Checksum", "sha1"), 400, "INVALID_UPLOAD_HEADER");
        assertProblem(
                mvc, patchOf(location, 0, "abcd").header("Upload-Checksum", "sha1 !!!"), 400, "INVALID_UPLOAD_HEADER");
        assertProblem(
                mvc,
                patchOf(location, 0, "abcd").header("Upload-Checksum", "sha1 " + sha1("abcX")),
                460,
                "CHECKSUM_MISMATCH");
        assertThat(mvc.perform(patchOf(location, 0, "abcd").header("Upload-Checksum", "sha1 " + sha1("abcd")))
                        .andReturn()
                        .getResponse()
                        .getHeader("Upload-Offset"))
                .isEqualTo("4");
    }

    @Test
    void unknownEndedAndMisaddressedUploadsAreRefused() throws Exception {
        assertProblem(mvc, patchOf("/api/uploads/" + UUID.randomUUID(), 0, "x"), 404, "UPLOAD_NOT_FOUND");
        assertProblem(mvc, patchOf("/api/uploads/not-an-upload", 0, "x"), 404, "UPLOAD_NOT_FOUND");
        String location = created(create(10, tickets.sign(uploads.ticket(10, null))));
        assertThat(mvc.perform(tus(delete(location))).andReturn().getResponse().getStatus())
                .isEqualTo(204);
        assertProblem(mvc, patchOf(location, 0, "abc"), 410, "UPLOAD_GONE");
        assertProblem(mvc, tus(delete(location)), 410, "UPLOAD_GONE");
    }

    @Test
    void aMethodOverrideTurnsAPostIntoThePatchItCarries() throws Exception {
        String location = created(create(3, tickets.sign(uploads.ticket(3, null))));
        Answer offset = assertProblem(
                mvc,
                tus(post(location))
                        .header("X-HTTP-Method-Override", "PATCH")
                        .header("Upload-Offset", "1")
                        .contentType(OFFSET_STREAM)
                        .content("abc"),
                409,
                "UPLOAD_OFFSET_MISMATCH");
        assertThat(offset.problem().path("expectedOffset").asLong()).isZero();
    }

    private MockHttpServletRequestBuilder create(long length, String ticket) {
        MockHttpServletRequestBuilder request =
                tus(post("/api/uploads")).header("Upload-Length", Long.toString(length));
        return ticket == null
                ? request
                : request.header(
                        "Upload-Metadata",
                        "ticket " + Base64.getEncoder().encodeToString(ticket.getBytes(StandardCharsets.US_ASCII)));
    }

    private String created(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(201);
        return result.getResponse().getHeader("Location");
    }

    private MvcResult patched(String location, long offset, String body) throws Exception {
        MvcResult result = mvc.perform(patchOf(location, offset, body)).andReturn();
        assertThat(result.getResponse().getStatus())
                .as(result.getResponse().getContentAsString())
                .isEqualTo(204);
        return result;
    }

    private static MockHttpServletRequestBuilder patchOf(String location, long offset, String body) {
        return tus(patch(location))
                .header("Upload-Offset", Long.toString(offset))
                .contentType(OFFSET_STREAM)
                .content(body);
    }

    private String metadata(Ticket ticket) {
        return "ticket "
                + Base64.getEncoder().encodeToString(tickets.sign(ticket).getBytes(StandardCharsets.US_ASCII));
    }

    private static MockHttpServletRequestBuilder tus(MockHttpServletRequestBuilder request) {
        return request.header("Tus-Resumable", "1.0.0");
    }

    private static String sha1(String text) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
