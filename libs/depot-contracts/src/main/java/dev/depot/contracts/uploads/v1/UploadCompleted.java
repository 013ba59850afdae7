package dev.depot.contracts.uploads.v1;

import dev.depot.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * Every byte of a version's upload is stored in its blob. Keyed by file id.
 *
 * @param sha256 lowercase hex digest of the stored bytes, when the uploader computed it
 */
public record UploadCompleted(UUID fileId, UUID versionId, UUID blobId, long size, String sha256, Instant completedAt) {

    public static final String TOPIC = "depot.uploads.upload-completed.v1";
    public static final EventType<UploadCompleted> TYPE = new EventType<>(TOPIC, UploadCompleted.class);
}
