package dev.depot.metadata.access;

import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/** The user an access token speaks for. */
public record Caller(UUID userId, String username) {

  static Caller of(Jwt jwt) {
    try {
      return new Caller(UUID.fromString(jwt.getSubject()),
          jwt.getClaimAsString("preferred_username"));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new DepotException(CommonProblem.UNAUTHENTICATED, "The token names no user.");
    }
  }
}
