package dev.depot.auth.account;

import java.time.Instant;
import java.util.UUID;

/** An account as its owner sees it. */
record AccountResponse(UUID id, String username, String email, boolean emailVerified,
    String pendingEmail, Instant createdAt) {

  static AccountResponse of(Account a) {
    return new AccountResponse(a.id(), a.username(), a.email(), a.emailVerified(),
        a.pendingEmail(), a.createdAt());
  }
}
