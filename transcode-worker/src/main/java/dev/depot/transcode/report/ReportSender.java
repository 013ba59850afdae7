package dev.depot.transcode.report;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.events.EventType;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the worker's reports to the control plane straight to Kafka, in the event envelope: the
 * worker keeps no database, hence no outbox. Reports are keyed, so that those on one subject arrive
 * in order; one sent twice is harmless, as the control plane settles a subject once.
 */
@Component
public class ReportSender {

    private static final Logger LOG = LoggerFactory.getLogger(ReportSender.class);

    /** The envelope source, as the kit's EventPublisher names it. */
    public static final String SOURCE = "/depot/transcode-worker";

    private final KafkaTemplate<Object, Object> kafka;
    private final JsonMapper json;
    private final Clock clock;

    ReportSender(KafkaTemplate<Object, Object> kafka, JsonMapper json, Clock clock) {
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Sends a report and returns once the broker has it, so that a report that is lost fails the
     * record that caused it, which is then retried.
     *
     * @throws ReportNotSentException when it could not be sent
     */
    public <T> void send(String topic, EventType<T> type, String key, T report) {
        try {
            publish(topic, type, key, report).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReportNotSentException("interrupted sending " + type.name() + " on " + key, e);
        } catch (ExecutionException e) {
            throw new ReportNotSentException(type.name() + " on " + key + " not sent", e.getCause());
        }
    }

    /** Sends a report without waiting: one that is lost is superseded by the next. */
    public <T> void sendLater(String topic, EventType<T> type, String key, T report) {
        publish(topic, type, key, report).whenComplete((result, e) -> {
            if (e != null) {
                LOG.warn("{} on {} not sent: {}", type.name(), key, e.toString());
            }
        });
    }

    private <T> CompletableFuture<SendResult<Object, Object>> publish(
            String topic, EventType<T> type, String key, T report) {
        return kafka.send(
                topic, key, json.writeValueAsBytes(EventEnvelope.of(type, SOURCE, key, report, clock.instant())));
    }
}
