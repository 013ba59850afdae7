package dev.depot.kit.events;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.events.EventType;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes an event through the transactional outbox: the envelope is stored with the transaction
 * that caused it and reaches Kafka after the commit, retried until it does. Calling it outside a
 * transaction is a programming error, since the event could then be lost.
 */
public class EventPublisher {

    private final ApplicationEventPublisher events;
    private final String source;
    private final Clock clock;

    public EventPublisher(ApplicationEventPublisher events, String source, Clock clock) {
        this.events = events;
        this.source = source;
        this.clock = clock;
    }

    public <T> EventEnvelope<T> publish(EventType<T> type, String subject, T data) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("events are published inside a transaction: " + type.name());
        }
        EventEnvelope<T> envelope = envelope(type, subject, data);
        events.publishEvent(envelope);
        return envelope;
    }

    private <T> EventEnvelope<T> envelope(EventType<T> type, String subject, T data) {
        return EventEnvelope.of(type, source, subject, data, clock.instant());
    }
}
