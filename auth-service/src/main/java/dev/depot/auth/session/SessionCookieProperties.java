package dev.depot.auth.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The refresh-token cookie of the dashboard.
 *
 * @param name the cookie's name
 * @param origins browser origins (the dashboard's) whose requests may use the cookie; the same list
 *     the gateway allows for CORS
 */
@ConfigurationProperties("depot.auth.session-cookie")
@Validated
public record SessionCookieProperties(
        @DefaultValue("depot_refresh") @NotBlank String name,
        @DefaultValue("http://localhost:3000") @NotEmpty List<String> origins) {}
