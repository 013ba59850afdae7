package dev.depot.contracts.accounts.v1;

import dev.depot.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** A new account exists: its owner's root folder and quota ledger can be created. */
public record UserRegistered(UUID userId, String username, String email, Instant registeredAt) {

    public static final String TOPIC = "depot.accounts.user-registered.v1";
    public static final EventType<UserRegistered> TYPE = new EventType<>(TOPIC, UserRegistered.class);
}
