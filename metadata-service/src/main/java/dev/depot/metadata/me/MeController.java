package dev.depot.metadata.me;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/me}: who the access token says the caller is. */
@RestController
class MeController {

  record MeResponse(String id, String username, String email) {}

  @GetMapping("/api/me")
  MeResponse me(@AuthenticationPrincipal Jwt jwt) {
    return new MeResponse(jwt.getSubject(), jwt.getClaimAsString("preferred_username"),
        jwt.getClaimAsString("email"));
  }
}
