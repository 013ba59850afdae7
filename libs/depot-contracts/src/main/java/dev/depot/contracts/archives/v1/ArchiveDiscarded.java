package dev.depot.contracts.archives.v1;

import dev.depot.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * An archive expired or its owner deleted it: its zip and manifest objects can be deleted (and a
 * build still running for it is wasted). Keyed by archive id.
 */
public record ArchiveDiscarded(UUID archiveId, UUID ownerId, Reason reason, Instant discardedAt) {

    public static final String TOPIC = "depot.archives.archive-discarded.v1";
    public static final EventType<ArchiveDiscarded> TYPE = new EventType<>(TOPIC, ArchiveDiscarded.class);

    public enum Reason {
        EXPIRED,
        DELETED
    }
}
