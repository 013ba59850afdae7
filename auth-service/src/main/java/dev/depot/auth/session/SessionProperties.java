package dev.depot.auth.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param accessTokenTtl life of an access token; also how long an ended session stays on the list
 *     every service checks tokens against
 * @param refreshTokenTtl a session ends after this long without a refresh (sliding)
 */
@ConfigurationProperties("depot.auth.sessions")
@Validated
public record SessionProperties(
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl) {}
