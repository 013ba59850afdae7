import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slow downloads for bench/downloads.sh:
 *   java DownloadLoad.java BASE_URL PATHS_FILE COUNT HOLD_S
 * opens COUNT connections (one GET each, cycling through the paths), each with a 4 KiB receive
 * buffer, reading 1 KiB per second for HOLD_S seconds. Prints SAMPLE once all are open, then
 * HELD (connections still receiving at the end) and errors (refused, reset, bad status, closed
 * early, or a minute without an answer or a byte).
 */
public class DownloadLoad {

  public static void main(String[] args) throws Exception {
    URI base = URI.create(args[0]);
    List<String> paths = Files.readAllLines(Path.of(args[1]));
    int count = Integer.parseInt(args[2]);
    long holdMillis = Long.parseLong(args[3]) * 1000;
    AtomicInteger open = new AtomicInteger();
    AtomicInteger held = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    CountDownLatch opened = new CountDownLatch(count);
    CountDownLatch finished = new CountDownLatch(count);
    long deadline = System.currentTimeMillis() + holdMillis + 120_000;
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < count; i++) {
        String path = paths.get(i % paths.size());
        threads.submit(() -> {
          boolean counted = false;
          try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 30_000);
            // A connection left waiting a minute for its answer, or for a byte, is an error.
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] status = in.readNBytes(12);
            if (!new String(status, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200")) {
              throw new IOException("status " + new String(status, StandardCharsets.US_ASCII));
            }
            open.incrementAndGet();
            opened.countDown();
            counted = true;
            opened.await();
            long end = System.currentTimeMillis() + holdMillis;
            byte[] chunk = new byte[1024];
            while (System.currentTimeMillis() < end) {
              if (in.readNBytes(chunk, 0, chunk.length) < chunk.length) {
                throw new IOException("closed early");
              }
              Thread.sleep(1000);
            }
            held.incrementAndGet();
          } catch (Exception e) {
            errors.incrementAndGet();
            if (errors.get() <= 3) {
              System.err.println("error: " + e);
            }
          } finally {
            if (!counted) {
              opened.countDown();
            }
            finished.countDown();
          }
          return null;
        });
      }
      opened.await();
      System.out.println("SAMPLE open=" + open.get() + " errors=" + errors.get());
      while (finished.getCount() > 0 && System.currentTimeMillis() < deadline) {
        finished.await(1, java.util.concurrent.TimeUnit.SECONDS);
      }
      System.out.println("HELD " + held.get());
      System.out.println("RESULT held=" + held.get() + " errors=" + errors.get());
      System.exit(0);
    }
  }
}
