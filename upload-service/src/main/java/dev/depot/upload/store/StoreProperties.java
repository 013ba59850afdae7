package dev.depot.upload.store;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How upload bytes are kept on their way to the object store.
 *
 * @param partSize bytes per multipart part (at least 5 MiB, S3's minimum); bigger uploads use
 *     bigger parts so that 10,000 parts always suffice
 * @param spoolDir local directory for the part being filled while a request runs
 */
@ConfigurationProperties("depot.upload")
@Validated
public record StoreProperties(
        @DefaultValue("16MB") @NotNull DataSize partSize,
        @NotNull Path spoolDir) {

    static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    static final int MAX_PARTS = 10_000;

    public StoreProperties {
        if (partSize.toBytes() < MIN_PART_SIZE) {
            throw new IllegalArgumentException("depot.upload.part-size must be at least 5MB");
        }
    }

    /** The part size of an upload of {@code length} bytes. */
    long partSizeFor(long length) {
        return Math.max(partSize.toBytes(), Math.ceilDiv(length, MAX_PARTS));
    }
}
