package dev.depot.gateway.ratelimit;

import dev.depot.gateway.GatewayProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/** The two Redis token buckets, configured from {@code depot.gateway.rate-limit}. */
@Component
public class RateLimiters {

  private final RedisRateLimiter perIp;
  private final RedisRateLimiter perUser;

  public RateLimiters(GatewayProperties properties, ApplicationContext context) {
    GatewayProperties.RateLimit limit = properties.rateLimit();
    this.perIp = new RedisRateLimiter(limit.perIpPerSecond(), limit.perIpBurst());
    this.perUser = new RedisRateLimiter(limit.perUserPerSecond(), limit.perUserBurst());
    perIp.setApplicationContext(context);
    perUser.setApplicationContext(context);
  }

  RedisRateLimiter perIp() {
    return perIp;
  }

  RedisRateLimiter perUser() {
    return perUser;
  }
}
