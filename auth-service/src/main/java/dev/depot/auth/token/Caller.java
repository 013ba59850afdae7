package dev.depot.auth.token;

import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/** The account and session an access token speaks for. */
public record Caller(UUID userId, UUID sessionId) {

    public static Caller of(Jwt jwt) {
        return new Caller(UUID.fromString(jwt.getSubject()), UUID.fromString(jwt.getClaimAsString("sid")));
    }
}
