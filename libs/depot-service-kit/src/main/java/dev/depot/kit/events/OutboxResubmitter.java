package dev.depot.kit.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends again what the outbox could not deliver (Kafka down, process killed after the commit):
 * every publication that failed, or is still incomplete well after its send must have ended.
 */
class OutboxResubmitter {

    /** Longer than a send can take (the producer gives up after its delivery timeout). */
    static final Duration OVERDUE = Duration.ofMinutes(2);

    private final IncompleteEventPublications incomplete;
    private final Clock clock;

    OutboxResubmitter(IncompleteEventPublications incomplete, Clock clock) {
        this.incomplete = incomplete;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${depot.events.resubmit-interval:30s}",
            initialDelayString = "${depot.events.resubmit-interval:30s}")
    void resubmit() {
        Instant overdue = clock.instant().minus(OVERDUE);
        incomplete.resubmitIncompletePublications(
                p -> isFailed(p) || p.getPublicationDate().isBefore(overdue));
    }

    private static boolean isFailed(EventPublication publication) {
        return publication.getStatus() == EventPublication.Status.FAILED;
    }
}
