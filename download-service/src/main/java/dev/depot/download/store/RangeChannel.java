package dev.depot.download.store;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One ranged GET of a presigned object URL over a plain socket channel: the body is read straight
 * into the caller's buffers, a direct buffer lands in no Java array, and each read takes as much as
 * the socket holds. (The S3 client reads 8 KiB at a time into its own buffers and copies them out
 * again; at a gigabyte a second that is most of a core.) The connection is closed with the channel,
 * never pooled.
 *
 * <p>A socket channel has no read timeout: a store that stops answering mid-body would hold the
 * reader for ever. A watchdog closes the channel once a read has waited longer than the timeout,
 * and the reader gets an {@link IOException}. Time spent between reads (the caller writing to its
 * client) does not count.
 */
final class RangeChannel implements ReadableByteChannel {

    private static final int MAX_HEAD = 16 * 1024;
    private static final byte[] END_OF_HEAD = {'\r', '\n', '\r', '\n'};
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("store-read-watchdog").daemon().factory());

    private final SocketChannel socket;
    private final ScheduledFuture<?> watch;

    /** The head, then the body bytes that arrived with it. */
    private ByteBuffer early = ByteBuffer.allocate(MAX_HEAD);

    private long remaining;

    /** When the read in progress started; 0 between reads. */
    private volatile long readingSince;

    private RangeChannel(SocketChannel socket, Duration timeout) {
        this.socket = socket;
        long limit = timeout.toNanos();
        this.watch = WATCHDOG.scheduleWithFixedDelay(
                () -> {
                    long since = readingSince;
                    if (since != 0 && System.nanoTime() - since > limit) {
                        closeQuietly(socket);
                    }
                },
                limit,
                limit / 4,
                TimeUnit.NANOSECONDS);
    }

    /**
     * Asks for {@code length} bytes from {@code offset} of the object {@code presigned} names and
     * reads the answer's head.
     *
     * @throws ObjectMissingException if the store has no such object
     * @throws IOException if the store cannot be reached or answers anything but those bytes
     */
    static RangeChannel open(URI presigned, long offset, long length, Duration timeout) throws IOException {
        SocketChannel socket = SocketChannel.open();
        try {
            socket.socket()
                    .connect(new InetSocketAddress(presigned.getHost(), port(presigned)), (int) timeout.toMillis());
            socket.write(ByteBuffer.wrap(("GET "
                            + presigned.getRawPath()
                            + "?"
                            + presigned.getRawQuery()
                            + " HTTP/1.1\r\nHost: "
                            + presigned.getRawAuthority()
                            + "\r\nRange: bytes="
                            + offset
                            + "-"
                            + (offset + length - 1)
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            closeQuietly(socket);
            throw e;
        }
        RangeChannel channel = new RangeChannel(socket, timeout);
        try {
            channel.readHead(length);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Reads the head of the answer and checks that it brings the {@code length} bytes asked. */
    private void readHead(long length) throws IOException {
        int end;
        while ((end = endOfHead(early)) < 0) {
            if (!early.hasRemaining() || timedRead(early) < 0) {
                throw new IOException("the store's answer has no complete head");
            }
        }
        String[] lines = new String(early.array(), 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = status(lines[0]);
        if (status == 404) {
            throw new ObjectMissingException(lines[0]);
        }
        if (status != 206 && status != 200) {
            throw new IOException("the store answered " + lines[0]);
        }
        long contentLength = -1;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                contentLength = contentLength(line);
            } else if (lower.startsWith("transfer-encoding:")) {
                throw new IOException("the store sent a " + line.trim() + " body");
            }
        }
        if (contentLength != length) {
            throw new IOException("the store sent " + contentLength + " bytes for " + length);
        }
        early = early.flip().position(end + END_OF_HEAD.length).slice();
        remaining = length;
    }

    /** Where the blank line after the head starts, or -1 while it has not arrived. */
    private static int endOfHead(ByteBuffer head) {
        byte[] bytes = head.array();
        for (int i = 0; i + END_OF_HEAD.length <= head.position(); i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static int status(String statusLine) throws IOException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("the store answered " + statusLine);
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("the store answered " + statusLine, e);
        }
    }

    private static long contentLength(String header) throws IOException {
        try {
            return Long.parseLong(header.substring("content-length:".length()).trim());
        } catch (NumberFormatException e) {
            throw new IOException("the store sent " + header, e);
        }
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : 80;
    }

    @Override
    public int read(ByteBuffer into) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int limit = into.limit();
        into.limit(into.position() + (int) Math.min(into.remaining(), remaining));
        try {
            int read;
            if (early.hasRemaining()) {
                read = Math.min(early.remaining(), into.remaining());
                into.put(into.position(), early, early.position(), read);
                into.position(into.position() + read);
                early.position(early.position() + read);
            } else {
                read = timedRead(into);
                if (read < 0) {
                    throw new IOException("the store's answer ended " + remaining + " bytes early");
                }
            }
            remaining -= read;
            return read;
        } finally {
            into.limit(limit);
        }
    }

    private int timedRead(ByteBuffer into) throws IOException {
        readingSince = System.nanoTime();
        try {
            return socket.read(into);
        } finally {
            readingSince = 0;
        }
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public void close() {
        watch.cancel(false);
        closeQuietly(socket);
    }

    private static void closeQuietly(SocketChannel socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket that is already broken
        }
    }
}
