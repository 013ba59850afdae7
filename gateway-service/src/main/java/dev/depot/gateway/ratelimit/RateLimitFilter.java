package dev.depot.gateway.ratelimit;

import dev.depot.gateway.client.ClientAddresses;
import dev.depot.gateway.problem.ProblemWriter;
import dev.depot.kit.problem.CommonProblem;
import java.util.Map;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, one per client address and one per user, checked on every routed
 * request. A refusal is a 429 problem with {@code Retry-After}. If Redis is unreachable the
 * limiter lets requests through rather than take the API down with it.
 */
@Component
public class RateLimitFilter implements GlobalFilter, Ordered {

  private final RedisRateLimiter perIp;
  private final RedisRateLimiter perUser;
  private final ProblemWriter problems;
  private final ClientAddresses addresses;

  public RateLimitFilter(RateLimiters limiters, ProblemWriter problems,
      ClientAddresses addresses) {
    this.addresses = addresses;
    this.perIp = limiters.perIp();
    this.perUser = limiters.perUser();
    this.problems = problems;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    Mono<RateLimiter.Response> ipCheck = perIp.isAllowed("ip",
        "ip:" + addresses.of(exchange));
    Mono<RateLimiter.Response> userCheck = ReactiveSecurityContextHolder.getContext()
        .mapNotNull(c -> c.getAuthentication() instanceof JwtAuthenticationToken jwt
            ? jwt.getName() : null)
        .flatMap(user -> perUser.isAllowed("user", "user:" + user))
        .defaultIfEmpty(new RateLimiter.Response(true, Map.of()));
    return ipCheck.zipWith(userCheck).flatMap(checks -> {
      if (checks.getT1().isAllowed() && checks.getT2().isAllowed()) {
        return chain.filter(exchange);
      }
      exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
      return problems.write(exchange, CommonProblem.RATE_LIMITED,
          "Too many requests. Retry after the time in the Retry-After header.");
    });
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 10;
  }
}
