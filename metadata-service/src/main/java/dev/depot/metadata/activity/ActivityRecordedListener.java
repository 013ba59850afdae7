package dev.depot.metadata.activity;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.files.v1.ActivityRecorded;
import java.util.List;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Writes the audit log, a batch of events per poll (one download-URL issue is one event, so this
 * topic is as busy as the API); the event id is the row id, so redeliveries change nothing.
 */
@Component
class ActivityRecordedListener {

  private final ActivityRepository activity;

  ActivityRecordedListener(ActivityRepository activity) {
    this.activity = activity;
  }

  @KafkaListener(id = "metadata-activity", topics = ActivityRecorded.TOPIC, batch = "true")
  void on(List<EventEnvelope<ActivityRecorded>> events) {
    activity.insertAll(events);
  }
}
