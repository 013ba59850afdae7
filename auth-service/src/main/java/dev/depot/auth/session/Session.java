package dev.depot.auth.session;

import java.time.Instant;
import java.util.UUID;

/** A live session as its owner sees it. */
record Session(UUID id, String userAgent, String ipAddress, Instant createdAt, Instant lastUsedAt) {}
