package dev.depot.auth.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.depot.contracts.keys.SigningKeyFormat;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The RSA key that signs access tokens ({@code depot.auth.signing-key}, see {@link
 * SigningKeyFormat}) and the retired keys whose tokens may still be in use. The JWKS endpoint
 * publishes the public halves of all of them, so rotating the key logs nobody out.
 */
@Component
public class SigningKeys {

    private final RSAKey current;
    private final JWKSet publicJwks;

    public SigningKeys(AuthProperties properties) {
        this.current = SigningKeyFormat.parse(properties.signingKey());
        List<JWK> published = new ArrayList<>();
        published.add(current.toPublicJWK());
        for (RSAKey retired : SigningKeyFormat.parseAll(properties.previousSigningKeys())) {
            if (!retired.getKeyID().equals(current.getKeyID())) {
                published.add(retired.toPublicJWK());
            }
        }
        this.publicJwks = new JWKSet(published);
    }

    /** The current private key (with its kid) for signing. */
    public RSAKey current() {
        return current;
    }

    /** The public halves of the current key (first) and of every retired one. */
    public JWKSet publicJwks() {
        return publicJwks;
    }
}
