package dev.depot.contracts.files.v1;

import dev.depot.contracts.events.EventType;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something happened to a user's files: one line of their audit log. Keyed by owner.
 *
 * @param actorId who did it ({@code null} for Depot itself, e.g. the trash auto-purge)
 * @param action what happened, e.g. {@code folder.created}, {@code file.download-url-issued}
 * @param details action-specific facts (new name, old parent, version...), JSON-friendly values
 */
public record ActivityRecorded(UUID ownerId, UUID actorId, String action, String resourceKind,
    UUID resourceId, String resourceName, Map<String, Object> details, Instant occurredAt) {

  public static final String TOPIC = "depot.files.activity-recorded.v1";
  public static final EventType<ActivityRecorded> TYPE =
      new EventType<>(TOPIC, ActivityRecorded.class);

  public ActivityRecorded {
    details = details == null ? Map.of() : Map.copyOf(details);
  }
}
