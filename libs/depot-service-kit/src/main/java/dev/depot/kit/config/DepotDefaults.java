package dev.depot.kit.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every Depot service shares, added with the lowest precedence so that a service's
 * application.yml or the environment can still override any of them.
 */
public final class DepotDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("spring.threads.virtual.enabled", "true"),
            Map.entry("spring.mvc.problemdetails.enabled", "true"),
            Map.entry("spring.webflux.problemdetails.enabled", "true"),
            Map.entry("spring.jpa.open-in-view", "false"),
            Map.entry("spring.reactor.context-propagation", "auto"),
            Map.entry("server.shutdown", "graceful"),
            Map.entry("server.error.include-stacktrace", "never"),
            Map.entry("server.error.include-message", "never"),
            Map.entry("server.error.whitelabel.enabled", "false"),
            // One JSON object per line with traceId/spanId; a failure's stack is kept short.
            Map.entry("logging.structured.format.console", "ecs"),
            Map.entry("logging.structured.json.stacktrace.max-length", "2048"),
            Map.entry("logging.structured.json.stacktrace.max-throwable-depth", "12"),
            Map.entry("logging.structured.json.stacktrace.include-common-frames", "false"),
            // Services that describe themselves (springdoc): OpenAPI 3.1, stable output, JSON
            // answers;
            // the problem bodies of the error path are described on each operation instead.
            Map.entry("springdoc.api-docs.version", "openapi_3_1"),
            Map.entry("springdoc.writer-with-order-by-keys", "true"),
            Map.entry("springdoc.default-produces-media-type", "application/json"),
            Map.entry("springdoc.paths-to-exclude", "/error"),
            Map.entry("management.endpoints.web.exposure.include", "health,info,prometheus"),
            Map.entry("management.endpoint.health.probes.enabled", "true"),
            Map.entry("management.endpoint.health.show-details", "never"),
            Map.entry("management.tracing.sampling.probability", "1.0"),
            // The active-requests timer keeps every request in a sorted set: costly, and unused.
            Map.entry("management.metrics.observations.ignored-meters", "long-task-timer"),
            Map.entry("spring.kafka.template.observation-enabled", "true"),
            Map.entry("spring.kafka.listener.observation-enabled", "true"),
            // Events are JSON bytes, written and read by the message converter the outbox registers.
            Map.entry(
                    "spring.kafka.producer.value-serializer",
                    "org.apache.kafka.common.serialization.ByteArraySerializer"),
            Map.entry(
                    "spring.kafka.consumer.value-deserializer",
                    "org.apache.kafka.common.serialization.ByteArrayDeserializer"),
            Map.entry("spring.kafka.consumer.group-id", "${spring.application.name}"),
            Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
            // A send fails within seconds when Kafka is away; the outbox sends it again later.
            Map.entry("spring.kafka.producer.properties.max.block.ms", "10000"),
            Map.entry("spring.kafka.producer.properties.request.timeout.ms", "10000"),
            Map.entry("spring.kafka.producer.properties.delivery.timeout.ms", "30000"),
            Map.entry("logging.level.org.apache.kafka", "WARN"),
            Map.entry("spring.modulith.events.completion-mode", "delete"),
            Map.entry("spring.modulith.events.republish-outstanding-events-on-restart", "true"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("depotDefaults", DEFAULTS));
    }
}
