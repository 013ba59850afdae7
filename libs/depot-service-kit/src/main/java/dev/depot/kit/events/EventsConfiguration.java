package dev.depot.kit.events;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.kit.config.ClockConfiguration;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Events of services that keep an outbox (Spring Modulith's publication registry): every {@link
 * EventEnvelope} goes to the topic its type names, keyed by its subject. Consumers retry a failed
 * record with backoff, then park it on {@code <topic>.dlt} where it can be seen and replayed;
 * records that cannot be read at all go there at once.
 */
@AutoConfiguration(after = ClockConfiguration.class)
@ConditionalOnClass(
        value = {EventExternalizationConfiguration.class, KafkaOperations.class},
        name = "org.springframework.modulith.events.core.EventPublicationRegistry")
@EnableScheduling
public class EventsConfiguration {

    @Bean
    EventExternalizationConfiguration eventExternalization() {
        return EventExternalizationConfiguration.externalizing()
                .select(event -> event instanceof EventEnvelope<?>)
                .route(
                        EventEnvelope.class,
                        e -> RoutingTarget.forTarget(e.type()).andKey(e.subject()))
                .build();
    }

    @Bean
    EventPublisher eventPublisher(ApplicationEventPublisher events, Environment environment, Clock clock) {
        return new EventPublisher(
                events, "/depot/" + environment.getProperty("spring.application.name", "depot"), clock);
    }

    @Bean
    OutboxResubmitter outboxResubmitter(IncompleteEventPublications incomplete, Clock clock) {
        return new OutboxResubmitter(incomplete, clock);
    }
}
