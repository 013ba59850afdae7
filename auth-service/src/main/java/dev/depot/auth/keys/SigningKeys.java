package dev.depot.auth.keys;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.depot.contracts.keys.SigningKeyFormat;
import org.springframework.stereotype.Component;

/**
 * The RSA key that signs access tokens, read from {@code depot.auth.signing-key} (see
 * {@link SigningKeyFormat}); its public half is what the JWKS endpoint publishes.
 */
@Component
public class SigningKeys {

  private final RSAKey current;

  public SigningKeys(AuthProperties properties) {
    this.current = SigningKeyFormat.parse(properties.signingKey());
  }

  /** The current private key (with its kid) for signing. */
  public RSAKey current() {
    return current;
  }

  public JWKSet publicJwks() {
    return new JWKSet(current.toPublicJWK());
  }
}
