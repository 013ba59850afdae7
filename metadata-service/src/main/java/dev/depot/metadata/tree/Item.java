package dev.depot.metadata.tree;

import dev.depot.metadata.activity.ActivitySubject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A folder or a file. {@code ancestors} runs from the owner's root folder down to the parent; a
 * file without a current version is an upload in progress and is listed nowhere.
 */
public record Item(
        UUID id,
        UUID ownerId,
        UUID parentId,
        List<UUID> ancestors,
        Kind kind,
        String name,
        long size,
        String mimeType,
        String status,
        UUID currentVersionId,
        Instant createdAt,
        Instant modifiedAt,
        Instant deletedAt,
        UUID trashRootId)
        implements ActivitySubject {

    public enum Kind {
        FOLDER,
        FILE;

        public String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public String activityKind() {
        return kind.column();
    }

    public boolean isFolder() {
        return kind == Kind.FOLDER;
    }

    public boolean isRoot() {
        return parentId == null;
    }

    public boolean isLive() {
        return deletedAt == null;
    }

    /** The path depth: 0 for a root folder. */
    public int depth() {
        return ancestors.size();
    }

    /** The ancestors a child of this folder has. */
    public List<UUID> childAncestors() {
        return Stream.concat(ancestors.stream(), Stream.of(id)).toList();
    }
}
