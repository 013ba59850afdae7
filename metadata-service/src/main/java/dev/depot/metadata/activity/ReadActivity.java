package dev.depot.metadata.activity;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.files.v1.ActivityRecorded;
import dev.depot.kit.events.EventPublisher;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records reads (download-URL issues), which change no row: the activity goes straight to Kafka,
 * asynchronously, so the hot path waits for neither the database nor the broker. A send that
 * fails is logged; reads are the one kind of activity that may be lost with a crashing process.
 */
@Component
public class ReadActivity {

  private static final Logger LOG = LoggerFactory.getLogger(ReadActivity.class);

  private final KafkaTemplate<Object, Object> kafka;
  private final EventPublisher events;
  private final JsonMapper json;
  private final Clock clock;

  ReadActivity(KafkaTemplate<Object, Object> kafka, EventPublisher events, JsonMapper json,
      Clock clock) {
    this.kafka = kafka;
    this.events = events;
    this.json = json;
    this.clock = clock;
  }

  public void record(UUID ownerId, UUID actorId, String action, UUID fileId, String fileName,
      Map<String, Object> details) {
    ActivityRecorded activity = new ActivityRecorded(ownerId, actorId, action, "file", fileId,
        fileName, details, clock.instant());
    EventEnvelope<ActivityRecorded> event = events.envelope(ActivityRecorded.TYPE,
        ownerId.toString(), activity);
    kafka.send(ActivityRecorded.TOPIC, ownerId.toString(),
        json.writeValueAsBytes(event)).whenComplete((result, failure) -> {
          if (failure != null) {
            LOG.warn("activity {} for file {} not recorded: {}", action, fileId,
                failure.toString());
          }
        });
  }
}
