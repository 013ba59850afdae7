package dev.depot.upload.session;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Upload sessions.
 *
 * @param maxSize the largest upload accepted ({@code Tus-Max-Size})
 * @param sessionTtl how long an upload may take at most (the ticket may allow less)
 * @param endedRetention how long an ended session is remembered, so that it answers 410
 * @param sweepInterval how often expired sessions are cleaned up
 */
@ConfigurationProperties("depot.upload")
@Validated
public record UploadProperties(
        @DefaultValue("1TB") @NotNull DataSize maxSize,
        @DefaultValue("24h") @NotNull Duration sessionTtl,
        @DefaultValue("7d") @NotNull Duration endedRetention,
        @DefaultValue("1m") @NotNull Duration sweepInterval) {}
