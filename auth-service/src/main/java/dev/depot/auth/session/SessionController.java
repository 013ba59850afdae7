package dev.depot.auth.session;

import dev.depot.auth.AuthProblem;
import dev.depot.auth.token.Caller;
import dev.depot.kit.openapi.Refusals;
import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in, token refresh, sign-out and the list of one's sessions. API clients hold the refresh
 * token themselves (request and response bodies); the dashboard has it kept in {@link
 * SessionCookie}.
 */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "Sessions")
class SessionController {

    private static final String COOKIE_MODE = "`cookie`: the refresh token travels in an HttpOnly"
            + " cookie of the refresh and logout paths instead of the body (the dashboard's origins"
            + " only)";

    record LoginRequest(
            @Schema(description = "The username or the email address") @NotBlank @Size(max = 254)
            String login,

            @NotBlank @Size(max = 256) String password) {}

    record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {}

    record SessionResponse(
            UUID id,
            @Nullable String userAgent,
            String ipAddress,
            Instant createdAt,
            Instant lastUsedAt,

            @Schema(description = "Whether this is the session of the token that asked")
            boolean current) {}

    private final SessionService sessions;
    private final SessionCookie cookie;

    SessionController(SessionService sessions, SessionCookie cookie) {
        this.sessions = sessions;
        this.cookie = cookie;
    }

    @PostMapping("/login")
    @Operation(
            operationId = "login",
            summary = "Sign in: open a session",
            parameters =
                    @Parameter(
                            in = ParameterIn.HEADER,
                            name = SessionCookie.HEADER,
                            description = COOKIE_MODE,
                            schema = @Schema(allowableValues = SessionCookie.HEADER_VALUE)))
    @Refusals({"INVALID_CREDENTIALS", "TOO_MANY_ATTEMPTS", "ORIGIN_NOT_ALLOWED"})
    ResponseEntity<Tokens> login(
            @Valid @RequestBody LoginRequest body, HttpServletRequest request, HttpServletResponse response) {
        boolean inCookie = cookie.requested(request);
        Tokens tokens = sessions.login(body.login(), body.password(), ClientInfo.of(request));
        return answer(tokens, inCookie, response);
    }

    /**
     * An API client sends its refresh token in the body; a browser that asks for the cookie sends it
     * there, and only there.
     */
    @PostMapping("/refresh")
    @Operation(
            operationId = "refresh",
            summary = "Trade the refresh token for new tokens (the old"
                    + " one is spent; presenting it again ends the session)",
            parameters =
                    @Parameter(
                            in = ParameterIn.HEADER,
                            name = SessionCookie.HEADER,
                            description = COOKIE_MODE,
                            schema = @Schema(allowableValues = SessionCookie.HEADER_VALUE)))
    @Refusals({"REFRESH_TOKEN_INVALID", "ORIGIN_NOT_ALLOWED"})
    ResponseEntity<Tokens> refresh(
            @Valid @RequestBody(required = false) RefreshRequest body,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!cookie.requested(request)) {
            if (body == null) {
                throw new DepotException(
                        CommonProblem.MALFORMED_REQUEST, "Send the refresh token as {\"refreshToken\": \"...\"}.");
            }
            return answer(sessions.refresh(body.refreshToken(), ClientInfo.of(request)), false, response);
        }
        if (body != null) {
            throw new DepotException(
                    CommonProblem.MALFORMED_REQUEST,
                    "With "
                            + SessionCookie.HEADER
                            + ": "
                            + SessionCookie.HEADER_VALUE
                            + " the refresh token is the cookie's; send no body.");
        }
        String refreshToken = cookie.read(request).orElse(null);
        if (refreshToken == null) {
            cookie.clear(response);
            throw new DepotException(
                    AuthProblem.REFRESH_TOKEN_INVALID, "No session cookie came with the request: sign in again.");
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
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "logout",
            summary = "Sign out: end the session of the access token" + " and/or of the session cookie",
            security = @SecurityRequirement(name = "bearer"),
            parameters =
                    @Parameter(
                            in = ParameterIn.HEADER,
                            name = SessionCookie.HEADER,
                            description = COOKIE_MODE,
                            schema = @Schema(allowableValues = SessionCookie.HEADER_VALUE)))
    @Refusals({"UNAUTHENTICATED", "REFRESH_TOKEN_INVALID", "ORIGIN_NOT_ALLOWED"})
    void logout(@AuthenticationPrincipal Jwt jwt, HttpServletRequest request, HttpServletResponse response) {
        boolean inCookie = cookie.requested(request);
        String refreshToken = inCookie ? cookie.read(request).orElse(null) : null;
        if (inCookie) {
            cookie.clear(response);
        }
        if (jwt == null && refreshToken == null) {
            throw inCookie
                    ? new DepotException(AuthProblem.REFRESH_TOKEN_INVALID, "No session cookie came with the request.")
                    : new DepotException(CommonProblem.UNAUTHENTICATED, "A valid access token is required.");
        }
        if (jwt != null) {
            Caller caller = Caller.of(jwt);
            sessions.logout(caller.userId(), caller.sessionId());
        }
        if (refreshToken != null) {
            sessions.logout(refreshToken);
        }
    }

    @PostMapping("/logout-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "logoutAll", summary = "End every session of the account")
    void logoutAll(@AuthenticationPrincipal Jwt jwt) {
        sessions.endAll(Caller.of(jwt).userId(), null);
    }

    @GetMapping("/sessions")
    @Operation(operationId = "listSessions", summary = "The account's live sessions, most recently used first")
    List<SessionResponse> list(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return sessions.list(caller.userId()).stream()
                .map(s -> new SessionResponse(
                        s.id(),
                        s.userAgent(),
                        s.ipAddress(),
                        s.createdAt(),
                        s.lastUsedAt(),
                        s.id().equals(caller.sessionId())))
                .toList();
    }

    @DeleteMapping("/sessions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "endSession", summary = "End one of the account's sessions")
    @Refusals({"MALFORMED_REQUEST", "SESSION_NOT_FOUND"})
    void end(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        sessions.end(Caller.of(jwt).userId(), id);
    }

    private ResponseEntity<Tokens> answer(Tokens tokens, boolean inCookie, HttpServletResponse response) {
        if (inCookie) {
            cookie.write(response, tokens.refreshToken(), Duration.ofSeconds(tokens.refreshExpiresIn()));
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(inCookie ? tokens.withoutRefreshToken() : tokens);
    }
}
