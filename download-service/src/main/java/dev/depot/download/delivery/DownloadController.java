package dev.depot.download.delivery;

import dev.depot.contracts.ticket.InvalidTicketException;
import dev.depot.contracts.ticket.Ticket;
import dev.depot.contracts.ticket.TicketCodec;
import dev.depot.download.http.ByteRange;
import dev.depot.download.http.KeptConnections;
import dev.depot.download.http.Preconditions;
import dev.depot.download.http.RangeRequest;
import dev.depot.download.store.ObjectMissingException;
import dev.depot.download.store.StorageUnavailableException;
import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET|HEAD /dl/{ticket}}: the bytes a signed ticket names, with ranges, validators and
 * conditional requests. The signature alone authorises; no database and, until bytes are sent, no
 * storage is asked: size, tag and date travel in the ticket.
 */
@RestController
class DownloadController {

    private static final Logger LOG = LoggerFactory.getLogger(DownloadController.class);

    /** The edge keeps a verdict at most this long, and never past the ticket's expiry. */
    private static final Duration VERDICT_TTL = Duration.ofSeconds(10);

    private final TicketCodec tickets;
    private final ByteSender sender;
    private final Clock clock;

    DownloadController(TicketCodec tickets, ByteSender sender, Clock clock) {
        this.tickets = tickets;
        this.sender = sender;
        this.clock = clock;
    }

    @RequestMapping(
            path = "/dl/{ticket}",
            method = {RequestMethod.GET, RequestMethod.HEAD})
    void download(@PathVariable String ticket, HttpServletRequest request, HttpServletResponse response) {
        Representation rep = Representation.of(verify(ticket));
        Preconditions conditions = new Preconditions(
                request.getHeader(HttpHeaders.IF_MATCH),
                request.getHeader(HttpHeaders.IF_UNMODIFIED_SINCE),
                request.getHeader(HttpHeaders.IF_NONE_MATCH),
                request.getHeader(HttpHeaders.IF_MODIFIED_SINCE),
                request.getHeader(HttpHeaders.IF_RANGE));
        switch (conditions.evaluate(rep.etag(), rep.lastModified())) {
            case PRECONDITION_FAILED ->
                throw new DepotException(
                        DownloadProblem.PRECONDITION_FAILED,
                        "The file is not in the state the request's preconditions name.");
            case NOT_MODIFIED -> {
                validators(response, rep);
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
            case PROCEED -> {}
        }
        RangeRequest ranges = conditions.rangeApplies(rep.etag(), rep.lastModified())
                ? RangeRequest.of(request.getHeader(HttpHeaders.RANGE), rep.size())
                : new RangeRequest.Whole();
        if (ranges instanceof RangeRequest.Unsatisfiable) {
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + rep.size());
            throw new DepotException(
                    DownloadProblem.RANGE_NOT_SATISFIABLE,
                    "No requested range starts within the file's " + rep.size() + " bytes.");
        }
        boolean head = RequestMethod.HEAD.name().equals(request.getMethod());
        representation(response, rep);
        try {
            if (ranges instanceof RangeRequest.Partial(List<ByteRange> parts) && parts.size() > 1) {
                multipart(response, rep, parts, head);
            } else {
                ByteRange range =
                        ranges instanceof RangeRequest.Partial(List<ByteRange> parts) ? parts.getFirst() : null;
                single(request, response, rep, range, head);
            }
        } catch (ObjectMissingException | StorageUnavailableException e) {
            // Once bytes went out, the connection can only be broken off.
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            throw e instanceof ObjectMissingException
                    ? new DepotException(
                            DownloadProblem.OBJECT_NOT_FOUND, "The content of this file version is not stored.")
                    : unavailable(e);
        } catch (ByteSender.ClientGoneException e) {
            // The client closed the connection; the storage stream is already closed.
        }
    }

    private static DepotException unavailable(RuntimeException cause) {
        LOG.warn("storage unavailable: {}", cause.toString());
        return new DepotException(
                CommonProblem.BACKEND_UNAVAILABLE,
                "File storage is not answering. Try again in a moment.",
                Map.of(DepotException.RETRY_AFTER, 5));
    }

    /**
     * {@code GET /edge/verify/{ticket}}: the edge's check before it serves cached bytes. Answers 200
     * with what the response must say for this ticket (the cached copy may have been fetched with
     * another), or the same 403 problem a download would get.
     */
    @GetMapping("/edge/verify/{ticket}")
    void verifyForEdge(@PathVariable String ticket, HttpServletResponse response) {
        Representation rep = Representation.of(verify(ticket));
        Instant now = clock.instant();
        long left = Duration.between(now, rep.expiresAt()).toSeconds();
        response.setHeader("X-Accel-Expires", Long.toString(Math.max(0, Math.min(VERDICT_TTL.toSeconds(), left - 1))));
        response.setHeader("X-Depot-Object", rep.key());
        response.setHeader("X-Depot-Content-Type", rep.contentType());
        response.setHeader("X-Depot-Disposition", rep.disposition());
        response.setHeader("X-Depot-Cache-Control", rep.cacheControl(now));
        if (rep.securityPolicy() != null) {
            response.setHeader("X-Depot-Security-Policy", rep.securityPolicy());
        }
        response.setContentLength(0);
    }

    private void single(
            HttpServletRequest request,
            HttpServletResponse response,
            Representation rep,
            ByteRange range,
            boolean head) {
        response.setContentType(rep.contentType());
        if (range == null) {
            response.setContentLengthLong(rep.size());
        } else {
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader(HttpHeaders.CONTENT_RANGE, range.contentRange(rep.size()));
            response.setContentLengthLong(range.length());
        }
        if (head || rep.size() == 0) {
            return;
        }
        KeptConnections.remember(
                request,
                sender.send(
                        rep.key(),
                        range == null ? new ByteRange(0, rep.size() - 1) : range,
                        output(response),
                        KeptConnections.provenFast(request)));
    }

    private void multipart(HttpServletResponse response, Representation rep, List<ByteRange> ranges, boolean head) {
        String boundary = "depot-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        List<ByteSender.Part> parts = ranges.stream()
                .map(range -> new ByteSender.Part(
                        range,
                        ByteSender.ascii("--"
                                + boundary
                                + "\r\nContent-Type: "
                                + rep.contentType()
                                + "\r\nContent-Range: "
                                + range.contentRange(rep.size())
                                + "\r\n\r\n")))
                .toList();
        byte[] closing = ByteSender.ascii("--" + boundary + "--\r\n");
        long length = closing.length;
        for (ByteSender.Part part : parts) {
            length += part.header().length + part.range().length() + 2;
        }
        response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
        response.setContentType("multipart/byteranges; boundary=" + boundary);
        response.setContentLengthLong(length);
        if (!head) {
            sender.sendParts(rep.key(), parts, closing, output(response));
        }
    }

    private void validators(HttpServletResponse response, Representation rep) {
        response.setHeader(HttpHeaders.ETAG, rep.etag());
        if (rep.lastModified() != null) {
            response.setHeader(HttpHeaders.LAST_MODIFIED, Preconditions.format(rep.lastModified()));
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, rep.cacheControl(clock.instant()));
    }

    private void representation(HttpServletResponse response, Representation rep) {
        validators(response, rep);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, rep.disposition());
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (rep.securityPolicy() != null) {
            response.setHeader("Content-Security-Policy", rep.securityPolicy());
        }
    }

    /**
     * The server's own output stream, under the wrappers Spring Security and Spring MVC put around
     * the response: they know nothing of {@link ServletOutputStream#write(java.nio.ByteBuffer)}, and
     * its default copies a buffer into a new array for every write. Nothing is lost by going around
     * them: tokens are not kept in a session to save on commit, and the request is not async.
     */
    private static ServletOutputStream output(ServletResponse response) {
        ServletResponse own = response;
        while (own instanceof ServletResponseWrapper wrapper) {
            own = wrapper.getResponse();
        }
        try {
            return own.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Ticket verify(String token) {
        Ticket ticket;
        try {
            ticket = tickets.verify(token);
        } catch (InvalidTicketException e) {
            throw e.reason() == InvalidTicketException.Reason.EXPIRED
                    ? new DepotException(DownloadProblem.TICKET_EXPIRED, "This download link has expired.")
                    : new DepotException(DownloadProblem.TICKET_INVALID, "This download link is not valid.");
        }
        if (ticket.operation() != Ticket.Operation.DOWNLOAD && ticket.operation() != Ticket.Operation.ARCHIVE) {
            throw new DepotException(DownloadProblem.TICKET_INVALID, "This link does not allow downloading.");
        }
        return ticket;
    }
}
