package dev.depot.contracts.processing.v1;

import dev.depot.contracts.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Processing of a stored version ended: what the bytes are and which previews exist. A preview that
 * could not be made leaves the version downloadable, with outcome {@code PREVIEW_FAILED}. Keyed by
 * file id.
 *
 * @param mimeType the type the bytes are (sniffed), whatever the uploader declared
 * @param sha256 lowercase hex digest of the stored bytes
 * @param failure why previews failed, for people; null when READY
 */
public record VersionProcessed(
        UUID fileId,
        UUID versionId,
        UUID blobId,
        String mimeType,
        String sha256,
        Outcome outcome,
        String failure,
        List<Preview> previews,
        Instant processedAt) {

    public static final String TOPIC = "depot.processing.version-processed.v1";
    public static final EventType<VersionProcessed> TYPE = new EventType<>(TOPIC, VersionProcessed.class);

    public enum Outcome {
        READY,
        PREVIEW_FAILED
    }

    /**
     * One preview image in the object store.
     *
     * @param kind {@code small} (256 px), {@code large} (1024 px) or {@code poster} (a video frame)
     */
    public record Preview(String kind, String objectKey, String contentType, int width, int height) {}
}
