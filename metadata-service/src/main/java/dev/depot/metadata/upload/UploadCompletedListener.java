package dev.depot.metadata.upload;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.uploads.v1.UploadCompleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** An upload's bytes are stored. Redeliveries find the version settled and change nothing. */
@Component
class UploadCompletedListener {

    private static final Logger LOG = LoggerFactory.getLogger(UploadCompletedListener.class);

    private final UploadService uploads;

    UploadCompletedListener(UploadService uploads) {
        this.uploads = uploads;
    }

    @KafkaListener(id = "metadata-upload-completed", topics = UploadCompleted.TOPIC)
    void on(EventEnvelope<UploadCompleted> event) {
        LOG.info(
                "upload completed: file {} version {}",
                event.data().fileId(),
                event.data().versionId());
        uploads.completed(event.data());
    }
}
