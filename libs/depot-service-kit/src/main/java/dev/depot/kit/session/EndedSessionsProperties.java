package dev.depot.kit.session;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How each service keeps its copy of the ended sessions.
 *
 * @param syncInterval how often the whole list is read again from Redis (announcements arrive at
 *     once in between)
 * @param maxStaleness how old the copy may get while Redis cannot be read before it is no longer
 *     trusted and each check asks Redis itself (refusing the request when Redis cannot answer)
 */
@ConfigurationProperties("depot.sessions.ended")
@Validated
public record EndedSessionsProperties(
        @NotNull @DefaultValue("5s") Duration syncInterval,
        @NotNull @DefaultValue("30s") Duration maxStaleness) {}
