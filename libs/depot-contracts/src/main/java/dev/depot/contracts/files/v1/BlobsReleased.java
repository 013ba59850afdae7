package dev.depot.contracts.files.v1;

import dev.depot.contracts.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * No version refers to these blobs any more: their objects can be deleted. Keyed by owner (by the
 * first blob when the owner is no longer known, e.g. an upload that finished after a purge).
 */
public record BlobsReleased(UUID ownerId, List<UUID> blobIds, Instant releasedAt) {

    public static final String TOPIC = "depot.files.blobs-released.v1";
    public static final EventType<BlobsReleased> TYPE = new EventType<>(TOPIC, BlobsReleased.class);

    public BlobsReleased {
        blobIds = List.copyOf(blobIds);
    }
}
