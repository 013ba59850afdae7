package dev.depot.contracts.files.v1;

import dev.depot.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A version's bytes are all stored and it waits for processing (type sniffing, checksum, previews).
 * Published again, with the next {@code attempt}, when processing takes too long. Keyed by file id.
 *
 * @param mimeType the type the uploader declared
 * @param sha256 lowercase hex digest of the bytes, when already known
 */
public record VersionStored(
        UUID fileId,
        UUID versionId,
        UUID blobId,
        UUID ownerId,
        long size,
        String mimeType,
        String sha256,
        int attempt,
        Instant storedAt) {

    public static final String TOPIC = "depot.files.version-stored.v1";
    public static final EventType<VersionStored> TYPE = new EventType<>(TOPIC, VersionStored.class);
}
