package dev.depot.auth.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in, token refresh, sign-out and the list of one's sessions. */
@RestController
@RequestMapping("/api/auth")
class SessionController {

  record LoginRequest(@NotBlank @Size(max = 254) String login,
      @NotBlank @Size(max = 256) String password) {}

  record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {}

  record SessionResponse(UUID id, String userAgent, String ipAddress, Instant createdAt,
      Instant lastUsedAt, boolean current) {}

  private final SessionService sessions;

  SessionController(SessionService sessions) {
    this.sessions = sessions;
  }

  @PostMapping("/login")
  ResponseEntity<Tokens> login(@Valid @RequestBody LoginRequest body,
      HttpServletRequest request) {
    return noStore(sessions.login(body.login(), body.password(), ClientInfo.of(request)));
  }

  @PostMapping("/refresh")
  ResponseEntity<Tokens> refresh(@Valid @RequestBody RefreshRequest body,
      HttpServletRequest request) {
    return noStore(sessions.refresh(body.refreshToken(), ClientInfo.of(request)));
  }

  @PostMapping("/logout")
  ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt jwt) {
    Caller caller = Caller.of(jwt);
    sessions.logout(caller.userId(), caller.sessionId());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/logout-all")
  ResponseEntity<Void> logoutAll(@AuthenticationPrincipal Jwt jwt) {
    sessions.endAll(Caller.of(jwt).userId(), null);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/sessions")
  List<SessionResponse> list(@AuthenticationPrincipal Jwt jwt) {
    Caller caller = Caller.of(jwt);
    return sessions.list(caller.userId()).stream()
        .map(s -> new SessionResponse(s.id(), s.userAgent(), s.ipAddress(), s.createdAt(),
            s.lastUsedAt(), s.id().equals(caller.sessionId())))
        .toList();
  }

  @DeleteMapping("/sessions/{id}")
  ResponseEntity<Void> end(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
    sessions.end(Caller.of(jwt).userId(), id);
    return ResponseEntity.noContent().build();
  }

  private static ResponseEntity<Tokens> noStore(Tokens tokens) {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens);
  }
}
