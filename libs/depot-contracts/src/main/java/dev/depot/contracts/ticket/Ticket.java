package dev.depot.contracts.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the control plane allows the data plane to do with one file version: one operation, until
 * {@code expiresAt}, for at most {@code maxBytes} (uploads). The data plane trusts a ticket on its
 * signature alone and never asks the database.
 */
public record Ticket(Operation operation, UUID fileId, UUID versionId, UUID ownerId, long maxBytes,
    Instant expiresAt) {

  public enum Operation { UPLOAD, DOWNLOAD, STREAM }

  public Ticket {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(fileId, "fileId");
    Objects.requireNonNull(versionId, "versionId");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0");
    }
  }
}
