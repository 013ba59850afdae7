package dev.depot.auth.session;

import dev.depot.auth.AuthProblem;
import dev.depot.kit.problem.DepotException;
import java.util.Map;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins in Redis per account and per client address, in fixed windows that start at
 * the first failure. Past either limit, logins are refused with 429 and {@code Retry-After} before
 * any password is checked, for known and unknown accounts alike.
 */
@Component
class LoginThrottle {

    private static final String PREFIX = "depot:login-failures:";

    private final StringRedisTemplate redis;
    private final LoginThrottleProperties limits;

    LoginThrottle(StringRedisTemplate redis, LoginThrottleProperties limits) {
        this.redis = redis;
        this.limits = limits;
    }

    void check(String account, String address) {
        refuseIfOver(PREFIX + "account:" + account, limits.failuresPerAccount());
        refuseIfOver(PREFIX + "address:" + address, limits.failuresPerAddress());
    }

    void failed(String account, String address) {
        count(PREFIX + "account:" + account);
        count(PREFIX + "address:" + address);
    }

    void succeeded(String account) {
        redis.delete(PREFIX + "account:" + account);
    }

    private void refuseIfOver(String key, int limit) {
        String value = redis.opsForValue().get(key);
        if (value != null && Long.parseLong(value) >= limit) {
            Long ttl = redis.getExpire(key);
            long retryAfter = ttl == null || ttl <= 0 ? limits.window().toSeconds() : ttl;
            throw new DepotException(
                    AuthProblem.TOO_MANY_ATTEMPTS,
                    "Too many failed sign-ins. Try again in " + retryAfter + " seconds.",
                    Map.of(DepotException.RETRY_AFTER, retryAfter));
        }
    }

    private void count(String key) {
        Long failures = redis.opsForValue().increment(key);
        if (failures != null && failures == 1) {
            redis.expire(key, limits.window());
        }
    }
}
