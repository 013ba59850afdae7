package dev.depot.metadata.archive;

import java.time.Instant;
import java.util.UUID;

/**
 * A zip archive of a selection, as the control plane tracks it: {@code preparing} until the worker
 * reports, then {@code ready} (downloadable) or {@code failed}; {@code expired} after its time;
 * {@code deleted} rows answer like missing ones.
 */
record Archive(
        UUID id,
        UUID ownerId,
        String name,
        String status,
        int entries,
        long totalBytes,
        int entriesDone,
        long bytesDone,
        Long size,
        String error,
        Instant createdAt,
        Instant readyAt,
        Instant expiresAt) {

    static final String PREPARING = "preparing";
    static final String READY = "ready";
    static final String FAILED = "failed";
    static final String EXPIRED = "expired";
    static final String DELETED = "deleted";

    boolean isReady() {
        return READY.equals(status);
    }

    boolean isGone() {
        return EXPIRED.equals(status) || DELETED.equals(status);
    }

    Archive withStatus(String newStatus) {
        return new Archive(
                id,
                ownerId,
                name,
                newStatus,
                entries,
                totalBytes,
                entriesDone,
                bytesDone,
                size,
                error,
                createdAt,
                readyAt,
                expiresAt);
    }

    /** The name a downloaded zip is saved under. */
    String fileName() {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? name : name + ".zip";
    }
}
