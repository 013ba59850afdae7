package dev.depot.kit.security;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Remembers tokens that passed the full check (signature against the JWKS, issuer, expiry) until
 * they expire, so a client's next requests skip the RSA verification. The exact token text is the
 * key: any change to it is a different, unverified token. Bounded: when full, it starts over.
 */
public final class VerifiedTokens {

    static final int MAX_ENTRIES = 20_000;

    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** The verified token, or {@code null} if it is unknown or has expired since. */
    public Jwt get(String token) {
        Jwt known = verified.get(token);
        if (known == null) {
            return null;
        }
        if (known.getExpiresAt() != null && known.getExpiresAt().isAfter(clock.instant())) {
            return known;
        }
        verified.remove(token);
        return null;
    }

    public void remember(String token, Jwt jwt) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(token, jwt);
    }
}
