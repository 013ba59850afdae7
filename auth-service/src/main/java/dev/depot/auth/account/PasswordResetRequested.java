package dev.depot.auth.account;

import java.time.Instant;

/**
 * Someone asked to reset the password of whoever owns {@code email}. Handled after the request has
 * been answered, so the answer is the same, just as fast, whether the address is known.
 */
record PasswordResetRequested(String email, Instant requestedAt) {}
