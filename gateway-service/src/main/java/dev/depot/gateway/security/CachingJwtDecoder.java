package dev.depot.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens that passed the full check (signature against the JWKS, issuer, expiry) until
 * they expire, so a client's next requests skip the RSA verification. The exact token text is the
 * key: any change to it is a different, unverified token. Bounded: when full, it starts over.
 */
class CachingJwtDecoder implements ReactiveJwtDecoder {

  static final int MAX_ENTRIES = 20_000;

  private final ReactiveJwtDecoder delegate;
  private final Clock clock;
  private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

  CachingJwtDecoder(ReactiveJwtDecoder delegate, Clock clock) {
    this.delegate = delegate;
    this.clock = clock;
  }

  @Override
  public Mono<Jwt> decode(String token) throws JwtException {
    Jwt known = verified.get(token);
    Instant now = clock.instant();
    if (known != null) {
      if (known.getExpiresAt() != null && known.getExpiresAt().isAfter(now)) {
        return Mono.just(known);
      }
      verified.remove(token);
    }
    return delegate.decode(token).doOnNext(jwt -> {
      if (verified.size() >= MAX_ENTRIES) {
        verified.clear();
      }
      verified.put(token, jwt);
    });
  }
}
