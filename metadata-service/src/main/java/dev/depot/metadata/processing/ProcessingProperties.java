package dev.depot.metadata.processing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Post-processing deadlines.
 *
 * @param deadline how long one attempt may take before it is requested again
 * @param attempts how many attempts are made before the version is marked failed
 * @param sweepInterval how often late versions are looked for
 */
@ConfigurationProperties("depot.processing")
record ProcessingProperties(
        @DefaultValue("10m") Duration deadline,
        @DefaultValue("3") int attempts,
        @DefaultValue("1m") Duration sweepInterval) {}
