package dev.depot.metadata.file;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** One immutable version of a file: its blob and what was learnt about the bytes. */
public record Version(
        UUID id,
        UUID fileId,
        int number,
        UUID blobId,
        long size,
        String mimeType,
        String sha256,
        Status status,
        Instant uploadExpiresAt,
        Instant createdAt,
        UUID createdBy) {

    public enum Status {
        UPLOADING,
        PROCESSING,
        READY,
        FAILED;

        public String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Whether its bytes are all stored (they may still be processed, or have no preview). */
    public boolean isStored() {
        return status != Status.UPLOADING;
    }
}
