package dev.depot.download.delivery;

import static dev.depot.localinfra.MockMvcProblems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.depot.contracts.ticket.Ticket;
import dev.depot.contracts.ticket.TicketCodec;
import dev.depot.download.store.ObjectMissingException;
import dev.depot.download.store.StorageUnavailableException;
import dev.depot.kit.config.ClockConfiguration;
import dev.depot.kit.problem.ProblemConfiguration;
import dev.depot.kit.ticket.TicketConfiguration;
import dev.depot.localinfra.MockMvcProblems.Answer;
import dev.depot.localinfra.OpenApiSpecs;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The web layer of download-service without storage: every refusal of a link is a problem body, and
 * {@code openapi/download-service.yaml} describes exactly what the controllers map. The links'
 * paths are public, so the slice leaves the security chain out.
 */
@WebMvcTest
@ImportAutoConfiguration({ProblemConfiguration.class, ClockConfiguration.class, TicketConfiguration.class})
@TestPropertySource(
        properties = {
            "DEPOT_TICKET_SECRET=a-test-secret-of-at-least-32-bytes",
            "DEPOT_KAFKA_BOOTSTRAP=unused:9092",
            "DEPOT_S3_ENDPOINT=http://unused",
            "DEPOT_S3_ACCESS_KEY=unused",
            "DEPOT_S3_SECRET_KEY=unused",
            "DEPOT_S3_BUCKET=unused"
        })
@MockitoBean(types = ByteSender.class)
class DownloadControllerTest {

    private static final long SIZE = 1000;

    /** Answered as multipart/byteranges, read from storage without a server's connection. */
    private static final String TWO_RANGES = "bytes=0-9,20-29";

    private static final Instant STORED = Instant.parse("2026-11-20T08:30:00Z");

    @Autowired
    MockMvc mvc;

    @Autowired
    TicketCodec tickets;

    @Autowired
    ByteSender sender;

    @Autowired
    Clock clock;

    @Test
    void theOpenApiDescriptionNamesEveryOperationTheControllersMap(@Autowired RequestMappingHandlerMapping mappings)
            throws IOException {
        OpenApiSpecs.assertDescribesMappings("download-service.yaml", mappings, "dev.depot.download");
    }

    @Test
    void aForgedOrForeignLinkIsInvalid() throws Exception {
        String link = link(Ticket.Operation.DOWNLOAD, Duration.ofMinutes(5));
        Answer forged = assertProblem(mvc, get(link.substring(0, link.length() - 2) + "xx"), 403, "TICKET_INVALID");
        assertThat(forged.problem().path("detail").asString()).isEqualTo("This download link is not valid.");
        assertProblem(mvc, get("/dl/not-a-ticket"), 403, "TICKET_INVALID");
        assertProblem(mvc, get(link(Ticket.Operation.UPLOAD, Duration.ofMinutes(5))), 403, "TICKET_INVALID");
        assertProblem(mvc, get("/edge/verify/not-a-ticket"), 403, "TICKET_INVALID");
    }

    @Test
    void anExpiredLinkSaysSo() throws Exception {
        String expired = link(Ticket.Operation.DOWNLOAD, Duration.ofMinutes(-1));
        assertProblem(mvc, get(expired), 403, "TICKET_EXPIRED");
        assertProblem(mvc, head(expired), 403, "TICKET_EXPIRED");
        assertProblem(mvc, get(expired.replace("/dl/", "/edge/verify/")), 403, "TICKET_EXPIRED");
    }

    @Test
    void preconditionsAndRangesTheObjectCannotMeetAreRefused() throws Exception {
        String link = link(Ticket.Operation.DOWNLOAD, Duration.ofMinutes(5));
        assertProblem(mvc, get(link).header("If-Match", "\"another-version\""), 412, "PRECONDITION_FAILED");
        assertProblem(
                mvc,
                get(link).header("If-Unmodified-Since", "Thu, 19 Nov 2026 08:30:00 GMT"),
                412,
                "PRECONDITION_FAILED");
        Answer range =
                assertProblem(mvc, get(link).header("Range", "bytes=" + SIZE + "-"), 416, "RANGE_NOT_SATISFIABLE");
        assertThat(range.response().getHeader("Content-Range")).isEqualTo("bytes */" + SIZE);
    }

    @Test
    void storageThatLostTheObjectOrDoesNotAnswerIsAProblemBeforeAnyByte() throws Exception {
        String link = link(Ticket.Operation.ARCHIVE, Duration.ofMinutes(5));
        willThrow(new ObjectMissingException("archives/gone.zip"))
                .willThrow(new StorageUnavailableException("S3 read failed", new IOException("connection refused")))
                .given(sender)
                .sendParts(anyString(), any(), any(), any());
        Answer missing = assertProblem(mvc, get(link).header("Range", TWO_RANGES), 404, "OBJECT_NOT_FOUND");
        assertThat(missing.response().getHeaders("Content-Disposition")).noneMatch(v -> v.contains("report.pdf"));
        assertThat(missing.response().getHeader("Accept-Ranges")).isNull();
        Answer unavailable = assertProblem(mvc, get(link).header("Range", TWO_RANGES), 503, "BACKEND_UNAVAILABLE");
        assertThat(unavailable.response().getHeader("Retry-After")).isEqualTo("5");
        assertThat(unavailable.problem().path("detail").asString()).doesNotContain("refused");
    }

    @Test
    void whatIsNoLinkIsNotFoundAndLinksAreOnlyRead() throws Exception {
        assertProblem(mvc, get("/dl/"), 404, "NOT_FOUND");
        assertProblem(mvc, post(link(Ticket.Operation.DOWNLOAD, Duration.ofMinutes(5))), 405, "METHOD_NOT_ALLOWED");
    }

    private String link(Ticket.Operation operation, Duration validFor) {
        return "/dl/"
                + tickets.sign(new Ticket(
                        operation,
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        SIZE,
                        null,
                        clock.instant().plus(validFor),
                        new Ticket.Delivery("report.pdf", "application/pdf", false, STORED)));
    }
}
