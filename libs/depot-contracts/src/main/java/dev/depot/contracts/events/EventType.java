package dev.depot.contracts.events;

/**
 * A versioned kind of event: its name is both the CloudEvents {@code type} and the Kafka topic, and
 * {@code payload} is the record carried as {@code data}.
 */
public record EventType<T>(String name, Class<T> payload) {}
