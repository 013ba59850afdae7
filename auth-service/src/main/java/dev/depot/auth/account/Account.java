package dev.depot.auth.account;

import java.time.Instant;
import java.util.UUID;

/** One account as stored. Never leaves the service: responses use {@link AccountResponse}. */
public record Account(
        UUID id,
        String username,
        String email,
        String passwordHash,
        Instant emailVerifiedAt,
        String pendingEmail,
        Instant createdAt,
        Instant updatedAt) {

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }
}
