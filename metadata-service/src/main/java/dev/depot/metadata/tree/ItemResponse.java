package dev.depot.metadata.tree;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A folder or file as the API shows it. {@code size}, {@code mimeType} and {@code status} ({@code
 * processing}, {@code ready}, or {@code failed} when no preview could be made) concern files only.
 */
public record ItemResponse(
        UUID id,
        String kind,
        String name,
        @Nullable UUID parentId,
        long size,
        @Nullable String mimeType,
        @Nullable String status,
        @Nullable UUID versionId,
        Instant createdAt,
        Instant modifiedAt,
        @Nullable Instant deletedAt) {

    public static ItemResponse of(Item item) {
        return new ItemResponse(
                item.id(),
                item.kind().column(),
                item.name(),
                item.parentId(),
                item.size(),
                item.mimeType(),
                item.status(),
                item.currentVersionId(),
                item.createdAt(),
                item.modifiedAt(),
                item.deletedAt());
    }
}
