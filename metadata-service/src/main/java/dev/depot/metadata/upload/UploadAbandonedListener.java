package dev.depot.metadata.upload;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.uploads.v1.UploadAbandoned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** An upload will never complete. Redeliveries find the version gone and change nothing. */
@Component
class UploadAbandonedListener {

    private static final Logger LOG = LoggerFactory.getLogger(UploadAbandonedListener.class);

    private final UploadService uploads;

    UploadAbandonedListener(UploadService uploads) {
        this.uploads = uploads;
    }

    @KafkaListener(id = "metadata-upload-abandoned", topics = UploadAbandoned.TOPIC)
    void on(EventEnvelope<UploadAbandoned> event) {
        LOG.info(
                "upload abandoned ({}): file {} version {}",
                event.data().reason(),
                event.data().fileId(),
                event.data().versionId());
        uploads.abandoned(event.data().versionId());
    }
}
