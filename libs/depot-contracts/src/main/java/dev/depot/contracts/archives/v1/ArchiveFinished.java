package dev.depot.contracts.archives.v1;

import dev.depot.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * The building of an archive ended: the zip is complete in the object store ({@code READY}), or it
 * cannot be built ({@code FAILED}, e.g. a file was purged after it was selected). Keyed by archive
 * id.
 *
 * @param size the zip's size in bytes; 0 when FAILED
 * @param failure why it failed, for people; null when READY
 */
public record ArchiveFinished(
        UUID archiveId, Outcome outcome, int entries, long size, String failure, Instant finishedAt) {

    public static final String TOPIC = "depot.archives.archive-finished.v1";
    public static final EventType<ArchiveFinished> TYPE = new EventType<>(TOPIC, ArchiveFinished.class);

    public enum Outcome {
        READY,
        FAILED
    }
}
