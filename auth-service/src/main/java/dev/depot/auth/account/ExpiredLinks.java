package dev.depot.auth.account;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes emailed tokens a day after they expired (used or not). */
@Component
class ExpiredLinks {

    private static final Logger LOG = LoggerFactory.getLogger(ExpiredLinks.class);

    private final OneTimeTokenRepository tokens;
    private final Clock clock;

    ExpiredLinks(OneTimeTokenRepository tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void delete() {
        LOG.info(
                "{} expired email tokens deleted",
                tokens.deleteExpired(clock.instant().minus(Duration.ofDays(1))));
    }
}
