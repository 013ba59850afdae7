package dev.depot.metadata.ticket;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The data-plane links this service hands out.
 *
 * @param publicUrl where clients reach Depot (the edge in compose, the gateway locally)
 * @param downloadTtl how long a download URL works unless the caller asks for less or more
 * @param maxDownloadTtl the longest a caller may ask for
 * @param uploadTtl how long an upload may take before its session and reservation expire
 */
@ConfigurationProperties("depot.links")
@Validated
public record LinkProperties(
        @NotNull URI publicUrl,
        @DefaultValue("10m") Duration downloadTtl,
        @DefaultValue("24h") Duration maxDownloadTtl,
        @DefaultValue("24h") Duration uploadTtl) {}
