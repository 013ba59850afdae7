package dev.depot.transcode.processing;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.files.v1.VersionStored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Stored versions to post-process. Processing is idempotent, so a redelivered or republished event
 * only does the work again; a failure retries with backoff, then dead-letters.
 */
@Component
class VersionStoredListener {

    private static final Logger LOG = LoggerFactory.getLogger(VersionStoredListener.class);

    private final ProcessingService processing;

    VersionStoredListener(ProcessingService processing) {
        this.processing = processing;
    }

    @KafkaListener(id = "transcode-version-stored", topics = VersionStored.TOPIC)
    void on(EventEnvelope<VersionStored> event) {
        VersionStored version = event.data();
        LOG.info(
                "event {}: version {} (blob {}) stored, attempt {}",
                event.id(),
                version.versionId(),
                version.blobId(),
                version.attempt());
        try {
            processing.process(version);
        } catch (BlobGoneException e) {
            LOG.warn("version {}: {}; nothing to process", version.versionId(), e.getMessage());
        }
    }
}
