package dev.depot.kit.events;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.kit.config.ClockConfiguration;
import java.time.Clock;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Events of services that keep an outbox (Spring Modulith's publication registry): every
 * {@link EventEnvelope} goes to the topic its type names, keyed by its subject. Consumers retry a
 * failed record with backoff, then park it on {@code <topic>.dlt} where it can be seen and
 * replayed; records that cannot be read at all go there at once.
 */
@AutoConfiguration(after = ClockConfiguration.class)
@ConditionalOnClass(value = {EventExternalizationConfiguration.class, KafkaOperations.class},
    name = "org.springframework.modulith.events.core.EventPublicationRegistry")
@EnableScheduling
public class EventsConfiguration {

  public static final String DEAD_LETTER_SUFFIX = ".dlt";

  @Bean
  EventExternalizationConfiguration eventExternalization() {
    return EventExternalizationConfiguration.externalizing()
        .select(event -> event instanceof EventEnvelope<?>)
        .route(EventEnvelope.class,
            e -> RoutingTarget.forTarget(e.type()).andKey(e.subject()))
        .build();
  }

  @Bean
  EventPublisher eventPublisher(ApplicationEventPublisher events, Environment environment,
      Clock clock) {
    return new EventPublisher(events,
        "/depot/" + environment.getProperty("spring.application.name", "depot"), clock);
  }

  @Bean
  OutboxResubmitter outboxResubmitter(IncompleteEventPublications incomplete, Clock clock) {
    return new OutboxResubmitter(incomplete, clock);
  }

  @Bean
  CommonErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafka) {
    DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
        (record, e) -> new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, -1));
    ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(4);
    backOff.setInitialInterval(500);
    backOff.setMultiplier(2);
    backOff.setMaxInterval(5_000);
    return new DefaultErrorHandler(deadLetters, backOff);
  }
}
