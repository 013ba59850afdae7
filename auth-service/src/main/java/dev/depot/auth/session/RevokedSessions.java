package dev.depot.auth.session;

import dev.depot.contracts.gateway.GatewayContract;
import java.util.Collection;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The deny list of ended sessions in Redis, read by the gateway on every request. An entry lives
 * as long as an access token, so every token of the session is refused until it has expired.
 */
@Component
public class RevokedSessions {

  private final StringRedisTemplate redis;
  private final SessionProperties properties;

  RevokedSessions(StringRedisTemplate redis, SessionProperties properties) {
    this.redis = redis;
    this.properties = properties;
  }

  void revoke(Collection<UUID> sessionIds) {
    for (UUID id : sessionIds) {
      redis.opsForValue().set(GatewayContract.revokedSessionKey(id.toString()), "1",
          properties.accessTokenTtl().plusMinutes(1));
    }
  }

  public boolean isRevoked(String sessionId) {
    return Boolean.TRUE.equals(redis.hasKey(GatewayContract.revokedSessionKey(sessionId)));
  }
}
