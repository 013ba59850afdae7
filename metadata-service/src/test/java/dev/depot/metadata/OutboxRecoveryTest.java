package dev.depot.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.contracts.files.v1.ActivityRecorded;
import dev.depot.kit.events.EventPublisher;
import dev.depot.localinfra.EventProbe;
import dev.depot.localinfra.TestInfra;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A process killed between the commit and the send leaves a committed, never-sent publication.
 * The state is reproduced exactly (the row the outbox itself wrote, committed without the
 * after-commit send) and recovery, as on restart or by the resubmitter, delivers the event.
 */
@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxRecoveryTest {

  @Autowired
  EventPublisher events;

  @Autowired
  TransactionTemplate tx;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  IncompleteEventPublications incomplete;

  @Test
  void anEventCommittedButNeverSentIsDeliveredOnRecovery() throws Exception {
    UUID owner = UUID.randomUUID();
    String marker = "crash-" + UUID.randomUUID();
    // What the outbox writes inside the business transaction, captured before the commit...
    List<Map<String, Object>> rows = tx.execute(status -> {
      events.publish(ActivityRecorded.TYPE, owner.toString(), new ActivityRecorded(owner,
          owner, "file.renamed", "file", UUID.randomUUID(), marker, Map.of(), Instant.now()));
      List<Map<String, Object>> written = jdbc.queryForList("SELECT id, listener_id,"
          + " event_type, serialized_event, status FROM event_publication"
          + " WHERE serialized_event LIKE ?", "%" + marker + "%");
      status.setRollbackOnly();
      return written;
    });
    assertThat(rows).hasSize(1);
    // ...is committed as the crashed process left it: stored, never sent.
    Map<String, Object> row = rows.getFirst();
    jdbc.update("INSERT INTO event_publication (id, listener_id, event_type, serialized_event,"
            + " publication_date, status, completion_attempts) VALUES (?, ?, ?, ?, ?, ?, 0)",
        row.get("id"), row.get("listener_id"), row.get("event_type"),
        row.get("serialized_event"), Timestamp.from(Instant.now()), row.get("status"));

    Thread.sleep(1000);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM activity WHERE resource_name = ?",
        Integer.class, marker)).as("nothing was sent before recovery").isZero();

    // Recent, so that the resubmitters of other test contexts (which take publications older
    // than two minutes) cannot send it during the check above; recovery here takes it at once.
    incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMillis(500));

    EventProbe.await(ActivityRecorded.TOPIC, e -> e.value().contains(marker),
        Duration.ofSeconds(20));
    Instant deadline = Instant.now().plusSeconds(20);
    Integer logged;
    do {
      Thread.sleep(100);
      logged = jdbc.queryForObject("SELECT count(*) FROM activity WHERE resource_name = ?",
          Integer.class, marker);
    } while (logged == 0 && Instant.now().isBefore(deadline));
    assertThat(logged).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT count(*) FROM event_publication WHERE id = ?",
        Integer.class, row.get("id"))).isZero();
  }
}
