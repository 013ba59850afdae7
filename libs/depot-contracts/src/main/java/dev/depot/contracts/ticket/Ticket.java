package dev.depot.contracts.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the control plane allows the data plane to do with one file version: one operation on its
 * blob, until {@code expiresAt}, for at most {@code maxBytes} (uploads). The data plane trusts a
 * ticket on its signature alone and never asks the database.
 *
 * @param blobId the immutable content the version points at (copies and reverts share blobs)
 * @param sha256 for uploads, the lowercase hex digest the uploader declared; null if none
 * @param delivery how the bytes are presented to a browser; {@code null} for uploads
 */
public record Ticket(Operation operation, UUID fileId, UUID versionId, UUID blobId, UUID ownerId,
    long maxBytes, String sha256, Instant expiresAt, Delivery delivery) {

  public enum Operation { UPLOAD, DOWNLOAD, STREAM }

  /**
   * The presentation of downloaded bytes.
   *
   * @param fileName the name to save the file under
   * @param contentType the stored media type
   * @param inline whether a browser may show it rather than save it
   */
  public record Delivery(String fileName, String contentType, boolean inline) {

    public Delivery {
      Objects.requireNonNull(fileName, "fileName");
      Objects.requireNonNull(contentType, "contentType");
    }
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
