package dev.depot.download.delivery;

import dev.depot.download.http.ByteRange;
import dev.depot.download.store.ObjectStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Copies stored bytes to a client. Reading blocks until the client takes what was sent, so a slow
 * client slows the read from storage (backpressure) and a client that goes away closes the
 * storage stream at once.
 *
 * <p>A storage connection is a descriptor, and a slow client would hold one for as long as it
 * takes to read: 10,000 slow clients would need 20,000. So the first bytes are read whole into a
 * small buffer before they are written: a client that takes them at once gets the rest streamed
 * straight from storage; a client that does not is sent windows sized to its pace, each read
 * whole before it is written, so that it holds its own connection and a buffer, never one to
 * storage.
 */
@Component
class ByteSender {

  private static final Logger LOG = LoggerFactory.getLogger(ByteSender.class);
  private static final int BUFFER = 32 * 1024;
  /** Read whole before it is written, to see how fast the client takes bytes. */
  private static final int FIRST_WINDOW = 32 * 1024;
  /** A client that took the first window in less than this gets the rest streamed. */
  private static final long FAST_NANOS = 20_000_000;
  private static final int MIN_WINDOW = 16 * 1024;
  private static final int MAX_WINDOW = 1024 * 1024;
  /** A slow client's window: about this long at its pace. */
  private static final long WINDOW_NANOS = 2_000_000_000L;
  private static final byte[] CRLF = {'\r', '\n'};

  /** A client that went away mid-body; not an error of ours. */
  static final class ClientGoneException extends RuntimeException {
    ClientGoneException(IOException cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }

  private final ObjectStore store;
  private final Counter sent;
  private final Counter aborted;

  ByteSender(ObjectStore store, MeterRegistry meters) {
    this.store = store;
    this.sent = Counter.builder("depot.download.bytes").description("Bytes sent to clients")
        .baseUnit("bytes").register(meters);
    this.aborted = Counter.builder("depot.download.aborted")
        .description("Downloads the client broke off").register(meters);
  }

  /** Sends one range of the object. */
  void send(String key, ByteRange range, OutputStream out) {
    long position = range.first();
    long end = range.last() + 1;
    int window = (int) Math.min(FIRST_WINDOW, end - position);
    long took = sendWindow(key, position, window, out);
    position += window;
    if (position < end && took < FAST_NANOS) {
      stream(key, position, end - position, out);
      return;
    }
    while (position < end) {
      long pace = Math.max(1, window * 1_000_000_000L / Math.max(1, took));
      window = (int) Math.min(end - position,
          Math.clamp(pace * WINDOW_NANOS / 1_000_000_000L, MIN_WINDOW, MAX_WINDOW));
      took = sendWindow(key, position, window, out);
      position += window;
    }
  }

  /** Reads {@code length} bytes whole, releases storage, then writes them; the write's nanos. */
  private long sendWindow(String key, long position, int length, OutputStream out) {
    byte[] window = new byte[length];
    try (InputStream in = store.read(key, position, length)) {
      if (in.readNBytes(window, 0, length) < length) {
        throw new IllegalStateException(key + " ended before " + (position + length));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + key, e);
    }
    long started = System.nanoTime();
    write(out, window, length);
    return System.nanoTime() - started;
  }

  private void stream(String key, long position, long length, OutputStream out) {
    try (InputStream in = store.read(key, position, length)) {
      copy(in, length, key, out);
    } catch (IOException e) {
      throw new UncheckedIOException("closing " + key, e);
    }
  }

  /** The parts of a {@code multipart/byteranges} body, in order. */
  record Part(ByteRange range, byte[] header) {}

  /** Sends a {@code multipart/byteranges} body made of {@code parts} and a closing boundary. */
  void sendParts(String key, List<Part> parts, byte[] closing, OutputStream out) {
    for (Part part : parts) {
      write(out, part.header());
      send(key, part.range(), out);
      write(out, CRLF);
    }
    write(out, closing);
  }

  private void copy(InputStream in, long length, String key, OutputStream out) throws IOException {
    byte[] buffer = new byte[(int) Math.min(BUFFER, Math.max(1, length))];
    long left = length;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IllegalStateException(key + " ended " + left + " bytes early");
      }
      write(out, buffer, n);
      left -= n;
    }
  }

  private void write(OutputStream out, byte[] bytes) {
    write(out, bytes, bytes.length);
  }

  private void write(OutputStream out, byte[] bytes, int length) {
    try {
      out.write(bytes, 0, length);
      sent.increment(length);
    } catch (IOException e) {
      aborted.increment();
      LOG.debug("client went away: {}", e.toString());
      throw new ClientGoneException(e);
    }
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
