package dev.depot.metadata.live;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.notifications.v1.UserNotified;
import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event streams open on this instance, by account: a notification reaches every stream of its
 * user here. Limits how many streams an account and the instance hold, and ends them all when the
 * instance stops (before the web server waits for its requests to finish).
 */
@Component
class LiveStreams implements SmartLifecycle {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<UUID, Deque<LiveStream>> byUser = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final Counter dropped;
    private final LiveProperties properties;
    private final Clock clock;
    private volatile boolean running;
    private volatile boolean listening;

    LiveStreams(LiveProperties properties, Clock clock, MeterRegistry meters) {
        this.properties = properties;
        this.clock = clock;
        meters.gauge("depot.live.streams", open);
        this.dropped = Counter.builder("depot.live.dropped")
                .description("Streams closed because their client fell too far behind")
                .register(meters);
    }

    /**
     * Opens a stream for an account until its token expires (at the latest after the longest
     * lifetime), or answers 429 when the instance holds as many as it may. An account at its limit
     * has its oldest stream ended instead: that is most often a page already gone (a server only
     * notices a vanished client when a write fails), and a live one connects again.
     */
    LiveStream open(UUID userId, Instant tokenExpiresAt) {
        if (!listening) {
            throw new DepotException(
                    CommonProblem.BACKEND_UNAVAILABLE,
                    "Live events are starting; try again shortly.",
                    Map.of(DepotException.RETRY_AFTER, 2));
        }
        if (open.incrementAndGet() > properties.streams()) {
            open.decrementAndGet();
            throw new DepotException(
                    MetadataProblem.TOO_MANY_STREAMS,
                    "This server holds as many live streams as it can; try again later.",
                    Map.of(DepotException.RETRY_AFTER, properties.heartbeat().toSeconds()));
        }
        Instant latest = clock.instant().plus(properties.maxLifetime());
        Instant deadline = tokenExpiresAt != null && tokenExpiresAt.isBefore(latest) ? tokenExpiresAt : latest;
        LiveStream stream = new LiveStream(userId, deadline, properties.heartbeat(), properties.backlog());
        List<LiveStream> evicted = new ArrayList<>();
        byUser.compute(userId, (id, streams) -> {
            Deque<LiveStream> held = streams != null ? streams : new ConcurrentLinkedDeque<>();
            while (held.size() >= properties.streamsPerUser()) {
                evicted.add(held.removeFirst());
            }
            held.addLast(stream);
            return held;
        });
        open.addAndGet(-evicted.size());
        evicted.forEach(LiveStream::close);
        if (!running) {
            stream.close();
        }
        return stream;
    }

    /** Notifications reach this instance from now on. */
    void listening() {
        listening = true;
    }

    /** Forgets a stream whose request ended (unless it was ended for a newer one). */
    void closed(LiveStream stream) {
        byUser.computeIfPresent(stream.userId(), (id, streams) -> {
            if (streams.remove(stream)) {
                open.decrementAndGet();
            }
            return streams.isEmpty() ? null : streams;
        });
    }

    /** Passes a notification to every stream its user has open here. */
    void deliver(EventEnvelope<UserNotified> event) {
        UserNotified notice = event.data();
        Deque<LiveStream> streams = byUser.get(notice.userId());
        if (streams == null) {
            return;
        }
        String frame = LiveStream.frame(notice.kind(), event.id().toString(), JSON.writeValueAsString(notice.state()));
        for (LiveStream stream : streams) {
            if (!stream.offer(frame)) {
                dropped.increment();
            }
        }
    }

    int openStreams() {
        return open.get();
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream, so that a graceful shutdown does not wait for their deadlines. */
    @Override
    public void stop() {
        running = false;
        byUser.values().forEach(streams -> streams.forEach(LiveStream::close));
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
