package dev.depot.contracts.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as it travels on Kafka: a CloudEvents 1.0 envelope in structured JSON mode. The id is
 * fixed when the event is published (inside the transaction that caused it), so consumers dedupe by
 * it however often the outbox delivers. {@code type} names the topic and {@code subject} is the
 * record key (the id of the aggregate the event is about, which keeps its events in order).
 */
public record EventEnvelope<T>(
        String specversion,
        UUID id,
        String source,
        String type,
        Instant time,
        String subject,
        String datacontenttype,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
    }

    public static <T> EventEnvelope<T> of(EventType<T> type, String source, String subject, T data, Instant time) {
        return new EventEnvelope<>(
                SPEC_VERSION, UUID.randomUUID(), source, type.name(), time, subject, CONTENT_TYPE, data);
    }
}
