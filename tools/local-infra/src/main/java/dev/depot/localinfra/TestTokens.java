package dev.depot.localinfra;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.depot.contracts.keys.SigningKeyFormat;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * Access tokens for tests, signed the way auth-service signs them (RS256, {@code kid} = RFC 7638
 * thumbprint), and a JWKS endpoint publishing the public key, so the services' real token
 * validation runs unchanged.
 */
public final class TestTokens {

    private final RSAKey key;
    private final String issuer;

    public TestTokens(RSAKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    /** Tokens signed with a PKCS#8 PEM key, such as the local run's DEPOT_AUTH_SIGNING_KEY. */
    public static TestTokens fromPem(String pem, String issuer) {
        return new TestTokens(SigningKeyFormat.parse(pem), issuer);
    }

    /** Tokens signed with a new key that no service trusts: for forgery tests. */
    public static TestTokens untrusted(String issuer) throws JOSEException {
        return new TestTokens(
                new RSAKeyGenerator(2048)
                        .keyID(UUID.randomUUID().toString())
                        .keyUse(KeyUse.SIGNATURE)
                        .algorithm(JWSAlgorithm.RS256)
                        .generate(),
                issuer);
    }

    public String issue(String subject) {
        return issue(subject, Duration.ofMinutes(15));
    }

    /** A token for {@code subject}; a negative {@code ttl} makes one that has already expired. */
    public String issue(String subject, Duration ttl) {
        return issue(subject, ttl, Map.of());
    }

    /** A token of one session ({@code sid}), as auth-service issues them at sign-in. */
    public String issueForSession(String subject, String sessionId) {
        return issue(subject, Duration.ofMinutes(15), Map.of("sid", sessionId));
    }

    /**
     * A token for {@code subject} with extra claims; like every token auth-service issues it names a
     * session ({@code sid}, a new one unless the claims name one).
     */
    public String issue(String subject, Duration ttl, Map<String, Object> extraClaims) {
        Instant now = Instant.now();
        Instant issuedAt = ttl.isNegative() ? now.plus(ttl).minusSeconds(60) : now;
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(now.plus(ttl)))
                .claim("preferred_username", "user-" + subject.substring(0, Math.min(8, subject.length())))
                .claim("email", subject + "@example.test")
                .claim("sid", UUID.randomUUID().toString());
        extraClaims.forEach(builder::claim);
        JWTClaimsSet claims = builder.build();
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Serves the public key as a JWKS on a free loopback port; returns its URL. */
    public URI serveJwks() throws IOException {
        byte[] body = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
    }
}
