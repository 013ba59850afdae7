package dev.depot.contracts.notifications.v1;

import dev.depot.contracts.events.EventType;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The new state of something of a user's, for the pages they have open to show at once (live push).
 * Keyed by user id. Nothing keeps it for later: a page that was not listening reads the state again
 * when it connects.
 *
 * @param kind what changed, also the name of the event a page receives, e.g. {@code archive}
 * @param subjectId the id of the thing that changed
 * @param state the thing's state after the change, JSON-friendly values (nulls allowed)
 */
public record UserNotified(UUID userId, String kind, UUID subjectId, Map<String, Object> state, Instant at) {

    public static final String TOPIC = "depot.notifications.user-notified.v1";
    public static final EventType<UserNotified> TYPE = new EventType<>(TOPIC, UserNotified.class);

    public UserNotified {
        state = state == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(state));
    }
}
