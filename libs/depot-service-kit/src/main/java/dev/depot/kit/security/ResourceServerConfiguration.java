package dev.depot.kit.security;

import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.ProblemConfiguration;
import dev.depot.kit.problem.ProblemResponses;
import dev.depot.kit.problem.Problems;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Every servlet service checks the access token again behind the gateway (defence in depth):
 * JWTs are verified against the JWKS of auth-service, health and metrics stay open, and the
 * service lists its own public paths in {@code depot.security.public-paths}.
 */
@AutoConfiguration(
    after = ProblemConfiguration.class,
    beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({SecurityFilterChain.class, JwtDecoder.class})
@EnableConfigurationProperties(ResourceServerConfiguration.SecurityProperties.class)
public class ResourceServerConfiguration {

  /** Paths (Ant patterns) that need no token, e.g. sign-up or signed data-plane URLs. */
  @ConfigurationProperties("depot.security")
  public record SecurityProperties(@DefaultValue List<String> publicPaths) {}

  @Bean
  @ConditionalOnMissingBean(SecurityFilterChain.class)
  SecurityFilterChain depotSecurityFilterChain(HttpSecurity http, SecurityProperties properties,
      ProblemResponses problems) throws Exception {
    AuthenticationEntryPoint unauthenticated = (req, res, e) -> problems.write(res,
        Problems.of(CommonProblem.UNAUTHENTICATED, "A valid access token is required."));
    AccessDeniedHandler denied = (req, res, e) -> problems.write(res,
        Problems.of(CommonProblem.FORBIDDEN, "You may not do this."));
    http.csrf(c -> c.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(a -> a
            .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                "/error").permitAll()
            .requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll()
            .anyRequest().authenticated())
        .oauth2ResourceServer(o -> o.jwt(j -> { })
            .authenticationEntryPoint(unauthenticated)
            .accessDeniedHandler(denied))
        .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated)
            .accessDeniedHandler(denied));
    return http.build();
  }
}
