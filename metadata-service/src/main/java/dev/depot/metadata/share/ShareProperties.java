package dev.depot.metadata.share;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Public share links.
 *
 * @param pageUrl the dashboard, whose {@code /s/<token>} page shows a shared file to anyone
 * @param maxPerFile how many links one file may have at once
 * @param maxLifetime the furthest ahead a link's expiry may be set
 */
@ConfigurationProperties("depot.share")
@Validated
public record ShareProperties(
        @NotNull URI pageUrl,
        @DefaultValue("20") @Positive int maxPerFile,
        @DefaultValue("365d") @NotNull Duration maxLifetime) {}
