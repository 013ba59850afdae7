package dev.depot.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.depot.auth.keys.AuthProperties;
import dev.depot.auth.keys.SigningKeys;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Rotating the signing key keeps tokens of the retired key valid until they expire. */
class KeyRotationTest {

    @Test
    void retiredKeysStayPublishedAndTheirTokensVerify() throws Exception {
        RSAKey retired = new RSAKeyGenerator(2048).generate();
        RSAKey older = new RSAKeyGenerator(2048).generate();
        RSAKey current = new RSAKeyGenerator(2048).generate();
        SigningKeys keys = new SigningKeys(new AuthProperties(
                "http://depot.test",
                pem(current),
                pem(retired).replace("\n", "\\n") + "\n" + pem(older) + pem(current),
                URI.create("http://dashboard.test"),
                "Depot <no-reply@depot.test>"));

        assertThat(keys.current().getKeyID())
                .isEqualTo(current.computeThumbprint().toString());
        assertThat(keys.publicJwks().getKeys())
                .extracting(JWK::getKeyID)
                .containsExactly(
                        current.computeThumbprint().toString(),
                        retired.computeThumbprint().toString(),
                        older.computeThumbprint().toString());
        assertThat(keys.publicJwks().getKeys()).noneMatch(JWK::isPrivate);

        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(keys.publicJwks()))
                .build();
        assertThat(decoder.decode(sign(retired)).getSubject()).isEqualTo("someone");
        assertThat(decoder.decode(sign(current)).getSubject()).isEqualTo("someone");
        assertThatThrownBy(() -> decoder.decode(sign(new RSAKeyGenerator(2048).generate())))
                .isInstanceOf(BadJwtException.class);
    }

    @Test
    void aMalformedRetiredKeyStopsTheStart() {
        assertThatThrownBy(() -> new SigningKeys(new AuthProperties(
                        "http://depot.test",
                        pem(new RSAKeyGenerator(2048).generate()),
                        "not a key",
                        URI.create("http://dashboard.test"),
                        "x@depot.test")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String sign(RSAKey key) throws Exception {
        RSAKey withKid = new RSAKey.Builder(key)
                .keyID(key.computeThumbprint().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(withKid.getKeyID())
                        .build(),
                new JWTClaimsSet.Builder()
                        .subject("someone")
                        .expirationTime(Date.from(Instant.now().plusSeconds(600)))
                        .build());
        jwt.sign(new RSASSASigner(withKid));
        return jwt.serialize();
    }

    private static String pem(RSAKey key) {
        try {
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes())
                            .encodeToString(key.toPrivateKey().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
