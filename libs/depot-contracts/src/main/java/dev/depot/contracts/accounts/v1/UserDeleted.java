package dev.depot.contracts.accounts.v1;

import dev.depot.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** An account was deleted: everything it owned goes to trash and is purged later. */
public record UserDeleted(UUID userId, Instant deletedAt) {

    public static final String TOPIC = "depot.accounts.user-deleted.v1";
    public static final EventType<UserDeleted> TYPE = new EventType<>(TOPIC, UserDeleted.class);
}
