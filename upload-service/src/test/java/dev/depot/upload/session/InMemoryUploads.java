package dev.depot.upload.session;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.ticket.Ticket;
import dev.depot.kit.events.EventPublisher;
import dev.depot.localinfra.MovingClock;
import dev.depot.upload.lock.UploadLocks;
import dev.depot.upload.store.InMemoryUploadStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * An {@link UploadService} on sessions and a store in memory, a clock the test moves, and the
 * events it publishes: the tus side without Postgres, Kafka or S3.
 */
public final class InMemoryUploads {

    public static final long MAX_SIZE = DataSize.ofGigabytes(1).toBytes();
    public static final Duration SESSION_TTL = Duration.ofHours(24);
    public static final Duration ENDED_RETENTION = Duration.ofDays(7);

    public final UploadProperties properties =
            new UploadProperties(DataSize.ofBytes(MAX_SIZE), SESSION_TTL, ENDED_RETENTION, Duration.ofMinutes(1));
    public final InMemoryUploadStore store = new InMemoryUploadStore();
    public final MovingClock clock = new MovingClock(Instant.parse("2030-01-01T00:00:00Z"));

    /** The data of each event published, in order. */
    public final List<Object> events = new CopyOnWriteArrayList<>();

    final InMemorySessionRepository sessions = new InMemorySessionRepository();
    public final UploadService service;

    public InMemoryUploads() {
        EventPublisher publisher =
                new EventPublisher(event -> events.add(((EventEnvelope<?>) event).data()), "/upload-service", clock);
        service = new UploadService(
                sessions,
                store,
                new UploadLocks(),
                publisher,
                new TransactionTemplate(new Transactions()),
                properties,
                clock);
    }

    /** A ticket to upload {@code size} bytes, valid for two days. */
    public Ticket ticket(long size, String sha256) {
        return new Ticket(
                Ticket.Operation.UPLOAD,
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                size,
                sha256,
                clock.instant().plus(Duration.ofDays(2)),
                null);
    }

    /**
     * Transactions with Spring's synchronisation (events may only be published inside one) and
     * nothing to commit: the repositories in memory apply each change at once.
     */
    private static final class Transactions extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {}

        @Override
        protected void doRollback(DefaultTransactionStatus status) {}
    }
}
