package dev.depot.auth.keys;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param issuer the {@code iss} of every access token (the public API address)
 * @param signingKey RSA private key that signs new tokens, PKCS#8 PEM (newlines may be written as
 *     {@code \n})
 * @param previousSigningKeys retired keys, PEM blocks one after another: no longer used to sign,
 *     still published so that tokens they signed stay valid until they expire
 * @param dashboardUrl where links in emails point
 * @param mailFrom the sender of every email
 */
@ConfigurationProperties("depot.auth")
@Validated
public record AuthProperties(
        @NotBlank String issuer,
        @NotBlank String signingKey,
        @DefaultValue("") String previousSigningKeys,
        @NotNull URI dashboardUrl,
        @NotBlank String mailFrom) {}
