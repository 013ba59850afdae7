package dev.depot.metadata.activity;

import dev.depot.contracts.files.v1.ActivityRecorded;
import dev.depot.kit.events.EventPublisher;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Records what happens to a user's files. A change is recorded in the transaction that makes it
 * (through the outbox), so the audit log never misses a committed change nor shows a rolled-back
 * one; the log itself is written asynchronously by {@link ActivityRecordedListener}.
 */
@Component
public class ActivityLog {

  private final EventPublisher events;
  private final Clock clock;

  ActivityLog(EventPublisher events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  public void record(UUID actorId, ActivitySubject item, String verb,
      Map<String, Object> details) {
    String kind = item.activityKind();
    record(new ActivityRecorded(item.ownerId(), actorId, kind + "." + verb, kind, item.id(),
        item.name(), details, clock.instant()));
  }

  public void record(ActivityRecorded activity) {
    events.publish(ActivityRecorded.TYPE, activity.ownerId().toString(), activity);
  }
}
