package dev.depot.gateway;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's own settings.
 *
 * @param backends name → base URI of each service, also used by {@code /api/status}
 * @param corsOrigins browser origins allowed to call the API (the dashboard)
 * @param publicPaths paths that need no access token (sign-up, login, signed data-plane URLs…)
 * @param maxControlRequestSize the largest body accepted on control-plane routes
 * @param dataPlanePaths routes that carry file bytes and so have no body limit here
 * @param rateLimit token buckets per user and per client address, and per user for requests that
 *     issue signed links
 * @param trustedProxies addresses or CIDR ranges of proxies in front of the gateway (the edge),
 *     whose {@code X-Forwarded-For} is believed
 */
@ConfigurationProperties("depot.gateway")
@Validated
public record GatewayProperties(
        @NotEmpty Map<String, URI> backends,
        @NotEmpty List<String> corsOrigins,
        @NotNull List<String> publicPaths,
        @DefaultValue("1MB") DataSize maxControlRequestSize,
        @NotNull List<String> dataPlanePaths,
        @NotNull RateLimit rateLimit,
        @DefaultValue List<String> trustedProxies) {

    /**
     * Requests per second allowed on average, and the burst allowed above it: per client address, per
     * user, per user for requests that issue signed links, and per public share link for the download
     * URLs it issues.
     */
    public record RateLimit(
            @DefaultValue("50") int perUserPerSecond,
            @DefaultValue("100") int perUserBurst,
            @DefaultValue("100") int perIpPerSecond,
            @DefaultValue("200") int perIpBurst,
            @DefaultValue("5") int linksPerUserPerSecond,
            @DefaultValue("100") int linksPerUserBurst,
            @DefaultValue("10") int perShareLinkPerSecond,
            @DefaultValue("200") int perShareLinkBurst) {}
}
