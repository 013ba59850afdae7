package dev.depot.auth;

import dev.depot.kit.problem.ProblemConfiguration;
import dev.depot.kit.security.ResourceServerConfiguration;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * What a {@code @WebMvcTest} of auth-service adds to Spring's web slice: the service's security
 * chain and problem answers as the running service has them, and values for the settings that must
 * be present at start-up (the slice connects to none of what they name). Access tokens come from
 * spring-security-test's {@code jwt()}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ImportAutoConfiguration({
    SecurityAutoConfiguration.class,
    ServletWebSecurityAutoConfiguration.class,
    SecurityFilterAutoConfiguration.class,
    ProblemConfiguration.class,
    ResourceServerConfiguration.class
})
@TestPropertySource(
        properties = {
            "DEPOT_DB_URL=jdbc:postgresql://unused/depot",
            "DEPOT_DB_USER=unused",
            "DEPOT_KAFKA_BOOTSTRAP=unused:9092",
            "DEPOT_REDIS_URL=redis://unused:6379",
            "DEPOT_SMTP_HOST=unused",
            "DEPOT_JWT_ISSUER=http://depot.test",
            "DEPOT_AUTH_SIGNING_KEY=unused"
        })
public @interface WebSlice {}
