package dev.depot.gateway.guard;

import dev.depot.gateway.GatewayProperties;
import dev.depot.gateway.client.ClientAddresses;
import dev.depot.gateway.problem.ProblemWriter;
import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import dev.depot.kit.session.EndedSessions;
import dev.depot.kit.session.SessionCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Two checks in one Redis round trip, after the token's signature and expiry have been checked: the
 * session must not have ended (sign-out, revoked, password change, deleted account: 401 {@code
 * TOKEN_REVOKED}), and the request must fit in the token buckets of its client address and of its
 * user (429 {@code RATE_LIMITED} with {@code Retry-After}); requests that issue signed links
 * (download URLs, archives) also take from a smaller bucket of their user, and the download URLs of
 * a public share link from a bucket of that link, whoever asks. If Redis cannot answer, the rate
 * limits let the request through (availability over strictness) but an ended session stays ended:
 * the copy of the list kept in memory ({@link EndedSessions}) decides, and when it is too old to
 * trust the request is refused (503 {@code SESSION_CHECK_UNAVAILABLE}).
 */
public class RequestGuardFilter implements WebFilter {

    private static final Logger LOG = LoggerFactory.getLogger(RequestGuardFilter.class);

    /** Read once: a script made from a resource would check the jar for changes on every call. */
    private static final RedisScript<List> SCRIPT = RedisScript.of(readScript(), List.class);

    private static final List<Long> PASS = List.of(0L, 1L, 1L, 0L);
    private static final List<Long> ENDED = List.of(1L, 1L, 1L, 0L);
    private static final List<Long> UNKNOWN = List.of(2L, 1L, 1L, 0L);
    private static final Pattern SHARED_DOWNLOAD = Pattern.compile("/api/shared/([A-Za-z0-9_-]{22})/download-url");

    private final ReactiveStringRedisTemplate redis;
    private final EndedSessions endedSessions;
    private final ProblemWriter problems;
    private final ClientAddresses addresses;
    private final List<String> limits;

    public RequestGuardFilter(
            ReactiveStringRedisTemplate redis,
            EndedSessions endedSessions,
            ProblemWriter problems,
            ClientAddresses addresses,
            GatewayProperties properties) {
        this.redis = redis;
        this.endedSessions = endedSessions;
        this.problems = problems;
        this.addresses = addresses;
        GatewayProperties.RateLimit limit = properties.rateLimit();
        this.limits = List.of(
                Integer.toString(limit.perIpPerSecond()),
                Integer.toString(limit.perIpBurst()),
                Integer.toString(limit.perUserPerSecond()),
                Integer.toString(limit.perUserBurst()),
                Integer.toString(limit.linksPerUserPerSecond()),
                Integer.toString(limit.linksPerUserBurst()),
                Integer.toString(limit.perShareLinkPerSecond()),
                Integer.toString(limit.perShareLinkBurst()));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith("/actuator/")) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(c -> c.getAuthentication() instanceof JwtAuthenticationToken jwt ? jwt.getToken() : null)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(jwt -> guard(exchange, chain, jwt.orElse(null)));
    }

    private Mono<Void> guard(ServerWebExchange exchange, WebFilterChain chain, Jwt jwt) {
        String sessionId = jwt == null ? "" : jwt.getClaimAsString("sid");
        if (sessionId == null || jwt != null && sessionId.isEmpty()) {
            return problems.write(
                    exchange, CommonProblem.UNAUTHENTICATED, "The access token names no account session.");
        }
        List<String> arguments = new ArrayList<>(limits);
        arguments.add(sessionId);
        return redis.execute(SCRIPT, keys(exchange, jwt), arguments)
                .next()
                .map(RequestGuardFilter::longs)
                .onErrorResume(e -> Mono.just(withoutRedis(sessionId, e)))
                .flatMap(verdict -> decide(exchange, chain, verdict));
    }

    /**
     * When Redis cannot answer, the rate limits let the request through, but an ended session stays
     * ended: the copy of the list in memory decides, and when it is too old to trust either, the
     * request is refused.
     */
    private List<Long> withoutRedis(String sessionId, Throwable e) {
        SessionCheck.Verdict session =
                sessionId.isEmpty() ? SessionCheck.Verdict.LIVE : endedSessions.checkLocally(sessionId);
        if (session == SessionCheck.Verdict.LIVE) {
            LOG.warn("rate limits unavailable, request let through: {}", e.toString());
        } else {
            LOG.warn("rate limits unavailable, session {} refused ({}): {}", sessionId, session, e.toString());
        }
        return switch (session) {
            case LIVE -> PASS;
            case ENDED -> ENDED;
            case UNKNOWN -> UNKNOWN;
        };
    }

    private Mono<Void> decide(ServerWebExchange exchange, WebFilterChain chain, List<Long> verdict) {
        if (verdict.get(0) == 1) {
            return problems.write(exchange, CommonProblem.TOKEN_REVOKED, "This session has ended. Sign in again.");
        }
        if (verdict.get(0) == 2) {
            return problems.write(
                    exchange,
                    CommonProblem.SESSION_CHECK_UNAVAILABLE,
                    "Whether this session is still open cannot be checked right now. Try again shortly.");
        }
        if (verdict.get(1) == 1 && verdict.get(2) == 1) {
            return chain.filter(exchange);
        }
        long retryAfter = Math.max(1, verdict.get(3));
        return problems.write(
                exchange,
                new DepotException(
                        CommonProblem.RATE_LIMITED,
                        "Too many requests. Retry after " + retryAfter + " s (also in Retry-After).",
                        Map.of(DepotException.RETRY_AFTER, retryAfter)));
    }

    private List<String> keys(ServerWebExchange exchange, Jwt jwt) {
        String address = "depot:rate:address:" + addresses.of(exchange);
        String shareLink = sharedDownload(exchange.getRequest());
        if (jwt == null) {
            return List.of(address, "", "", "", shareLink);
        }
        return List.of(
                address,
                "depot:rate:user:" + jwt.getSubject(),
                EndedSessions.KEY,
                issuesLink(exchange.getRequest()) ? "depot:rate:links:" + jwt.getSubject() : "",
                shareLink);
    }

    /** The bucket of the share link whose download URL is asked for, else "". */
    private static String sharedDownload(ServerHttpRequest request) {
        String path = request.getPath().value();
        if (request.getMethod() != HttpMethod.GET || !path.startsWith("/api/shared/")) {
            return "";
        }
        Matcher m = SHARED_DOWNLOAD.matcher(path);
        return m.matches() ? "depot:rate:shared:" + m.group(1) : "";
    }

    /** {@code GET /api/files/{id}/download-url} and {@code POST /api/archives}. */
    private static boolean issuesLink(ServerHttpRequest request) {
        String path = request.getPath().value();
        return request.getMethod() == HttpMethod.GET && path.startsWith("/api/files/") && path.endsWith("/download-url")
                || request.getMethod() == HttpMethod.POST && path.equals("/api/archives");
    }

    private static String readScript() {
        try {
            return new ClassPathResource("dev/depot/gateway/guard/guard.lua")
                    .getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Long> longs(List<?> raw) {
        return raw.stream().map(v -> ((Number) v).longValue()).toList();
    }
}
