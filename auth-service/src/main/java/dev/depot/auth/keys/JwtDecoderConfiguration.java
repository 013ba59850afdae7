package dev.depot.auth.keys;

import com.nimbusds.jose.JOSEException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** auth-service verifies access tokens with its own key, without fetching its own JWKS. */
@Configuration(proxyBeanMethods = false)
class JwtDecoderConfiguration {

  @Bean
  JwtDecoder jwtDecoder(SigningKeys keys, AuthProperties properties) throws JOSEException {
    NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(keys.current().toRSAPublicKey())
        .build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(properties.issuer()));
    return decoder;
  }
}
