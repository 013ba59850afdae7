package dev.depot.metadata.live;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One open event stream: events wait in a short queue and the request's own thread writes them out,
 * so a slow client holds up nobody else. An idle stream sends a comment every heartbeat; the stream
 * ends at its deadline, when it is closed, or when its queue overflows.
 */
final class LiveStream {

    /** Wakes the writer when the stream is closed; never written. */
    private static final String END = "";

    private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private final UUID userId;
    private final Instant deadline;
    private final Duration heartbeat;
    private final BlockingQueue<String> frames;
    private volatile boolean closed;

    LiveStream(UUID userId, Instant deadline, Duration heartbeat, int backlog) {
        this.userId = userId;
        this.deadline = deadline;
        this.heartbeat = heartbeat;
        this.frames = new ArrayBlockingQueue<>(backlog + 1);
    }

    UUID userId() {
        return userId;
    }

    Instant deadline() {
        return deadline;
    }

    /** An event in Server-Sent Events form; {@code data} is one line of JSON. */
    static String frame(String event, String id, String data) {
        return "event: " + event + "\nid: " + id + "\ndata: " + data + "\n\n";
    }

    /** Queues a frame; false (and the stream closed) when the client is too far behind. */
    boolean offer(String frame) {
        if (closed) {
            return false;
        }
        if (frames.remainingCapacity() > 1 && frames.offer(frame)) {
            return true;
        }
        close();
        return false;
    }

    void close() {
        closed = true;
        frames.clear();
        frames.offer(END);
    }

    /**
     * The first frames of a stream: how soon a client should connect again after it ends, and {@code
     * open} with the time it will end.
     */
    static String opening(Instant deadline) {
        return "retry: 3000\n\nevent: open\ndata: {\"expiresAt\":\"" + deadline + "\"}\n\n";
    }

    /**
     * Writes the opening frames, then each queued frame as it comes, until the stream ends or the
     * client goes away.
     */
    void pump(String opening, OutputStream out, Clock clock) {
        try {
            out.write(opening.getBytes(StandardCharsets.UTF_8));
            out.flush();
            while (!closed) {
                Duration left = Duration.between(clock.instant(), deadline);
                if (left.isNegative() || left.isZero()) {
                    return;
                }
                long wait = Math.max(1, (left.compareTo(heartbeat) < 0 ? left : heartbeat).toMillis());
                String frame = frames.poll(wait, TimeUnit.MILLISECONDS);
                if (frame == null) {
                    if (!clock.instant().isBefore(deadline)) {
                        return;
                    }
                    out.write(KEEP_ALIVE);
                } else if (!frame.isEmpty()) {
                    out.write(frame.getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
            }
        } catch (IOException clientGone) {
            // Nothing to tell anyone: the stream just ends.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
