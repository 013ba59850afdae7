package dev.depot.metadata.tree;

import java.time.Instant;
import java.util.UUID;

/** A folder or file as the API shows it. {@code size} and {@code mimeType} concern files only. */
public record ItemResponse(UUID id, String kind, String name, UUID parentId, long size,
    String mimeType, UUID versionId, Instant createdAt, Instant modifiedAt, Instant deletedAt) {

  public static ItemResponse of(Item item) {
    return new ItemResponse(item.id(), item.kind().column(), item.name(), item.parentId(),
        item.size(), item.mimeType(), item.currentVersionId(), item.createdAt(),
        item.modifiedAt(), item.deletedAt());
  }
}
