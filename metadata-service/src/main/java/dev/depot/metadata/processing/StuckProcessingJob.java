package dev.depot.metadata.processing;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for versions whose processing is late; instances share the work (SKIP LOCKED). */
@Component
class StuckProcessingJob {

    /**
     * {@link ProcessingProperties#sweepInterval()}: the bound record is the bean named {@code
     * <prefix>-<class name>}, so the interval and its default are written once, there.
     */
    static final String INTERVAL =
            "#{@'depot.processing-dev.depot.metadata.processing" + ".ProcessingProperties'.sweepInterval().toMillis()}";

    private final ProcessingService processing;

    StuckProcessingJob(ProcessingService processing) {
        this.processing = processing;
    }

    @Scheduled(fixedDelayString = INTERVAL, initialDelayString = INTERVAL)
    void sweep() {
        while (processing.sweep() == ProcessingService.SWEEP_BATCH) {
            // a full batch: there may be more
        }
    }
}
