package dev.depot.contracts.ticket;

import dev.depot.contracts.ObjectKeys;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the control plane allows the data plane to do with one file version: one operation on its
 * blob, until {@code expiresAt}, for at most {@code maxBytes} (uploads). The data plane trusts a
 * ticket on its signature alone and never asks the database.
 *
 * @param blobId the immutable content the version points at (copies and reverts share blobs)
 * @param maxBytes for uploads, the most bytes that may be stored; for downloads and archives, the
 *     exact size of the stored bytes, so the data plane can answer ranges without asking storage
 * @param sha256 for uploads, the lowercase hex digest the uploader declared; null if none
 * @param delivery how the bytes are presented to a browser; {@code null} for uploads
 */
public record Ticket(
        Operation operation,
        UUID fileId,
        UUID versionId,
        UUID blobId,
        UUID ownerId,
        long maxBytes,
        String sha256,
        Instant expiresAt,
        Delivery delivery) {

    /**
     * What the ticket allows. For {@code ARCHIVE}, the ticket names a prepared zip archive: its
     * {@code fileId}, {@code versionId} and {@code blobId} are all the archive's id.
     */
    public enum Operation {
        UPLOAD,
        DOWNLOAD,
        STREAM,
        ARCHIVE
    }

    /**
     * The presentation of downloaded bytes.
     *
     * @param fileName the name to save the file under
     * @param contentType the stored media type
     * @param inline whether a browser may show it rather than save it
     * @param lastModified when the version was stored (second precision), for {@code Last-Modified}
     *     and date validators; null if unknown
     */
    public record Delivery(String fileName, String contentType, boolean inline, Instant lastModified) {

        public Delivery {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(contentType, "contentType");
        }

        public Delivery(String fileName, String contentType, boolean inline) {
            this(fileName, contentType, inline, null);
        }
    }

    /** The object the ticket's bytes are stored under. */
    public String objectKey() {
        return operation == Operation.ARCHIVE ? ObjectKeys.archive(blobId) : ObjectKeys.blob(blobId);
    }

    public Ticket {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(blobId, "blobId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must be >= 0");
        }
    }
}
