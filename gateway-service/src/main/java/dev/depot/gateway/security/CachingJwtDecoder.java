package dev.depot.gateway.security;

import dev.depot.kit.security.VerifiedTokens;
import java.time.Clock;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** A reactive decoder that verifies each token once (see {@link VerifiedTokens}). */
class CachingJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final VerifiedTokens verified;

    CachingJwtDecoder(ReactiveJwtDecoder delegate, Clock clock) {
        this.delegate = delegate;
        this.verified = new VerifiedTokens(clock);
    }

    @Override
    public Mono<Jwt> decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        return known != null ? Mono.just(known) : delegate.decode(token).doOnNext(jwt -> verified.remember(token, jwt));
    }
}
