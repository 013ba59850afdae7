package dev.depot.upload.session;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * What is stored of one upload: {@code stored} bytes, of which the last {@code tailSize} sit in
 * the tail object and the rest in parts of {@code partSize} bytes.
 *
 * @param declaredSha256 the digest the uploader declared at the start, or null
 * @param metadata the client's {@code Upload-Metadata} without the ticket, as it was sent
 */
public record UploadSession(UUID id, UUID fileId, UUID versionId, UUID blobId, UUID ownerId,
    long length, String declaredSha256, long stored, long partSize, String multipartId, String tailKey, long tailSize,
    String metadata, State state, Instant expiresAt) {

  public enum State {
    OPEN, COMPLETED, TERMINATED, EXPIRED, FAILED;

    String column() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Where the bytes held in the spool begin: the end of the last full part. */
  long partsEnd() {
    return stored - tailSize;
  }

  /** The number of the part being filled. */
  int nextPart() {
    return Math.toIntExact(partsEnd() / partSize) + 1;
  }
}
