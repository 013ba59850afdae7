package dev.depot.metadata.ticket;

import dev.depot.contracts.ticket.Ticket;
import dev.depot.contracts.ticket.TicketCodec;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Signs data-plane tickets and builds the URLs that carry them; touches no storage. */
@Component
public class TicketIssuer {

    /** A signed ticket and where to present it. */
    public record Issued(URI url, String ticket, Instant expiresAt) {}

    private final TicketCodec codec;
    private final LinkProperties links;

    TicketIssuer(TicketCodec codec, LinkProperties links) {
        this.codec = codec;
        this.links = links;
    }

    /** An upload ticket; {@code sha256} is the digest the uploader declared, or null. */
    public Issued upload(
            UUID fileId, UUID versionId, UUID blobId, UUID ownerId, long size, String sha256, Instant expiresAt) {
        String ticket = codec.sign(
                new Ticket(Ticket.Operation.UPLOAD, fileId, versionId, blobId, ownerId, size, sha256, expiresAt, null));
        return new Issued(resolve("api/uploads"), ticket, expiresAt);
    }

    /** A download ticket for a stored version of {@code size} bytes. */
    public Issued download(
            UUID fileId,
            UUID versionId,
            UUID blobId,
            UUID ownerId,
            long size,
            Ticket.Delivery delivery,
            Instant expiresAt) {
        String ticket = codec.sign(new Ticket(
                Ticket.Operation.DOWNLOAD, fileId, versionId, blobId, ownerId, size, null, expiresAt, delivery));
        return new Issued(resolve("dl/" + ticket), ticket, expiresAt);
    }

    /**
     * A download ticket for a prepared zip archive of {@code size} bytes, completed at {@code
     * readyAt}: the archive's id stands for file, version and blob, and the bytes are always saved
     * (never shown inline).
     */
    public Issued archive(
            UUID archiveId, UUID ownerId, long size, String fileName, Instant readyAt, Instant expiresAt) {
        String ticket = codec.sign(new Ticket(
                Ticket.Operation.ARCHIVE,
                archiveId,
                archiveId,
                archiveId,
                ownerId,
                size,
                null,
                expiresAt,
                new Ticket.Delivery(fileName, "application/zip", false, readyAt)));
        return new Issued(resolve("dl/" + ticket), ticket, expiresAt);
    }

    private URI resolve(String path) {
        String base = links.publicUrl().toString();
        return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
    }
}
