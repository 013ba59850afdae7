package dev.depot.kit.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Requests are observed once, as a whole (the {@code http.server.requests} timer and the trace that
 * the logs carry). Spring Security would otherwise wrap each of its filters, every authentication
 * and every authorization in an observation of its own: about a tenth of the gateway's CPU per
 * request, for spans nobody reads.
 */
@AutoConfiguration
@ConditionalOnClass(SecurityObservationSettings.class)
public class ObservationConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
