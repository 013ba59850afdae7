package dev.depot.gateway.security;

import dev.depot.gateway.problem.ProblemWriter;
import dev.depot.kit.problem.CommonProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses access tokens of ended sessions (logout, revoke, password change, deleted account):
 * auth-service puts the session id on a deny list in Redis for as long as a token lives. If Redis
 * cannot answer, the token's signature and expiry alone decide, and a warning is logged.
 */
class RevokedSessionFilter implements WebFilter {

  private static final Logger LOG = LoggerFactory.getLogger(RevokedSessionFilter.class);
  static final String PREFIX = "depot:revoked-session:";

  private final ReactiveStringRedisTemplate redis;
  private final ProblemWriter problems;

  RevokedSessionFilter(ReactiveStringRedisTemplate redis, ProblemWriter problems) {
    this.redis = redis;
    this.problems = problems;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return ReactiveSecurityContextHolder.getContext()
        .mapNotNull(c -> c.getAuthentication() instanceof JwtAuthenticationToken jwt
            ? jwt.getToken().getClaimAsString("sid") : null)
        .flatMap(sid -> redis.hasKey(PREFIX + sid)
            .onErrorResume(e -> {
              LOG.warn("deny list unreadable, session {} not checked: {}", sid, e.toString());
              return Mono.just(false);
            }))
        .defaultIfEmpty(false)
        .flatMap(revoked -> revoked
            ? problems.write(exchange, CommonProblem.TOKEN_REVOKED,
                "This session has ended. Sign in again.")
            : chain.filter(exchange));
  }
}
