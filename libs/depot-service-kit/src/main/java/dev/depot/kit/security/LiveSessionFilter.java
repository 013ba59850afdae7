package dev.depot.kit.security;

import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.ProblemResponses;
import dev.depot.kit.problem.Problems;
import dev.depot.kit.session.SessionCheck;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an access token whose session has ended (401 {@code TOKEN_REVOKED}) or that names no
 * session, after its signature and expiry were checked; when it cannot be known whether the session
 * has ended, the request is refused too (503), never let through.
 */
final class LiveSessionFilter extends OncePerRequestFilter {

    private final SessionCheck sessions;
    private final ProblemResponses problems;

    LiveSessionFilter(SessionCheck sessions, ProblemResponses problems) {
        this.sessions = sessions;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            chain.doFilter(request, response);
            return;
        }
        String sessionId = token.getToken().getClaimAsString("sid");
        if (sessionId == null) {
            problems.write(
                    response, Problems.of(CommonProblem.UNAUTHENTICATED, "The access token names no account session."));
            return;
        }
        switch (sessions.check(sessionId)) {
            case LIVE -> chain.doFilter(request, response);
            case ENDED ->
                problems.write(
                        response, Problems.of(CommonProblem.TOKEN_REVOKED, "This session has ended. Sign in again."));
            case UNKNOWN ->
                problems.write(
                        response,
                        Problems.of(
                                CommonProblem.SESSION_CHECK_UNAVAILABLE,
                                "Whether this session is still open cannot be checked right now. Try again shortly."));
        }
    }
}
