package dev.depot.transcode.archive;

import dev.depot.contracts.archives.v1.ArchiveDiscarded;
import dev.depot.contracts.events.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Expired or deleted archives: their objects are deleted (again, harmlessly, if redelivered). */
@Component
class ArchiveDiscardedListener {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveDiscardedListener.class);

    private final ArchiveBuilder builder;

    ArchiveDiscardedListener(ArchiveBuilder builder) {
        this.builder = builder;
    }

    @KafkaListener(id = "transcode-archive-discarded", topics = ArchiveDiscarded.TOPIC)
    void on(EventEnvelope<ArchiveDiscarded> event) {
        ArchiveDiscarded discarded = event.data();
        LOG.info(
                "event {}: archive {} {}",
                event.id(),
                discarded.archiveId(),
                discarded.reason().name().toLowerCase(java.util.Locale.ROOT));
        builder.discard(discarded.archiveId());
    }
}
