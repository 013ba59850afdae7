package dev.depot.auth.session;

import java.util.UUID;

/** What a login or refresh hands out. Both tokens are secrets: never logged. */
record Tokens(String accessToken, String tokenType, long expiresIn, String refreshToken,
    long refreshExpiresIn, UUID sessionId) {}
