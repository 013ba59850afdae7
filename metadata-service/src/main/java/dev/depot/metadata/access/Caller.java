package dev.depot.metadata.access;

import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The user an access token speaks for.
 *
 * @param emailVerified whether the account's email address is verified (the token's {@code
 *     email_verified} claim); until it is, the account shares nothing
 */
public record Caller(UUID userId, String username, boolean emailVerified) {

    public static Caller of(Jwt jwt) {
        try {
            return new Caller(
                    UUID.fromString(jwt.getSubject()),
                    jwt.getClaimAsString("preferred_username"),
                    Boolean.TRUE.equals(jwt.getClaimAsBoolean("email_verified")));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DepotException(CommonProblem.UNAUTHENTICATED, "The token names no user.");
        }
    }
}
