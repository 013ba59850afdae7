package dev.depot.download;

import dev.depot.contracts.ObjectKeys;
import dev.depot.contracts.ticket.InvalidTicketException;
import dev.depot.contracts.ticket.Ticket;
import dev.depot.contracts.ticket.TicketCodec;
import dev.depot.kit.problem.DepotException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /dl/{ticket}}: streams the file version a signed ticket names. The signature alone
 * authorises the bytes; no database is asked.
 */
@RestController
class DownloadController {

  private final TicketCodec tickets;
  private final BlobReader blobs;

  DownloadController(TicketCodec tickets, BlobReader blobs) {
    this.tickets = tickets;
    this.blobs = blobs;
  }

  @GetMapping("/dl/{ticket}")
  ResponseEntity<InputStreamResource> download(@PathVariable String ticket) {
    Ticket granted = verify(ticket);
    String key = ObjectKeys.blob(granted.blobId());
    BlobReader.Blob blob = blobs.open(key).orElseThrow(() -> new DepotException(
        DownloadProblem.OBJECT_NOT_FOUND, "The content of this file version is not stored."));
    InputStream body = blob.content();
    Ticket.Delivery delivery = granted.delivery();
    ResponseEntity.BodyBuilder response = ResponseEntity.ok();
    if (delivery == null) {
      response.contentType(MediaType.APPLICATION_OCTET_STREAM);
    } else {
      response.contentType(MediaType.parseMediaType(delivery.contentType()))
          .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
              .builder(delivery.inline() ? "inline" : "attachment")
              .filename(delivery.fileName(), StandardCharsets.UTF_8).build().toString());
    }
    return response
        .contentLength(blob.size())
        .eTag("\"" + granted.blobId() + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .body(new InputStreamResource(body));
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
    if (ticket.operation() != Ticket.Operation.DOWNLOAD) {
      throw new DepotException(DownloadProblem.TICKET_INVALID,
          "This link does not allow downloading.");
    }
    return ticket;
  }
}
