package dev.depot.auth;

import static dev.depot.localinfra.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.depot.auth.AuthApi.Person;
import dev.depot.contracts.keys.SigningKeyFormat;
import dev.depot.localinfra.TestInfra;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Access tokens that are wrong in exactly one way are refused. Each forgery starts from the claims
 * of a real session, and the same claims signed properly are accepted, so a refusal is caused by
 * the flaw under test and nothing else.
 */
@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessTokenSecurityTest {

    @LocalServerPort
    int port;

    AuthApi api;
    RSAKey key;
    JWTClaimsSet claims;

    @BeforeEach
    void signIn() throws Exception {
        api = new AuthApi("http://127.0.0.1:" + port);
        Person p = Person.fresh();
        api.signup(p.email(), p.username(), p.password());
        String real = api.tokens(p.email(), p.password()).get("accessToken").asString();
        claims = SignedJWT.parse(real).getJWTClaimsSet();
        key = SigningKeyFormat.parse(TestInfra.variables().get("DEPOT_AUTH_SIGNING_KEY"));
    }

    @Test
    void theSameClaimsProperlySignedAreAccepted() throws Exception {
        assertThat(account(rs256(key, key.getKeyID(), claims)).statusCode()).isEqualTo(200);
    }

    @Test
    void unsignedTokensAreRefused() throws Exception {
        assertRefused(new PlainJWT(claims).serialize());
        // "alg": "none" with the real signature still attached
        String[] parts = rs256(key, key.getKeyID(), claims).split("\\.");
        String none = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"" + key.getKeyID() + "\"}")
                + "."
                + parts[1]
                + "."
                + parts[2];
        assertRefused(none);
    }

    @Test
    void hs256SignedWithThePublicKeyIsRefused() throws Exception {
        byte[] publicKey = key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT confused = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
        confused.sign(new MACSigner(publicKey));
        assertRefused(confused.serialize());
        SignedJWT withEncoded = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
        withEncoded.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
        assertRefused(withEncoded.serialize());
    }

    @Test
    void unknownKeysAndKidsAreRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        assertRefused(rs256(stranger, "stranger", claims));
        assertRefused(rs256(stranger, key.getKeyID(), claims));
        assertRefused(rs256(key, "no-such-kid", claims));
    }

    @Test
    void expiredAndTamperedTokensAreRefused() throws Exception {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        assertRefused(rs256(
                key,
                key.getKeyID(),
                new JWTClaimsSet.Builder(claims)
                        .issueTime(Date.from(past))
                        .expirationTime(Date.from(past.plusSeconds(900)))
                        .build()));
        String[] parts = rs256(key, key.getKeyID(), claims).split("\\.");
        String payload = new JWTClaimsSet.Builder(claims)
                .subject(UUID.randomUUID().toString())
                .build()
                .toString();
        assertRefused(parts[0] + "." + Base64URL.encode(payload) + "." + parts[2]);
        assertRefused(rs256(
                key,
                key.getKeyID(),
                new JWTClaimsSet.Builder(claims).issuer("http://elsewhere.test").build()));
        assertRefused(rs256(
                key,
                key.getKeyID(),
                new JWTClaimsSet.Builder(claims).claim("sid", null).build()));
    }

    private void assertRefused(String token) throws Exception {
        assertProblem(account(token), 401, "UNAUTHENTICATED");
    }

    private HttpResponse<String> account(String token) throws Exception {
        return api.send("GET", "/api/auth/account", null, token);
    }

    private static String rs256(RSAKey signer, String kid, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(kid)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }
}
