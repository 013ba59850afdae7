package dev.depot.auth.session;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import dev.depot.auth.account.Account;
import dev.depot.auth.keys.AuthProperties;
import dev.depot.auth.keys.SigningKeys;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs access tokens (RS256, {@code kid} of the current key). Claims: {@code sub} (account id),
 * {@code sid} (session, what logout revokes), {@code jti}, {@code preferred_username}, {@code
 * email}, {@code email_verified}.
 */
@Component
class AccessTokens {

    private final JwtEncoder encoder;
    private final String kid;
    private final String issuer;
    private final SessionProperties properties;

    AccessTokens(SigningKeys keys, AuthProperties auth, SessionProperties properties) {
        RSAKey current = keys.current();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(current)));
        this.kid = current.getKeyID();
        this.issuer = auth.issuer();
        this.properties = properties;
    }

    String issue(Account account, UUID sessionId, Instant now) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(account.id().toString())
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .claim("sid", sessionId.toString())
                .claim("preferred_username", account.username())
                .claim("email", account.email())
                .claim("email_verified", account.emailVerified())
                .build();
        JwsHeader header =
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(kid).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
