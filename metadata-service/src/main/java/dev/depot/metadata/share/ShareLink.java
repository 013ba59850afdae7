package dev.depot.metadata.share;

import java.time.Instant;
import java.util.UUID;

/** A public link to a file: its token reads the file without an account until it expires. */
record ShareLink(
        UUID id,
        String token,
        UUID fileId,
        UUID ownerId,
        UUID createdBy,
        Instant createdAt,
        Instant expiresAt,
        long downloads,
        Instant lastUsedAt) {}
