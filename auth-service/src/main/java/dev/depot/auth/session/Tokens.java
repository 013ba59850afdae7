package dev.depot.auth.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a login or refresh hands out. Both tokens are secrets: never logged. The refresh token is
 * left out of the body when it travels in the session cookie.
 */
record Tokens(
        @Schema(description = "A JWT to send as `Authorization: Bearer ...` to every service")
        String accessToken,

        @Schema(description = "Always `Bearer`") String tokenType,

        @Schema(description = "Seconds the access token is valid for")
        long expiresIn,

        @Schema(description = "Trades for new tokens once; absent when it travels in the session" + " cookie")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Nullable
        String refreshToken,

        @Schema(description = "Seconds the refresh token is valid for")
        long refreshExpiresIn,

        UUID sessionId) {

    Tokens withoutRefreshToken() {
        return new Tokens(accessToken, tokenType, expiresIn, null, refreshExpiresIn, sessionId);
    }
}
