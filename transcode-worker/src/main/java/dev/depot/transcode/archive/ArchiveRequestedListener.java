package dev.depot.transcode.archive;

import dev.depot.contracts.archives.v1.ArchiveRequested;
import dev.depot.contracts.events.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Archives to build. The offset is committed only after the archive is complete and reported, so a
 * worker stopped halfway gets the request again (here or on another instance) and builds the
 * archive anew; a failure retries with backoff, then dead-letters.
 */
@Component
class ArchiveRequestedListener {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveRequestedListener.class);

    private final ArchiveBuilder builder;

    ArchiveRequestedListener(ArchiveBuilder builder) {
        this.builder = builder;
    }

    @KafkaListener(id = "transcode-archive-requested", topics = ArchiveRequested.TOPIC)
    void on(EventEnvelope<ArchiveRequested> event) {
        ArchiveRequested request = event.data();
        LOG.info(
                "event {}: archive {} requested ({} entries, {} bytes)",
                event.id(),
                request.archiveId(),
                request.entries(),
                request.totalBytes());
        try {
            builder.build(request);
        } catch (ArchiveGoneException e) {
            LOG.info("archive {}: {}; it was discarded, nothing to build", request.archiveId(), e.getMessage());
        }
    }
}
