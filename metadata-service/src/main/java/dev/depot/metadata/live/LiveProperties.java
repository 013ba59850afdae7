package dev.depot.metadata.live;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Live push: the event streams pages hold open ({@code GET /api/events}).
 *
 * @param heartbeat how often an idle stream sends a comment, so that proxies keep it open and a
 *     client that went away is noticed
 * @param maxLifetime the longest a stream stays open (it also ends when the caller's token
 *     expires); the client then connects again
 * @param streamsPerUser how many streams one account may hold open on one instance; one more ends
 *     the oldest
 * @param streams how many streams one instance holds open at most
 * @param backlog how many events wait for a slow client before its stream is closed (it connects
 *     again and reads the state afresh)
 */
@ConfigurationProperties("depot.live")
@Validated
public record LiveProperties(
        @DefaultValue("20s") @NotNull Duration heartbeat,
        @DefaultValue("1h") @NotNull Duration maxLifetime,
        @DefaultValue("8") @Positive int streamsPerUser,
        @DefaultValue("10000") @Positive int streams,
        @DefaultValue("64") @Positive int backlog) {}
