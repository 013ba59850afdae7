package dev.depot.gateway.security;

import dev.depot.gateway.GatewayProperties;
import dev.depot.gateway.problem.ProblemWriter;
import dev.depot.kit.problem.CommonProblem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Access tokens are checked here first (signature against auth-service's JWKS, issuer, expiry)
 * and again by each service; tokens of ended sessions are refused ({@link RevokedSessionFilter}).
 * Public paths pass without a token; CORS is answered before any check.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

  @Bean
  SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
      GatewayProperties properties, ProblemWriter problems, ReactiveStringRedisTemplate redis) {
    ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> problems.write(exchange,
        CommonProblem.UNAUTHENTICATED, "A valid access token is required.");
    return http
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
        .authorizeExchange(a -> a
            .pathMatchers(HttpMethod.OPTIONS).permitAll()
            .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus")
            .permitAll()
            .pathMatchers(properties.publicPaths().toArray(String[]::new)).permitAll()
            .anyExchange().authenticated())
        .oauth2ResourceServer(o -> o
            .jwt(j -> { })
            .authenticationEntryPoint(unauthenticated))
        .exceptionHandling(e -> e
            .authenticationEntryPoint(unauthenticated)
            .accessDeniedHandler((exchange, ex) -> problems.write(exchange,
                CommonProblem.FORBIDDEN, "You may not do this.")))
        .addFilterAfter(new RevokedSessionFilter(redis, problems),
            SecurityWebFiltersOrder.AUTHENTICATION)
        .build();
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  CorsWebFilter corsWebFilter(GatewayProperties properties) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(properties.corsOrigins());
    cors.addAllowedMethod("*");
    cors.addAllowedHeader("*");
    cors.addExposedHeader("*");
    cors.setAllowCredentials(true);
    cors.setMaxAge(3600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    return new CorsWebFilter(source);
  }
}
