package dev.depot.contracts.archives.v1;

import dev.depot.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * How far the building of an archive has come, sent at most about once a second. A rebuild (after a
 * worker was stopped) starts counting from zero again. Keyed by archive id.
 */
public record ArchiveProgressed(UUID archiveId, int entriesDone, long bytesDone, Instant reportedAt) {

    public static final String TOPIC = "depot.archives.archive-progressed.v1";
    public static final EventType<ArchiveProgressed> TYPE = new EventType<>(TOPIC, ArchiveProgressed.class);
}
