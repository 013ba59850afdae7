package dev.depot.kit.session;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;

/**
 * The account sessions that ended before their access tokens expire (sign-out, a revoked session, a
 * password change, a deleted account), as every service that accepts access tokens sees them.
 *
 * <p>Redis holds the list, a sorted set of session ids scored by the time their last access token
 * expires, and announces each ending on a channel. Each service keeps a copy in memory: an
 * announcement reaches it at once, and the whole list is read again every sync interval (which also
 * catches announcements missed while the connection was down). A check therefore costs no round
 * trip and holds while Redis is slow or away. A copy that could not be read again for longer than
 * the allowed staleness is not trusted: then the check asks Redis itself, and when Redis cannot say
 * either, the answer is {@link Verdict#UNKNOWN} and the request is refused.
 */
public class EndedSessions implements SessionCheck, MessageListener {

    /** The sorted set of ended sessions: member = session id, score = epoch ms it matters until. */
    public static final String KEY = "depot:sessions:ended";

    /** Announcements of ended sessions: {@code "<session id> <epoch ms it matters until>"}. */
    public static final String CHANNEL = "depot:sessions:ended";

    private static final Logger LOG = LoggerFactory.getLogger(EndedSessions.class);

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final Duration maxStaleness;
    private final Map<String, Long> ended = new ConcurrentHashMap<>();
    private volatile Instant syncedAt;
    private volatile boolean outOfSync;
    private volatile boolean refusing;

    public EndedSessions(StringRedisTemplate redis, Clock clock, Duration maxStaleness) {
        this.redis = redis;
        this.clock = clock;
        this.maxStaleness = maxStaleness;
    }

    /**
     * Ends sessions everywhere: their access tokens are refused until {@code until}, the time the
     * last of them expires. Throws when Redis cannot take it, so the caller's change fails too.
     */
    public void end(Collection<String> sessionIds, Instant until) {
        if (sessionIds.isEmpty()) {
            return;
        }
        long score = until.toEpochMilli();
        Set<TypedTuple<String>> entries =
                sessionIds.stream().map(id -> TypedTuple.of(id, (double) score)).collect(Collectors.toSet());
        redis.opsForZSet().add(KEY, entries);
        redis.opsForZSet().removeRangeByScore(KEY, Double.NEGATIVE_INFINITY, clock.millis());
        for (String id : sessionIds) {
            remember(id, score);
            redis.convertAndSend(CHANNEL, id + " " + score);
        }
    }

    /** What is known of a session, asking Redis only when the copy is too old to trust. */
    @Override
    public Verdict check(String sessionId) {
        Verdict local = checkLocally(sessionId);
        if (local != Verdict.UNKNOWN) {
            return local;
        }
        try {
            Double until = redis.opsForZSet().score(KEY, sessionId);
            return until != null && until > clock.millis() ? Verdict.ENDED : Verdict.LIVE;
        } catch (RuntimeException e) {
            if (!refusing) {
                refusing = true;
                LOG.warn(
                        "refusing access tokens: the list of ended sessions is out of date and Redis did"
                                + " not answer ({})",
                        e.toString());
            }
            return Verdict.UNKNOWN;
        }
    }

    /** What the copy in memory knows of a session: {@link Verdict#UNKNOWN} when it is too old. */
    public Verdict checkLocally(String sessionId) {
        long now = clock.millis();
        Long until = ended.get(sessionId);
        if (until != null && until > now) {
            return Verdict.ENDED;
        }
        Instant synced = syncedAt;
        return synced != null && now - synced.toEpochMilli() <= maxStaleness.toMillis()
                ? Verdict.LIVE
                : Verdict.UNKNOWN;
    }

    /** Reads the whole list again and forgets what no longer matters. */
    public void sync() {
        Instant started = clock.instant();
        try {
            Set<TypedTuple<String>> live =
                    redis.opsForZSet().rangeByScoreWithScores(KEY, started.toEpochMilli(), Double.POSITIVE_INFINITY);
            if (live != null) {
                live.forEach(e -> remember(e.getValue(), e.getScore().longValue()));
            }
            ended.values().removeIf(until -> until <= started.toEpochMilli());
            syncedAt = started;
            if (outOfSync) {
                outOfSync = false;
                refusing = false;
                LOG.info("list of ended sessions read again ({} entries)", ended.size());
            }
        } catch (RuntimeException e) {
            if (!outOfSync) {
                outOfSync = true;
                LOG.warn(
                        "list of ended sessions could not be read from Redis; the copy in memory ({})"
                                + " is used until it is {} old ({})",
                        syncedAt == null ? "none yet" : "read at " + syncedAt,
                        maxStaleness,
                        e.toString());
            }
        }
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        String text = new String(message.getBody(), StandardCharsets.UTF_8);
        int space = text.indexOf(' ');
        try {
            remember(text.substring(0, space), Long.parseLong(text.substring(space + 1)));
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            LOG.warn("ignored a malformed announcement on {}", CHANNEL);
        }
    }

    private void remember(String sessionId, long until) {
        ended.merge(sessionId, until, Math::max);
    }
}
