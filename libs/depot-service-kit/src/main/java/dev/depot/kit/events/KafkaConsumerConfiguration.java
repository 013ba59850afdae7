package dev.depot.kit.events;

import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * How every service consumes events: JSON values bound to the listener's parameter type (the same
 * converter the outbox uses to write them), and failed records retried with exponential backoff,
 * then parked on {@code <topic>.dlt} for someone to inspect and replay.
 */
@AutoConfiguration(afterName = "org.springframework.modulith.events.kafka.KafkaJacksonConfiguration")
@ConditionalOnClass(KafkaOperations.class)
public class KafkaConsumerConfiguration {

    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    @Bean
    @ConditionalOnMissingBean(RecordMessageConverter.class)
    ByteArrayJacksonJsonMessageConverter kafkaJsonMessageConverter(ObjectProvider<JsonMapper> json) {
        return new ByteArrayJacksonJsonMessageConverter(json.getIfUnique(JsonMapper::new));
    }

    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafka) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
                kafka, (record, e) -> new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, -1));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(4);
        backOff.setInitialInterval(500);
        backOff.setMultiplier(2);
        backOff.setMaxInterval(5_000);
        return new DefaultErrorHandler(deadLetters, backOff);
    }
}
