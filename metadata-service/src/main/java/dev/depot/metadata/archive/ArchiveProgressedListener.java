package dev.depot.metadata.archive;

import dev.depot.contracts.archives.v1.ArchiveProgressed;
import dev.depot.contracts.events.EventEnvelope;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** How far the worker has come; only an archive still preparing takes it. */
@Component
class ArchiveProgressedListener {

    private final ArchiveService archives;

    ArchiveProgressedListener(ArchiveService archives) {
        this.archives = archives;
    }

    @KafkaListener(id = "metadata-archive-progressed", topics = ArchiveProgressed.TOPIC)
    void on(EventEnvelope<ArchiveProgressed> event) {
        archives.progressed(event.data());
    }
}
