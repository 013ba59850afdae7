package dev.depot.upload.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends uploads past their expiry (announcing it, so metadata-service releases the reservation) and
 * forgets long-ended sessions. Instances share the work through {@code SKIP LOCKED}.
 */
@Component
class ExpiredSessionJob {

    /**
     * {@link UploadProperties#sweepInterval()}: the bound record is the bean named {@code
     * <prefix>-<class name>}, so the interval and its default are written once, there.
     */
    static final String INTERVAL =
            "#{@'depot.upload-dev.depot.upload.session.UploadProperties'" + ".sweepInterval().toMillis()}";

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredSessionJob.class);

    private final UploadService uploads;

    ExpiredSessionJob(UploadService uploads) {
        this.uploads = uploads;
    }

    @Scheduled(fixedDelayString = INTERVAL, initialDelayString = INTERVAL)
    void sweep() {
        int expired;
        do {
            expired = uploads.expire();
            if (expired > 0) {
                LOG.info("expired {} uploads", expired);
            }
        } while (expired == UploadService.EXPIRY_BATCH);
    }
}
