package dev.depot.upload.tus;

import dev.depot.contracts.ticket.InvalidTicketException;
import dev.depot.contracts.ticket.Ticket;
import dev.depot.contracts.ticket.TicketCodec;
import dev.depot.kit.problem.DepotException;
import dev.depot.upload.UploadProblem;
import dev.depot.upload.session.Checksum;
import dev.depot.upload.session.UploadProperties;
import dev.depot.upload.session.UploadService;
import dev.depot.upload.session.UploadSession;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tus 1.0.0 endpoint with the creation, creation-with-upload, termination, expiration and
 * checksum extensions. Creation needs the signed ticket metadata-service handed out (in {@code
 * Upload-Metadata}); the upload's address it answers with is then the capability.
 */
@RestController
class TusController {

    static final String PATH = "/api/uploads";
    private static final String UPLOAD = PATH + "/{id}";
    private static final String EXTENSIONS = "creation,creation-with-upload,termination,expiration,checksum";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final UploadService uploads;
    private final TicketCodec tickets;
    private final UploadProperties properties;

    TusController(UploadService uploads, TicketCodec tickets, UploadProperties properties) {
        this.uploads = uploads;
        this.tickets = tickets;
        this.properties = properties;
    }

    @RequestMapping(
            value = {PATH, PATH + "/", UPLOAD},
            method = RequestMethod.OPTIONS)
    ResponseEntity<Void> options() {
        return ResponseEntity.noContent()
                .header(TusHeaders.EXTENSIONS, EXTENSIONS)
                .header(TusHeaders.MAX_SIZE, Long.toString(properties.maxSize().toBytes()))
                .header(TusHeaders.CHECKSUM_ALGORITHMS, String.join(",", Checksum.SUPPORTED))
                .build();
    }

    @RequestMapping(
            value = {PATH, PATH + "/"},
            method = RequestMethod.POST)
    ResponseEntity<Void> create(HttpServletRequest request) throws IOException {
        requireVersion(request);
        if (request.getHeader(TusHeaders.DEFER_LENGTH) != null) {
            throw invalidHeader("Upload-Defer-Length is not supported: declare Upload-Length.");
        }
        long length = number(request, TusHeaders.LENGTH);
        UploadMetadata metadata = UploadMetadata.parse(request.getHeader(TusHeaders.METADATA));
        Ticket ticket = verify(metadata.ticket());
        boolean withBody = hasBody(request);
        Checksum checksum = Checksum.parse(request.getHeader(TusHeaders.CHECKSUM));
        UploadSession session = uploads.create(
                ticket,
                length,
                metadata.echo(),
                request.getContentLengthLong(),
                withBody ? request.getInputStream() : null,
                checksum);
        ResponseEntity.BodyBuilder response = ResponseEntity.created(URI.create(PATH + "/" + session.id()))
                .header(TusHeaders.EXPIRES, HTTP_DATE.format(session.expiresAt()));
        if (withBody || session.state() == UploadSession.State.COMPLETED) {
            response.header(TusHeaders.OFFSET, Long.toString(session.stored()));
        }
        return response.build();
    }

    @RequestMapping(value = UPLOAD, method = RequestMethod.HEAD)
    ResponseEntity<Void> head(@PathVariable String id, HttpServletRequest request) {
        requireVersion(request);
        UploadSession session = uploads.get(uploadId(id));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header(TusHeaders.OFFSET, Long.toString(session.stored()))
                .header(TusHeaders.LENGTH, Long.toString(session.length()));
        if (session.state() == UploadSession.State.OPEN) {
            response.header(TusHeaders.EXPIRES, HTTP_DATE.format(session.expiresAt()));
        }
        if (session.metadata() != null) {
            response.header(TusHeaders.METADATA, session.metadata());
        }
        return response.build();
    }

    @RequestMapping(value = UPLOAD, method = RequestMethod.PATCH)
    ResponseEntity<Void> patch(@PathVariable String id, HttpServletRequest request) throws IOException {
        requireVersion(request);
        UUID uploadId = uploadId(id);
        if (!isOffsetStream(request)) {
            throw new DepotException(
                    UploadProblem.WRONG_CONTENT_TYPE,
                    "PATCH bodies are sent as " + TusHeaders.OFFSET_OCTET_STREAM + ".");
        }
        long offset = number(request, TusHeaders.OFFSET);
        Checksum checksum = Checksum.parse(request.getHeader(TusHeaders.CHECKSUM));
        UploadSession session =
                uploads.write(uploadId, offset, request.getContentLengthLong(), request.getInputStream(), checksum);
        ResponseEntity.HeadersBuilder<?> response =
                ResponseEntity.noContent().header(TusHeaders.OFFSET, Long.toString(session.stored()));
        if (session.state() == UploadSession.State.OPEN) {
            response.header(TusHeaders.EXPIRES, HTTP_DATE.format(session.expiresAt()));
        }
        return response.build();
    }

    @RequestMapping(value = UPLOAD, method = RequestMethod.DELETE)
    ResponseEntity<Void> terminate(@PathVariable String id, HttpServletRequest request) {
        requireVersion(request);
        uploads.terminate(uploadId(id));
        return ResponseEntity.noContent().build();
    }

    private Ticket verify(String token) {
        if (token == null || token.isEmpty()) {
            throw new DepotException(
                    UploadProblem.TICKET_REQUIRED,
                    "Upload-Metadata must carry the "
                            + "ticket that starting the upload returned, under the key \"ticket\".");
        }
        Ticket ticket;
        try {
            ticket = tickets.verify(token);
        } catch (InvalidTicketException e) {
            throw e.reason() == InvalidTicketException.Reason.EXPIRED
                    ? new DepotException(
                            UploadProblem.TICKET_EXPIRED, "This upload ticket has expired; start the upload again.")
                    : new DepotException(UploadProblem.TICKET_INVALID, "This upload ticket is not valid.");
        }
        if (ticket.operation() != Ticket.Operation.UPLOAD) {
            throw new DepotException(UploadProblem.TICKET_INVALID, "This ticket does not allow uploading.");
        }
        return ticket;
    }

    private static void requireVersion(HttpServletRequest request) {
        String version = request.getHeader(TusHeaders.RESUMABLE);
        if (!TusHeaders.VERSION.equals(version)) {
            throw new DepotException(
                    UploadProblem.UNSUPPORTED_VERSION,
                    version == null
                            ? "Tus-Resumable: " + TusHeaders.VERSION + " is required."
                            : "This server speaks tus " + TusHeaders.VERSION + " only.",
                    Map.of("supportedVersions", TusHeaders.VERSION));
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        if (isOffsetStream(request)) {
            return true;
        }
        if (request.getContentLengthLong() > 0) {
            throw new DepotException(
                    UploadProblem.WRONG_CONTENT_TYPE,
                    "Bytes sent with the creation " + "request are sent as " + TusHeaders.OFFSET_OCTET_STREAM + ".");
        }
        return false;
    }

    private static boolean isOffsetStream(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.trim().toLowerCase(Locale.ROOT).startsWith(TusHeaders.OFFSET_OCTET_STREAM);
    }

    private static long number(HttpServletRequest request, String header) {
        String value = request.getHeader(header);
        if (value == null
                || value.isEmpty()
                || value.length() > 18
                || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalidHeader(header + " must be a non-negative integer.");
        }
        return Long.parseLong(value);
    }

    private static UUID uploadId(String id) {
        try {
            if (id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException e) {
            // not an upload address
        }
        throw new DepotException(UploadProblem.NOT_FOUND, "There is no upload at this address.");
    }

    private static DepotException invalidHeader(String detail) {
        return new DepotException(UploadProblem.INVALID_HEADER, detail);
    }
}
