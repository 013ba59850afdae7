package dev.depot.upload.session;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Upload sessions.
 *
 * @param maxSize the largest upload accepted ({@code Tus-Max-Size})
 * @param partSize bytes per multipart part (at least 5 MiB, S3's minimum); bigger uploads use
 *     bigger parts so that 10,000 parts always suffice
 * @param sessionTtl how long an upload may take at most (the ticket may allow less)
 * @param endedRetention how long an ended session is remembered, so that it answers 410
 * @param sweepInterval how often expired sessions are cleaned up
 * @param spoolDir local directory for the part being filled while a request runs
 */
@ConfigurationProperties("depot.upload")
@Validated
public record UploadProperties(@DefaultValue("1TB") @NotNull DataSize maxSize,
    @DefaultValue("16MB") @NotNull DataSize partSize,
    @DefaultValue("24h") @NotNull Duration sessionTtl,
    @DefaultValue("7d") @NotNull Duration endedRetention,
    @DefaultValue("1m") @NotNull Duration sweepInterval,
    @NotNull Path spoolDir) {

  static final long MIN_PART_SIZE = 5L * 1024 * 1024;
  static final int MAX_PARTS = 10_000;

  public UploadProperties {
    if (partSize.toBytes() < MIN_PART_SIZE) {
      throw new IllegalArgumentException("depot.upload.part-size must be at least 5MB");
    }
  }

  /** The part size of an upload of {@code length} bytes. */
  long partSizeFor(long length) {
    return Math.max(partSize.toBytes(), Math.ceilDiv(length, MAX_PARTS));
  }
}
