package dev.depot.kit.ticket;

import dev.depot.contracts.ticket.TicketCodec;
import dev.depot.kit.config.ClockConfiguration;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The ticket codec of services configured with {@code depot.tickets.secret}. */
@AutoConfiguration(after = ClockConfiguration.class)
@ConditionalOnProperty("depot.tickets.secret")
@EnableConfigurationProperties(TicketProperties.class)
public class TicketConfiguration {

    @Bean
    TicketCodec ticketCodec(TicketProperties properties, Clock clock) {
        return new TicketCodec(properties.secret(), clock);
    }
}
