package dev.depot.auth.account;

import java.time.Duration;
import java.util.Locale;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** At most one mail of a kind per address and minute, so the endpoints cannot spam an inbox. */
@Component
class MailCooldown {

    static final Duration PERIOD = Duration.ofMinutes(1);

    private final StringRedisTemplate redis;

    MailCooldown(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** True if a mail of this kind may go to this address now (and starts the cooldown). */
    boolean tryStart(String kind, String address) {
        return Boolean.TRUE.equals(redis.opsForValue()
                .setIfAbsent("depot:mail-cooldown:" + kind + ":" + address.toLowerCase(Locale.ROOT), "1", PERIOD));
    }
}
