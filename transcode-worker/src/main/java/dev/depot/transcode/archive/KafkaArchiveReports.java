package dev.depot.transcode.archive;

import dev.depot.contracts.archives.v1.ArchiveFinished;
import dev.depot.contracts.archives.v1.ArchiveProgressed;
import dev.depot.contracts.events.EventEnvelope;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends archive reports straight to Kafka (the worker keeps no database, hence no outbox), keyed
 * by archive id so that they arrive in order. A report sent twice is harmless: the control plane
 * settles an archive once.
 */
@Component
class KafkaArchiveReports implements ArchiveReports {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaArchiveReports.class);
  static final String SOURCE = "/depot/transcode-worker";

  private final KafkaTemplate<Object, Object> kafka;
  private final JsonMapper json;
  private final Clock clock;

  KafkaArchiveReports(KafkaTemplate<Object, Object> kafka, JsonMapper json, Clock clock) {
    this.kafka = kafka;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void progress(ArchiveProgressed report) {
    String key = report.archiveId().toString();
    kafka.send(ArchiveProgressed.TOPIC, key, json.writeValueAsBytes(EventEnvelope.of(
        ArchiveProgressed.TYPE, SOURCE, key, report, clock.instant())))
        .whenComplete((result, e) -> {
          if (e != null) {
            LOG.warn("progress of archive {} not sent: {}", key, e.toString());
          }
        });
  }

  @Override
  public void finished(ArchiveFinished report) {
    String key = report.archiveId().toString();
    try {
      kafka.send(ArchiveFinished.TOPIC, key, json.writeValueAsBytes(EventEnvelope.of(
          ArchiveFinished.TYPE, SOURCE, key, report, clock.instant()))).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ReportNotSentException("interrupted reporting archive " + key, e);
    } catch (ExecutionException e) {
      throw new ReportNotSentException("report on archive " + key + " not sent", e.getCause());
    }
  }
}
