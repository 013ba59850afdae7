package dev.depot.upload.session;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One tus upload: {@code stored} of its {@code length} bytes are in the object store.
 *
 * @param declaredSha256 the digest the uploader declared at the start, or null
 * @param metadata the client's {@code Upload-Metadata} without the ticket, as it was sent
 */
public record UploadSession(
        UUID id,
        UUID fileId,
        UUID versionId,
        UUID blobId,
        UUID ownerId,
        long length,
        String declaredSha256,
        long stored,
        String metadata,
        State state,
        Instant expiresAt) {

    public enum State {
        OPEN,
        COMPLETED,
        TERMINATED,
        EXPIRED,
        FAILED;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The session once {@code stored} bytes are in place: complete when they are all there. */
    UploadSession storedUpTo(long stored) {
        return new UploadSession(
                id,
                fileId,
                versionId,
                blobId,
                ownerId,
                length,
                declaredSha256,
                stored,
                metadata,
                stored == length ? State.COMPLETED : State.OPEN,
                expiresAt);
    }
}
