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
 * Copies stored bytes to a client in windows, each read whole from storage before it is written.
 * A storage connection is a descriptor, and a client holding one for as long as it takes to read
 * would need two per download: 10,000 slow clients, 20,000. Here a client holds its own connection
 * and one window, never one to storage. Windows follow the client's pace: about two seconds of
 * what it took last, from 16 KiB up to 2 MiB, so a fast client costs one storage request per
 * 2 MiB and a slow one a small buffer. Writing blocks until the client takes the bytes, so a slow
 * client slows the reading (backpressure); a client that goes away ends the transfer at once.
 */
@Component
class ByteSender {

  private static final Logger LOG = LoggerFactory.getLogger(ByteSender.class);
  /** The first window, before the client's pace is known. */
  private static final int FIRST_WINDOW = 32 * 1024;
  private static final int MIN_WINDOW = 16 * 1024;
  private static final int MAX_WINDOW = 2 * 1024 * 1024;
  /** A window is about this long at the client's pace. */
  private static final long WINDOW_SECONDS = 2;
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
    while (position < end) {
      long pace = Math.max(1, window * 1_000_000_000L / Math.max(1, took));
      window = (int) Math.min(end - position,
          Math.clamp(pace * WINDOW_SECONDS, MIN_WINDOW, MAX_WINDOW));
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
