package dev.depot.metadata.upload;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The safety net under upload expiry: a reservation whose session ended an hour ago without a word
 * from the upload side is released here, so quota never leaks.
 */
@Component
class StaleUploadJob {

    private static final Logger LOG = LoggerFactory.getLogger(StaleUploadJob.class);
    private static final Duration GRACE = Duration.ofHours(1);

    private final UploadService uploads;
    private final Clock clock;

    StaleUploadJob(UploadService uploads, Clock clock) {
        this.uploads = uploads;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "10m", initialDelayString = "2m")
    void expire() {
        int expired = uploads.expireStale(clock.instant().minus(GRACE));
        if (expired > 0) {
            LOG.info("released {} uploads that expired without completing", expired);
        }
    }
}
