package dev.depot.metadata.live;

import dev.depot.contracts.notifications.v1.UserNotified;
import dev.depot.kit.events.EventPublisher;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Tells a user's open pages the new state of something of theirs. Called in the transaction of the
 * change: the notification leaves through the outbox once it commits, so no page hears of a change
 * that was rolled back.
 */
@Service
public class LivePush {

    private final EventPublisher events;
    private final Clock clock;

    LivePush(EventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * Pushes {@code state} to the user's streams as an event named {@code kind}.
     *
     * @param state JSON-friendly values; it is the whole event, so it names the subject itself
     */
    public void push(UUID userId, String kind, UUID subjectId, Map<String, Object> state) {
        events.publish(
                UserNotified.TYPE,
                userId.toString(),
                new UserNotified(userId, kind, subjectId, state, clock.instant()));
    }
}
