package dev.depot.gateway.security;

import dev.depot.gateway.GatewayProperties;
import dev.depot.gateway.client.ClientAddresses;
import dev.depot.gateway.guard.RequestGuardFilter;
import dev.depot.gateway.problem.ProblemWriter;
import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.security.TokenText;
import dev.depot.kit.session.EndedSessions;
import java.time.Clock;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Access tokens are checked here first (signature against auth-service's JWKS, issuer, expiry) and
 * again by each service; then {@link RequestGuardFilter} refuses ended sessions and applies the
 * rate limits. Public paths pass without a token; CORS is answered before any check.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(
            ServerHttpSecurity http,
            GatewayProperties properties,
            ProblemWriter problems,
            ReactiveStringRedisTemplate redis,
            ClientAddresses addresses,
            EndedSessions endedSessions) {
        // Not a bean: WebFlux would also run every WebFilter bean on its own, so each request
        // would take two Redis round trips and two tokens.
        RequestGuardFilter guard = new RequestGuardFilter(redis, endedSessions, problems, addresses, properties);
        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) ->
                problems.write(exchange, CommonProblem.UNAUTHENTICATED, "A valid access token is required.");
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(a -> a.pathMatchers(HttpMethod.OPTIONS)
                        .permitAll()
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .pathMatchers(properties.publicPaths().toArray(String[]::new))
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .oauth2ResourceServer(o -> o.jwt(j -> {})
                        .bearerTokenConverter(new BearerTokens())
                        .authenticationEntryPoint(unauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((exchange, ex) ->
                                problems.write(exchange, CommonProblem.FORBIDDEN, "You may not do this.")))
                .addFilterAfter(guard, SecurityWebFiltersOrder.AUTHENTICATION)
                .build();
    }

    /**
     * The default firewall, with header values checked by a character loop: its regular expression
     * ran on every header read, the long {@code Authorization} value included.
     */
    @Bean
    ServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderValues(TokenText::isPrintable);
        return firewall;
    }

    /**
     * A URL the firewall refuses (an encoded slash, a dot segment, a control character) is answered
     * with a problem like any other bad request, not an empty 400.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedExchanges(ProblemWriter problems) {
        return (exchange, rejected) -> problems.write(
                exchange,
                CommonProblem.MALFORMED_REQUEST,
                "This URL is not accepted (encoded slashes, dot segments and control characters are" + " refused).");
    }

    /** The JWKS and issuer of {@code spring.security.oauth2.resourceserver.jwt}, verified once. */
    @Bean
    ReactiveJwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties, Clock clock) {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        NimbusReactiveJwtDecoder decoder =
                NimbusReactiveJwtDecoder.withJwkSetUri(jwt.getJwkSetUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(jwt.getIssuerUri()));
        return new CachingJwtDecoder(decoder, clock);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    CorsWebFilter corsWebFilter(GatewayProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.corsOrigins());
        cors.addAllowedMethod("*");
        cors.addAllowedHeader("*");
        cors.addExposedHeader("*");
        // with credentials a browser reads "*" as a header's name: named ones stay readable
        cors.addExposedHeader(HttpHeaders.RETRY_AFTER);
        cors.setAllowCredentials(true);
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return new CorsWebFilter(source);
    }
}
