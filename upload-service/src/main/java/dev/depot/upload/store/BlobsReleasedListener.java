package dev.depot.upload.store;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.files.v1.BlobsReleased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Deletes the objects of blobs no version needs any more. Deleting is idempotent, so a redelivered
 * event is harmless; a store that refuses makes the record retry, then dead-letter.
 */
@Component
class BlobsReleasedListener {

    private static final Logger LOG = LoggerFactory.getLogger(BlobsReleasedListener.class);

    private final BlobStore blobs;

    BlobsReleasedListener(BlobStore blobs) {
        this.blobs = blobs;
    }

    @KafkaListener(id = "upload-blobs-released", topics = BlobsReleased.TOPIC)
    void on(EventEnvelope<BlobsReleased> event) {
        blobs.delete(event.data().blobIds());
        LOG.info("deleted {} released blobs", event.data().blobIds().size());
    }
}
