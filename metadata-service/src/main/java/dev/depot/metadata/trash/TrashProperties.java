package dev.depot.metadata.trash;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The trash.
 *
 * @param retention how long trashed items wait before they are purged for good
 * @param sweepInterval how often the purge job looks for expired items
 */
@ConfigurationProperties("depot.trash")
@Validated
public record TrashProperties(
        @DefaultValue("30d") Duration retention,
        @DefaultValue("10m") Duration sweepInterval) {}
