package dev.depot.auth.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * What a login or refresh hands out. Both tokens are secrets: never logged. The refresh token is
 * left out of the body when it travels in the session cookie.
 */
record Tokens(String accessToken, String tokenType, long expiresIn,
    @JsonInclude(JsonInclude.Include.NON_NULL) String refreshToken, long refreshExpiresIn,
    UUID sessionId) {

  Tokens withoutRefreshToken() {
    return new Tokens(accessToken, tokenType, expiresIn, null, refreshExpiresIn, sessionId);
  }
}
