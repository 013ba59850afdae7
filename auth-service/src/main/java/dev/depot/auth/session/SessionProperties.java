package dev.depot.auth.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param accessTokenTtl life of an access token; also how long an ended session stays on the list
 *     every service checks tokens against
 * @param refreshTokenTtl a session ends after this long without a refresh (sliding)
 * @param reuseGrace a replaced refresh token presented again this soon, while the token that replaced it is still
 *     unused, is a renewal whose answer never arrived (a page left mid-renewal): it is renewed again instead of
 *     ending the session; zero turns this off
 */
@ConfigurationProperties("depot.auth.sessions")
@Validated
public record SessionProperties(
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("30s") Duration reuseGrace) {}
