package dev.depot.metadata.trash;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Purges what has waited in the trash longer than the retention period. */
@Component
class TrashPurgeJob {

    /**
     * {@link TrashProperties#sweepInterval()}: the bound record is the bean named {@code
     * <prefix>-<class name>}, so the interval and its default are written once, there.
     */
    static final String INTERVAL =
            "#{@'depot.trash-dev.depot.metadata.trash.TrashProperties'" + ".sweepInterval().toMillis()}";

    private final TrashService trash;

    TrashPurgeJob(TrashService trash) {
        this.trash = trash;
    }

    @Scheduled(fixedDelayString = INTERVAL, initialDelayString = "1m")
    void purgeExpired() {
        trash.purgeExpired();
    }
}
