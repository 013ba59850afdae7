package dev.depot.auth.session;

import dev.depot.auth.AuthProblem;
import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Where a browser keeps its refresh token: an {@code HttpOnly; Secure; SameSite=Strict} cookie that
 * page scripts cannot read, sent only to the refresh and logout paths. A client asks for it with
 * {@code X-Depot-Session: cookie} on login, refresh and logout; without that header the cookie is
 * never read. A cross-site page cannot send the header without a CORS preflight, which only the
 * dashboard's origins pass, and a request that names another {@code Origin} is refused.
 */
@Component
class SessionCookie {

    static final String HEADER = "X-Depot-Session";
    static final String HEADER_VALUE = "cookie";

    /** One cookie per path that reads it: a cookie has a single path. */
    static final List<String> PATHS = List.of("/api/auth/refresh", "/api/auth/logout");

    private final String name;
    private final Set<String> origins;

    SessionCookie(SessionCookieProperties properties) {
        this.name = properties.name();
        this.origins =
                properties.origins().stream().map(SessionCookie::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether the request asks for the cookie; if it does, its origin must be one of the dashboard's.
     */
    boolean requested(HttpServletRequest request) {
        String mode = request.getHeader(HEADER);
        if (mode == null) {
            return false;
        }
        if (!HEADER_VALUE.equalsIgnoreCase(mode.strip())) {
            throw new DepotException(
                    CommonProblem.MALFORMED_REQUEST, HEADER + " takes the value \"" + HEADER_VALUE + "\".");
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !origins.contains(normalize(origin))) {
            throw new DepotException(AuthProblem.ORIGIN_NOT_ALLOWED, "This origin may not use the session cookie.");
        }
        return true;
    }

    /** The refresh token the browser sent, if any. */
    Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /** Hands the browser {@code refreshToken}, to keep for {@code lifetime}. */
    void write(HttpServletResponse response, String refreshToken, Duration lifetime) {
        for (String path : PATHS) {
            response.addHeader(
                    HttpHeaders.SET_COOKIE, cookie(path, refreshToken, lifetime).toString());
        }
    }

    /** Tells the browser to forget the cookie. */
    void clear(HttpServletResponse response) {
        write(response, "", Duration.ZERO);
    }

    private ResponseCookie cookie(String path, String value, Duration lifetime) {
        return ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(true)
                .sameSite("Strict")
                .path(path)
                .maxAge(lifetime)
                .build();
    }

    private static String normalize(String origin) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        return o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
    }
}
