package dev.depot.metadata.archive;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Expires archives past their time and asks again for those whose build went quiet; instances share
 * the work (SKIP LOCKED).
 */
@Component
class ArchiveSweepJob {

    /**
     * {@link ArchiveProperties#sweepInterval()}: the bound record is the bean named {@code
     * <prefix>-<class name>}, so the interval and its default are written once, there.
     */
    static final String INTERVAL =
            "#{@'depot.archives-dev.depot.metadata.archive.ArchiveProperties'" + ".sweepInterval().toMillis()}";

    private final ArchiveService archives;

    ArchiveSweepJob(ArchiveService archives) {
        this.archives = archives;
    }

    @Scheduled(fixedDelayString = INTERVAL, initialDelayString = "1m")
    void expire() {
        while (archives.expire() == ArchiveService.SWEEP_BATCH) {
            // a full batch: there may be more
        }
    }

    @Scheduled(fixedDelayString = "1m", initialDelayString = "1m")
    void retryStalled() {
        while (archives.retryStalled() == ArchiveService.SWEEP_BATCH) {
            // a full batch: there may be more
        }
    }
}
