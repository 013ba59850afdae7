package dev.depot.auth.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * The RSA key that signs access tokens, read from {@code depot.auth.signing-key}. Its public half
 * is published as a JWK whose {@code kid} is the RFC 7638 thumbprint, so the same key always has
 * the same id and a new key gets a new one.
 */
@Component
public class SigningKeys {

  private final RSAKey current;

  public SigningKeys(AuthProperties properties) {
    this.current = parse(properties.signingKey());
  }

  /** The current private key (with its kid) for signing. */
  public RSAKey current() {
    return current;
  }

  public JWKSet publicJwks() {
    return new JWKSet(current.toPublicJWK());
  }

  static RSAKey parse(String pem) {
    String base64 = pem.replace("\\n", "\n")
        .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
        .replaceAll("\\s", "");
    try {
      KeyFactory factory = KeyFactory.getInstance("RSA");
      RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) factory.generatePrivate(
          new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
      RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(
          new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
      RSAKey withoutId = new RSAKey.Builder(publicKey).privateKey(privateKey).build();
      return new RSAKey.Builder(publicKey).privateKey(privateKey)
          .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
          .keyID(withoutId.computeThumbprint().toString())
          .build();
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException
        | JOSEException e) {
      throw new IllegalArgumentException(
          "DEPOT_AUTH_SIGNING_KEY is not an RSA private key in PKCS#8 PEM form", e);
    }
  }
}
