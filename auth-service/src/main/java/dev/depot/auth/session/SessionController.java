package dev.depot.auth.session;

import dev.depot.auth.AuthProblem;
import dev.depot.auth.token.Caller;
import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
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

/**
 * Sign-in, token refresh, sign-out and the list of one's sessions. API clients hold the refresh
 * token themselves (request and response bodies); the dashboard has it kept in
 * {@link SessionCookie}.
 */
@RestController
@RequestMapping("/api/auth")
class SessionController {

  record LoginRequest(@NotBlank @Size(max = 254) String login,
      @NotBlank @Size(max = 256) String password) {}

  record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {}

  record SessionResponse(UUID id, String userAgent, String ipAddress, Instant createdAt,
      Instant lastUsedAt, boolean current) {}

  private final SessionService sessions;
  private final SessionCookie cookie;

  SessionController(SessionService sessions, SessionCookie cookie) {
    this.sessions = sessions;
    this.cookie = cookie;
  }

  @PostMapping("/login")
  ResponseEntity<Tokens> login(@Valid @RequestBody LoginRequest body,
      HttpServletRequest request, HttpServletResponse response) {
    boolean inCookie = cookie.requested(request);
    Tokens tokens = sessions.login(body.login(), body.password(), ClientInfo.of(request));
    return answer(tokens, inCookie, response);
  }

  /**
   * An API client sends its refresh token in the body; a browser that asks for the cookie sends
   * it there, and only there.
   */
  @PostMapping("/refresh")
  ResponseEntity<Tokens> refresh(@Valid @RequestBody(required = false) RefreshRequest body,
      HttpServletRequest request, HttpServletResponse response) {
    if (!cookie.requested(request)) {
      if (body == null) {
        throw new DepotException(CommonProblem.MALFORMED_REQUEST,
            "Send the refresh token as {\"refreshToken\": \"...\"}.");
      }
      return answer(sessions.refresh(body.refreshToken(), ClientInfo.of(request)), false,
          response);
    }
    if (body != null) {
      throw new DepotException(CommonProblem.MALFORMED_REQUEST,
          "With " + SessionCookie.HEADER + ": " + SessionCookie.HEADER_VALUE
              + " the refresh token is the cookie's; send no body.");
    }
    String refreshToken = cookie.read(request).orElse(null);
    if (refreshToken == null) {
      cookie.clear(response);
      throw new DepotException(AuthProblem.REFRESH_TOKEN_INVALID,
          "No session cookie came with the request: sign in again.");
    }
    try {
      return answer(sessions.refresh(refreshToken, ClientInfo.of(request)), true, response);
    } catch (DepotException e) {
      cookie.clear(response);
      throw e;
    }
  }

  /**
   * Ends the session of the access token, and with {@code X-Depot-Session: cookie} the one of the
   * session cookie, which is then cleared. Either is enough.
   */
  @PostMapping("/logout")
  ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt jwt, HttpServletRequest request,
      HttpServletResponse response) {
    boolean inCookie = cookie.requested(request);
    String refreshToken = inCookie ? cookie.read(request).orElse(null) : null;
    if (inCookie) {
      cookie.clear(response);
    }
    if (jwt == null && refreshToken == null) {
      throw inCookie
          ? new DepotException(AuthProblem.REFRESH_TOKEN_INVALID,
              "No session cookie came with the request.")
          : new DepotException(CommonProblem.UNAUTHENTICATED,
              "A valid access token is required.");
    }
    if (jwt != null) {
      Caller caller = Caller.of(jwt);
      sessions.logout(caller.userId(), caller.sessionId());
    }
    if (refreshToken != null) {
      sessions.logout(refreshToken);
    }
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

  private ResponseEntity<Tokens> answer(Tokens tokens, boolean inCookie,
      HttpServletResponse response) {
    if (inCookie) {
      cookie.write(response, tokens.refreshToken(),
          Duration.ofSeconds(tokens.refreshExpiresIn()));
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(inCookie ? tokens.withoutRefreshToken() : tokens);
  }
}
