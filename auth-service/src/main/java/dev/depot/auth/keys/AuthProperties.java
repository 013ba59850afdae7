package dev.depot.auth.keys;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param issuer the {@code iss} of every access token (the public API address)
 * @param signingKey RSA private key, PKCS#8 PEM (newlines may be written as {@code \n})
 * @param dashboardUrl where links in emails point
 */
@ConfigurationProperties("depot.auth")
@Validated
public record AuthProperties(@NotBlank String issuer, @NotBlank String signingKey,
    @NotNull URI dashboardUrl) {}
