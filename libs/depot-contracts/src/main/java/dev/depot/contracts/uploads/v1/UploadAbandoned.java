package dev.depot.contracts.uploads.v1;

import dev.depot.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * An upload will never complete: its pending version and quota reservation can go. Keyed by file
 * id.
 */
public record UploadAbandoned(UUID fileId, UUID versionId, UUID blobId, Reason reason, Instant abandonedAt) {

    public static final String TOPIC = "depot.uploads.upload-abandoned.v1";
    public static final EventType<UploadAbandoned> TYPE = new EventType<>(TOPIC, UploadAbandoned.class);

    /** Why: the session expired, the client terminated it, or the stored bytes were refused. */
    public enum Reason {
        EXPIRED,
        TERMINATED,
        FAILED
    }
}
