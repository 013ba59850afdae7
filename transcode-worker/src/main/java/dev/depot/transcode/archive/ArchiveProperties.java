package dev.depot.transcode.archive;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How zip archives are built.
 *
 * @param partSize the smallest part of the multipart upload the zip streams into (S3 wants at least
 *     5 MB); bigger archives get bigger parts so that 10,000 parts are never needed. Memory held:
 *     about three parts
 * @param uploadsInFlight how many parts upload while the next one fills
 * @param prefetch how many entries are fetched ahead of the one being written, so that many small
 *     files do not each wait for a round trip to the store
 * @param prefetchMaxSize files up to this size are fetched ahead into memory; bigger ones stream
 *     when their turn comes
 * @param compressionLevel deflate level (0–9) of entries that are not compressed already (images,
 *     video, audio and archives are stored as they are)
 * @param progressInterval the least time between two progress reports
 */
@ConfigurationProperties("depot.archives")
@Validated
public record ArchiveProperties(
        @DefaultValue("16MB") @NotNull DataSize partSize,
        @DefaultValue("2") @Min(1) @Max(8) int uploadsInFlight,
        @DefaultValue("16") @Min(1) @Max(256) int prefetch,
        @DefaultValue("1MB") @NotNull DataSize prefetchMaxSize,
        @DefaultValue("6") @Min(0) @Max(9) int compressionLevel,
        @DefaultValue("1s") @NotNull Duration progressInterval) {

    static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    public ArchiveProperties {
        if (partSize.toBytes() < MIN_PART_SIZE || partSize.toBytes() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("depot.archives.part-size is between 5MB and 2GB");
        }
    }
}
