package dev.depot.metadata.archive;

import dev.depot.contracts.archives.v1.ArchiveFinished;
import dev.depot.contracts.events.EventEnvelope;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The worker's outcome; redeliveries find the archive settled already. */
@Component
class ArchiveFinishedListener {

    private final ArchiveService archives;

    ArchiveFinishedListener(ArchiveService archives) {
        this.archives = archives;
    }

    @KafkaListener(id = "metadata-archive-finished", topics = ArchiveFinished.TOPIC)
    void on(EventEnvelope<ArchiveFinished> event) {
        archives.finished(event.data());
    }
}
