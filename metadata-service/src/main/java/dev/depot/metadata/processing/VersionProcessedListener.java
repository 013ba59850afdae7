package dev.depot.metadata.processing;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.processing.v1.VersionProcessed;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The worker's report on a stored version. Redeliveries find nothing processing any more. */
@Component
class VersionProcessedListener {

    private final ProcessingService processing;

    VersionProcessedListener(ProcessingService processing) {
        this.processing = processing;
    }

    @KafkaListener(id = "metadata-version-processed", topics = VersionProcessed.TOPIC)
    void on(EventEnvelope<VersionProcessed> event) {
        processing.processed(event.data());
    }
}
