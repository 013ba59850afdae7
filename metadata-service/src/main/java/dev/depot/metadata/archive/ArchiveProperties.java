package dev.depot.metadata.archive;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Zip archives of selections.
 *
 * @param ttl how long an archive exists after it was asked for; then it expires and is deleted
 * @param maxEntries the most files and folders one archive may hold
 * @param maxBytes the most bytes of files one archive may hold
 * @param maxItems the most items one request may select (folders count once)
 * @param sweepInterval how often expired archives are looked for
 * @param keepExpired how long the row of an expired or deleted archive stays (so that a late report
 *     of its build still has its zip deleted)
 * @param stallAfter how long a build may go without reporting progress before it is asked for again
 *     (the worker reports every second while it builds)
 * @param attempts how many times an archive is asked for before it is marked failed
 */
@ConfigurationProperties("depot.archives")
@Validated
public record ArchiveProperties(
        @DefaultValue("24h") @NotNull Duration ttl,
        @DefaultValue("100000") @Positive int maxEntries,
        @DefaultValue("100GB") @NotNull DataSize maxBytes,
        @DefaultValue("1000") @Positive int maxItems,
        @DefaultValue("5m") @NotNull Duration sweepInterval,
        @DefaultValue("7d") @NotNull Duration keepExpired,
        @DefaultValue("10m") @NotNull Duration stallAfter,
        @DefaultValue("3") @Positive int attempts) {}
