package dev.depot.kit.security;

import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.ProblemConfiguration;
import dev.depot.kit.problem.ProblemResponses;
import dev.depot.kit.problem.Problems;
import dev.depot.kit.session.EndedSessionsConfiguration;
import dev.depot.kit.session.SessionCheck;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Every servlet service checks the access token again behind the gateway (defence in depth): JWTs
 * are verified against the JWKS of auth-service and their session must not have ended ({@link
 * LiveSessionFilter}); health and metrics stay open, and the service lists its own public paths in
 * {@code depot.security.public-paths}. A service with no JWKS configured accepts no access token at
 * all: everything but its public paths answers 401.
 */
@AutoConfiguration(
        after = {ProblemConfiguration.class, EndedSessionsConfiguration.class},
        beforeName = {
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, JwtDecoder.class})
@EnableConfigurationProperties(ResourceServerConfiguration.SecurityProperties.class)
public class ResourceServerConfiguration {

    /** Paths (Ant patterns) that need no token, e.g. sign-up or signed data-plane URLs. */
    @ConfigurationProperties("depot.security")
    public record SecurityProperties(@DefaultValue List<String> publicPaths) {}

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain depotSecurityFilterChain(
            HttpSecurity http,
            SecurityProperties properties,
            ProblemResponses problems,
            ObjectProvider<JwtDecoder> decoder,
            ObjectProvider<SessionCheck> sessionCheck)
            throws Exception {
        AuthenticationEntryPoint unauthenticated = (req, res, e) ->
                problems.write(res, Problems.of(CommonProblem.UNAUTHENTICATED, "A valid access token is required."));
        AccessDeniedHandler denied =
                (req, res, e) -> problems.write(res, Problems.of(CommonProblem.FORBIDDEN, "You may not do this."));
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a.requestMatchers(
                                "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/error")
                        .permitAll()
                        .requestMatchers(properties.publicPaths().toArray(String[]::new))
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
        if (decoder.getIfAvailable() == null) {
            return http.build();
        }
        SessionCheck sessions = sessionCheck.getIfAvailable();
        if (sessions == null) {
            throw new IllegalStateException("A service that accepts access tokens checks them against"
                    + " the ended sessions in Redis: set DEPOT_REDIS_URL");
        }
        http.oauth2ResourceServer(o -> o.jwt(j -> {})
                        .bearerTokenResolver(ResourceServerConfiguration::bearerToken)
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .addFilterAfter(new LiveSessionFilter(sessions, problems), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    private static String bearerToken(HttpServletRequest request) {
        String token = TokenText.bearerToken(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (token != null && token.isEmpty()) {
            throw new InvalidBearerTokenException("Bearer token is malformed");
        }
        return token;
    }

    /** The default firewall, with header values checked by a loop instead of a regex. */
    @Bean
    @ConditionalOnMissingBean(HttpFirewall.class)
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(TokenText::isPrintable);
        return firewall;
    }

    /**
     * The JWKS and issuer of {@code spring.security.oauth2.resourceserver.jwt}, each token verified
     * once (a service with its own decoder keeps it).
     */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    @ConditionalOnProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri")
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(
                        properties.getJwt().getJwkSetUri())
                .build();
        decoder.setJwtValidator(
                JwtValidators.createDefaultWithIssuer(properties.getJwt().getIssuerUri()));
        VerifiedTokens verified = new VerifiedTokens(clock);
        return token -> {
            Jwt known = verified.get(token);
            if (known != null) {
                return known;
            }
            Jwt jwt = decoder.decode(token);
            verified.remember(token, jwt);
            return jwt;
        };
    }
}
