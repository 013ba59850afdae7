package dev.depot.auth.account;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An account as its owner sees it. */
record AccountResponse(
        UUID id,
        String username,
        String email,
        boolean emailVerified,

        @Schema(description = "An address waiting for its verification link to be followed") @Nullable
        String pendingEmail,

        Instant createdAt) {

    static AccountResponse of(Account a) {
        return new AccountResponse(a.id(), a.username(), a.email(), a.emailVerified(), a.pendingEmail(), a.createdAt());
    }
}
