package dev.depot.transcode.processing;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.processing.v1.VersionProcessed;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends reports straight to Kafka: the worker keeps no database, hence no outbox. The send is
 * awaited, so a report that does not reach the broker fails the record, which is then retried;
 * a report sent twice is harmless (the control plane settles a blob once).
 */
@Component
class KafkaProcessingReports implements ProcessingReports {

  /** The envelope source, as the kit's EventPublisher names it. */
  static final String SOURCE = "/depot/transcode-worker";

  private final KafkaTemplate<Object, Object> kafka;
  private final JsonMapper json;
  private final Clock clock;

  KafkaProcessingReports(KafkaTemplate<Object, Object> kafka, JsonMapper json, Clock clock) {
    this.kafka = kafka;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void send(VersionProcessed report) {
    String key = report.fileId().toString();
    EventEnvelope<VersionProcessed> event = EventEnvelope.of(VersionProcessed.TYPE, SOURCE, key,
        report, clock.instant());
    try {
      kafka.send(VersionProcessed.TOPIC, key, json.writeValueAsBytes(event)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReportNotSentException("interrupted sending the report on " + report.versionId(),
          e);
    } catch (ExecutionException e) {
      throw new ReportNotSentException("report on " + report.versionId() + " not sent",
          e.getCause());
    }
  }
}
