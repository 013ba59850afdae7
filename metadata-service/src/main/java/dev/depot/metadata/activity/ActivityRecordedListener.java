package dev.depot.metadata.activity;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.files.v1.ActivityRecorded;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Writes the audit log; the event id is the row id, so redeliveries change nothing. */
@Component
class ActivityRecordedListener {

  private final ActivityRepository activity;

  ActivityRecordedListener(ActivityRepository activity) {
    this.activity = activity;
  }

  @KafkaListener(id = "metadata-activity", topics = ActivityRecorded.TOPIC)
  void on(EventEnvelope<ActivityRecorded> event) {
    activity.insert(event.id(), event.data());
  }
}
