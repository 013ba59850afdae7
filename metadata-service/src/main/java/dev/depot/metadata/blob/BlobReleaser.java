package dev.depot.metadata.blob;

import dev.depot.contracts.files.v1.BlobsReleased;
import dev.depot.kit.events.EventPublisher;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Lets go of blobs no version needs any more: their rows go now, their objects are deleted by the
 * storage side when the {@code blobs-released} event reaches it (never inside a request).
 */
@Component
public class BlobReleaser {

    private final BlobRepository blobs;
    private final EventPublisher events;
    private final Clock clock;

    BlobReleaser(BlobRepository blobs, EventPublisher events, Clock clock) {
        this.blobs = blobs;
        this.events = events;
        this.clock = clock;
    }

    /** Releases the unreferenced blobs among {@code candidates}; call inside the transaction. */
    public void release(UUID ownerId, List<UUID> candidates) {
        announce(ownerId, blobs.releaseUnreferenced(candidates));
    }

    /**
     * Announces objects to delete whose rows are already gone (or never existed); {@code ownerId} may
     * be {@code null} when nobody owns them any more.
     */
    public void announce(UUID ownerId, List<UUID> blobIds) {
        if (!blobIds.isEmpty()) {
            String key = (ownerId == null ? blobIds.getFirst() : ownerId).toString();
            events.publish(BlobsReleased.TYPE, key, new BlobsReleased(ownerId, blobIds, clock.instant()));
        }
    }
}
