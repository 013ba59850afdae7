package dev.depot.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.contracts.files.v1.BlobsReleased;
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
 * A process killed between the commit and the send leaves a committed, never-sent publication. The
 * state is reproduced exactly (the row the outbox itself wrote, committed without the after-commit
 * send) and recovery, as on restart or by the resubmitter, delivers the event.
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
        String marker = UUID.randomUUID().toString();
        // What the outbox writes inside the business transaction, captured before the commit...
        List<Map<String, Object>> rows = tx.execute(status -> {
            events.publish(
                    BlobsReleased.TYPE,
                    owner.toString(),
                    new BlobsReleased(owner, List.of(UUID.fromString(marker)), Instant.now()));
            List<Map<String, Object>> written = jdbc.queryForList(
                    "SELECT id, listener_id,"
                            + " event_type, serialized_event, status FROM event_publication"
                            + " WHERE serialized_event LIKE ?",
                    "%" + marker + "%");
            status.setRollbackOnly();
            return written;
        });
        assertThat(rows).hasSize(1);
        // ...is committed as the crashed process left it: stored, never sent.
        Map<String, Object> row = rows.getFirst();
        jdbc.update(
                "INSERT INTO event_publication (id, listener_id, event_type, serialized_event,"
                        + " publication_date, status, completion_attempts) VALUES (?, ?, ?, ?, ?, ?, 0)",
                row.get("id"),
                row.get("listener_id"),
                row.get("event_type"),
                row.get("serialized_event"),
                Timestamp.from(Instant.now()),
                row.get("status"));

        Thread.sleep(1000);
        assertThat(publications(row.get("id")))
                .as("nothing sent it before recovery")
                .isOne();

        // Recent, so that the resubmitters of other test contexts (which take publications older
        // than two minutes) cannot send it during the check above; recovery here takes it at once.
        incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMillis(500));

        EventProbe.await(BlobsReleased.TOPIC, e -> e.value().contains(marker), Duration.ofSeconds(20));
        Instant deadline = Instant.now().plusSeconds(20);
        while (publications(row.get("id")) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(publications(row.get("id")))
                .as("the delivered publication is completed")
                .isZero();
    }

    private int publications(Object id) {
        return jdbc.queryForObject("SELECT count(*) FROM event_publication WHERE id = ?", Integer.class, id);
    }
}
