package dev.depot.download.delivery;

import dev.depot.download.http.ByteRange;
import dev.depot.download.store.ObjectStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Copies stored bytes to a client in windows, each read whole from storage before it is written,
 * and to a client proven fast, from one storage stream. A storage connection is a descriptor, and a
 * client holding one for as long as it takes to read would need two per download: 10,000 slow
 * clients, 20,000. Here a client holds its own connection and one window, never one to storage.
 * Windows follow the client's pace: about two seconds of what it took last, from 8 KiB up to 2 MiB,
 * so a fast client costs one storage request per 2 MiB and a slow one a small buffer. A write
 * quicker than a millisecond only filled the socket's buffers and says nothing of the client's
 * pace: the window then grows fourfold, never straight to 2 MiB, so a slow client is not handed a
 * big window for it. Fast clients (windows of {@value #READ_AHEAD_FROM} bytes and more) get the
 * next window read while the current one is written; a slow client would gain nothing from it but a
 * second buffer.
 *
 * <p>A storage request costs milliseconds before its first byte, which windows pay every 2 MiB, and
 * every 8 KiB once slow clients hold the whole budget. A client that has taken {@value
 * #PROVEN_BYTES} bytes at {@value #FAST_BYTES_PER_SECOND} bytes a second or more is sent the rest
 * from one storage stream, while one of {@value #STREAMS} streams is free. The bytes are what
 * proves it: more than socket buffers take from a client that reads nothing. The pace is low enough
 * to be met with the smallest windows, so that a fast client still gets its stream when slow ones
 * hold the budget. The cap on streams bounds the storage connections that clients which later slow
 * down can hold. A stream ends when a lap of {@value #LAP_BYTES} bytes falls below that pace, and
 * windows take over from there; a storage stream that breaks is also taken over by windows, which
 * ask storage again. A client still fast at the end of a request is streamed from the first byte of
 * the next one on the same connection. A stream goes through a direct buffer of {@value
 * #STREAM_BUFFER} bytes, filled from the store's connection and written to the client's as it is,
 * in one write: its bytes never pass through a Java array, and each megabyte costs a few system
 * calls, not hundreds.
 *
 * <p>Writing blocks until the client takes the bytes, so a slow client slows the reading
 * (backpressure); a client that goes away ends the transfer at once. Windows come out of a {@link
 * WindowBudget} of a quarter of the heap, so that however many clients there are, windows never
 * exhaust it.
 */
@Component
class ByteSender {

    private static final Logger LOG = LoggerFactory.getLogger(ByteSender.class);

    /** The first window, before the client's pace is known. */
    private static final int FIRST_WINDOW = 16 * 1024;

    private static final int MIN_WINDOW = 8 * 1024;
    private static final int MAX_WINDOW = 2 * 1024 * 1024;
    private static final int READ_AHEAD_FROM = 256 * 1024;

    /** A write quicker than this only filled socket buffers. */
    private static final long TOO_QUICK_TO_TELL_NANOS = 1_000_000;

    /** A window is about this long at the client's pace. */
    private static final long WINDOW_SECONDS = 2;

    private static final int PROVEN_BYTES = 8 * 1024 * 1024;
    private static final long FAST_BYTES_PER_SECOND = 2L * 1024 * 1024;
    private static final int LAP_BYTES = 4 * 1024 * 1024;
    private static final int STREAMS = 32;
    private static final int STREAM_BUFFER = 1024 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};

    /** A client that went away mid-body; not an error of ours. */
    static final class ClientGoneException extends RuntimeException {
        ClientGoneException(IOException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private final ObjectStore store;

    /** Reads the next window while the current one is written. */
    private final ExecutorService ahead = Executors.newVirtualThreadPerTaskExecutor();

    private final WindowBudget budget = new WindowBudget(Runtime.getRuntime().maxMemory() / 4, MIN_WINDOW);
    private final Semaphore streams = new Semaphore(STREAMS);

    /** The direct buffers of streams, made as streams first need them and kept for the next. */
    private final Queue<ByteBuffer> streamBuffers = new ArrayBlockingQueue<>(STREAMS);

    private final Counter sent;
    private final Counter aborted;
    private final Counter streamed;

    ByteSender(ObjectStore store, MeterRegistry meters) {
        this.store = store;
        Gauge.builder("depot.download.window.free", budget, WindowBudget::free)
                .description("Bytes the download windows may still take")
                .baseUnit("bytes")
                .register(meters);
        Gauge.builder("depot.download.streams", streams, s -> STREAMS - s.availablePermits())
                .description("Downloads sent from one storage stream")
                .register(meters);
        this.sent = Counter.builder("depot.download.bytes")
                .description("Bytes sent to clients")
                .baseUnit("bytes")
                .register(meters);
        this.aborted = Counter.builder("depot.download.aborted")
                .description("Downloads the client broke off")
                .register(meters);
        this.streamed = Counter.builder("depot.download.streamed")
                .description("Storage streams opened for clients proven fast")
                .register(meters);
    }

    /**
     * Sends one range of the object: windows, and one stream while the client proves fast. A client
     * {@code provenBefore} (on the same connection) is streamed from the first byte. Answers whether
     * the client was fast at the end, for the connection's next request.
     */
    boolean send(String key, ByteRange range, ServletOutputStream out, boolean provenBefore) {
        try (WindowBudget.Lease held = budget.lease()) {
            Transfer transfer = new Transfer(key, range.first(), range.last() + 1, out, held, provenBefore);
            try {
                while (transfer.position < transfer.end) {
                    if (transfer.fast && transfer.takeStream() || transfer.windowsUntilProvenFast()) {
                        transfer.streamWhileFast();
                        transfer.releaseStream();
                    }
                }
            } finally {
                transfer.releaseStream();
            }
            return transfer.fast;
        }
    }

    /** One range on its way to one client. Not shared between threads. */
    private final class Transfer {

        private final String key;
        private final long end;
        private final ServletOutputStream out;
        private final WindowBudget.Lease held;
        private long position;

        /** Whether the client has shown the fast pace, and not fallen below it since. */
        private boolean fast;

        private boolean streaming;

        Transfer(String key, long position, long end, ServletOutputStream out, WindowBudget.Lease held, boolean fast) {
            this.key = key;
            this.position = position;
            this.end = end;
            this.out = out;
            this.held = held;
            this.fast = fast;
        }

        /**
         * Sends windows, each next one read while the current one is written, until the range is sent
         * (false) or the client has proven fast and a stream is free (true: the caller streams and then
         * {@linkplain #releaseStream() releases} it).
         */
        boolean windowsUntilProvenFast() {
            long started = System.nanoTime();
            long taken = 0;
            byte[] current = read(key, position, held.take((int) Math.min(FIRST_WINDOW, end - position)));
            position += current.length;
            int lastLength = 0;
            long lastTook = 0;
            while (true) {
                Future<byte[]> next = null;
                if (position < end && lastTook > 0) {
                    fast = provenFast(taken, System.nanoTime() - started);
                    if (fast) {
                        takeStream();
                    }
                    int size = windowAfter(lastLength, lastTook, end - position);
                    if (!streaming && size >= READ_AHEAD_FROM && held.tryTake(size)) {
                        next = readAhead(key, position, size);
                        position += size;
                    }
                }
                lastTook = timedWrite(out, current, next);
                held.give(current.length);
                lastLength = current.length;
                taken += current.length;
                if (streaming) {
                    return true;
                } else if (next != null) {
                    current = await(next);
                } else if (position == end) {
                    return false;
                } else {
                    current = read(key, position, held.take(windowAfter(lastLength, lastTook, end - position)));
                    position += current.length;
                }
            }
        }

        boolean takeStream() {
            streaming = streams.tryAcquire();
            return streaming;
        }

        void releaseStream() {
            if (streaming) {
                streaming = false;
                streams.release();
            }
        }

        /**
         * Copies from one storage stream until the range is sent or a lap falls below the fast pace; a
         * broken storage stream also ends it. Windows go on from where it ended.
         */
        void streamWhileFast() {
            ByteBuffer buffer = streamBuffers.poll();
            if (buffer == null) {
                buffer = ByteBuffer.allocateDirect(STREAM_BUFFER);
            }
            streamed.increment();
            try (ReadableByteChannel in = store.stream(key, position, end - position)) {
                long lapStarted = System.nanoTime();
                long lap = 0;
                while (position < end) {
                    buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
                    while (buffer.hasRemaining()) {
                        if (in.read(buffer) < 0) {
                            throw new IOException(key + " ended at " + (position + buffer.position()));
                        }
                    }
                    int length = buffer.flip().remaining();
                    write(out, buffer);
                    position += length;
                    lap += length;
                    if (lap >= LAP_BYTES) {
                        long now = System.nanoTime();
                        if (!fastPace(lap, now - lapStarted)) {
                            fast = false;
                            return;
                        }
                        lap = 0;
                        lapStarted = now;
                    }
                }
            } catch (IOException e) {
                fast = false;
                LOG.debug("storage stream of {} broke at {}, windows go on: {}", key, position, e.toString());
            } finally {
                streamBuffers.offer(buffer);
            }
        }
    }

    /** At least {@link #PROVEN_BYTES} taken at the fast pace or better. */
    static boolean provenFast(long bytes, long tookNanos) {
        return bytes >= PROVEN_BYTES && fastPace(bytes, tookNanos);
    }

    /** {@link #FAST_BYTES_PER_SECOND} or more. */
    static boolean fastPace(long bytes, long tookNanos) {
        return bytes * 1_000_000_000L >= FAST_BYTES_PER_SECOND * tookNanos;
    }

    /**
     * About {@link #WINDOW_SECONDS} at the pace the client took {@code length} bytes; four times
     * {@code length} when the write was too quick to tell the pace.
     */
    static int windowAfter(int length, long tookNanos, long left) {
        long size = tookNanos < TOO_QUICK_TO_TELL_NANOS
                ? 4L * length
                : length * WINDOW_SECONDS * 1_000_000_000L / tookNanos;
        return (int) Math.min(left, Math.clamp(size, MIN_WINDOW, MAX_WINDOW));
    }

    private Future<byte[]> readAhead(String key, long position, int length) {
        return ahead.submit(() -> read(key, position, length));
    }

    /** Reads {@code length} bytes whole; the storage connection is free again on return. */
    private byte[] read(String key, long position, int length) {
        byte[] window = new byte[length];
        try (InputStream in = store.read(key, position, length)) {
            if (in.readNBytes(window, 0, length) < length) {
                throw new IllegalStateException(key + " ended before " + (position + length));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + key, e);
        }
        return window;
    }

    /** Writes a window; the nanoseconds the client took. A read ahead is dropped if it goes away. */
    private long timedWrite(ServletOutputStream out, byte[] window, Future<byte[]> ahead) {
        long started = System.nanoTime();
        try {
            write(out, window);
        } catch (ClientGoneException e) {
            if (ahead != null) {
                ahead.cancel(true);
            }
            throw e;
        }
        return System.nanoTime() - started;
    }

    private static byte[] await(Future<byte[]> window) {
        try {
            return window.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading ahead", e);
        }
    }

    @PreDestroy
    void stop() {
        ahead.shutdownNow();
    }

    /** The parts of a {@code multipart/byteranges} body, in order. */
    record Part(ByteRange range, byte[] header) {}

    /** Sends a {@code multipart/byteranges} body made of {@code parts} and a closing boundary. */
    void sendParts(String key, List<Part> parts, byte[] closing, ServletOutputStream out) {
        for (Part part : parts) {
            write(out, part.header());
            send(key, part.range(), out, false);
            write(out, CRLF);
        }
        write(out, closing);
    }

    private void write(ServletOutputStream out, ByteBuffer bytes) {
        int length = bytes.remaining();
        try {
            out.write(bytes);
            sent.increment(length);
        } catch (IOException e) {
            throw clientGone(e);
        }
    }

    private void write(ServletOutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
            sent.increment(bytes.length);
        } catch (IOException e) {
            throw clientGone(e);
        }
    }

    private ClientGoneException clientGone(IOException e) {
        aborted.increment();
        LOG.debug("client went away: {}", e.toString());
        return new ClientGoneException(e);
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
