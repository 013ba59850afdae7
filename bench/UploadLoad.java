import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Upload load for bench/uploads.sh. Starts uploads through the API (POST /api/files), then sends
 * their bytes with tus to the URL the API hands out.
 *
 *   java UploadLoad.java many API TOKEN COUNT SIZE    concurrent creation-with-upload requests
 *   java UploadLoad.java slow API TOKEN COUNT HOLD_S  that many PATCHes trickling bytes, held open
 *
 * Prints one RESULT line: errors, seconds, requests per second, latency percentiles.
 */
public class UploadLoad {

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).executor(Executors.newVirtualThreadPerTaskExecutor())
      .build();
  private static final Pattern URL = Pattern.compile("\"uploadUrl\":\"([^\"]+)\"");
  private static final Pattern TICKET = Pattern.compile("\"ticket\":\"([^\"]+)\"");

  record Start(URI uploadUrl, String ticket) {}

  public static void main(String[] args) throws Exception {
    String api = args[1];
    String token = args[2];
    int count = Integer.parseInt(args[3]);
    long size = args[0].equals("many") ? Long.parseLong(args[4]) : 64;
    List<Start> starts = start(api, token, count, size);
    if (args[0].equals("many")) {
      many(starts, size);
    } else {
      slow(starts, size, Integer.parseInt(args[4]));
    }
    System.exit(0);
  }

  /** Upload starts, 32 at a time (not timed). */
  static List<Start> start(String api, String token, int count, long size) throws Exception {
    List<Start> starts = new ArrayList<>();
    Semaphore permits = new Semaphore(32);
    ConcurrentLinkedQueue<Start> done = new ConcurrentLinkedQueue<>();
    AtomicInteger failed = new AtomicInteger();
    String run = Long.toString(System.nanoTime(), 36);
    CountDownLatch all = new CountDownLatch(count);
    for (int i = 0; i < count; i++) {
      permits.acquire();
      String body = "{\"name\":\"load-" + run + "-" + i + ".bin\",\"size\":" + size
          + ",\"mimeType\":\"application/octet-stream\"}";
      HTTP.sendAsync(HttpRequest.newBuilder(URI.create(api + "/api/files"))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString())
          .whenComplete((r, e) -> {
            if (e == null && r.statusCode() == 201) {
              Matcher url = URL.matcher(r.body());
              Matcher ticket = TICKET.matcher(r.body());
              url.find();
              ticket.find();
              done.add(new Start(URI.create(url.group(1)), ticket.group(1)));
            } else {
              failed.incrementAndGet();
              System.err.println("start failed: " + (e != null ? e : r.statusCode() + r.body()));
            }
            permits.release();
            all.countDown();
          });
    }
    all.await();
    if (failed.get() > 0) {
      throw new IllegalStateException(failed.get() + " upload starts failed");
    }
    starts.addAll(done);
    return starts;
  }

  /** All uploads at once, each one creation-with-upload request. */
  static void many(List<Start> starts, long size) throws Exception {
    byte[] data = new byte[(int) size];
    new Random(1).nextBytes(data);
    long[] latencies = new long[starts.size()];
    AtomicInteger errors = new AtomicInteger();
    CountDownLatch all = new CountDownLatch(starts.size());
    long begin = System.nanoTime();
    for (int i = 0; i < starts.size(); i++) {
      Start s = starts.get(i);
      int index = i;
      long sent = System.nanoTime();
      HTTP.sendAsync(HttpRequest.newBuilder(s.uploadUrl())
              .header("Tus-Resumable", "1.0.0").header("Upload-Length", Long.toString(size))
              .header("Upload-Metadata", "ticket " + base64(s.ticket()))
              .header("Content-Type", "application/offset+octet-stream")
              .POST(HttpRequest.BodyPublishers.ofByteArray(data)).build(),
          HttpResponse.BodyHandlers.discarding())
          .whenComplete((r, e) -> {
            if (e != null || r.statusCode() != 201
                || !r.headers().firstValue("Upload-Offset").orElse("").equals(Long.toString(size))) {
              errors.incrementAndGet();
              System.err.println("upload failed: " + (e != null ? e : r.statusCode()));
            }
            latencies[index] = System.nanoTime() - sent;
            all.countDown();
          });
    }
    all.await();
    double seconds = (System.nanoTime() - begin) / 1e9;
    java.util.Arrays.sort(latencies);
    System.out.printf("RESULT uploads=%d errors=%d seconds=%.2f rps=%.1f mbps=%.1f p50=%.1f p99=%.1f%n",
        starts.size(), errors.get(), seconds, starts.size() / seconds,
        starts.size() * size / seconds / 1e6, latencies[latencies.length / 2] / 1e6,
        latencies[(int) (latencies.length * 0.99)] / 1e6);
  }

  /**
   * Creates every upload, then opens one PATCH per upload announcing {@code size} bytes and
   * sends one byte every few seconds for {@code holdSeconds}; then the rest, and counts 204s.
   */
  static void slow(List<Start> starts, long size, int holdSeconds) throws Exception {
    List<URI> locations = new ArrayList<>();
    Semaphore permits = new Semaphore(64);
    ConcurrentLinkedQueue<URI> created = new ConcurrentLinkedQueue<>();
    CountDownLatch creations = new CountDownLatch(starts.size());
    for (Start s : starts) {
      permits.acquire();
      HTTP.sendAsync(HttpRequest.newBuilder(s.uploadUrl())
              .header("Tus-Resumable", "1.0.0").header("Upload-Length", Long.toString(size))
              .header("Upload-Metadata", "ticket " + base64(s.ticket()))
              .POST(HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.discarding())
          .whenComplete((r, e) -> {
            if (e == null && r.statusCode() == 201) {
              created.add(s.uploadUrl().resolve(r.headers().firstValue("Location").orElseThrow()));
            }
            permits.release();
            creations.countDown();
          });
    }
    creations.await();
    locations.addAll(created);
    AtomicInteger errors = new AtomicInteger(starts.size() - locations.size());
    AtomicInteger open = new AtomicInteger();
    AtomicInteger completed = new AtomicInteger();
    CountDownLatch finished = new CountDownLatch(locations.size());
    long holdUntil = System.nanoTime() + holdSeconds * 1_000_000_000L;
    ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    for (URI location : locations) {
      threads.submit(() -> {
        try (Socket socket = new Socket(location.getHost(), location.getPort())) {
          OutputStream out = socket.getOutputStream();
          out.write(("PATCH " + location.getPath() + " HTTP/1.1\r\nHost: " + location.getHost()
              + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\nContent-Type: "
              + "application/offset+octet-stream\r\nContent-Length: " + size + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          open.incrementAndGet();
          int sent = 0;
          while (System.nanoTime() < holdUntil && sent < size - 1) {
            Thread.sleep(5000 + (long) (Math.random() * 1000));
            out.write('x');
            out.flush();
            sent++;
          }
          out.write(new byte[(int) size - sent]);
          out.flush();
          InputStream in = socket.getInputStream();
          byte[] status = in.readNBytes(12);
          if (new String(status, StandardCharsets.US_ASCII).endsWith("204")) {
            completed.incrementAndGet();
          } else {
            errors.incrementAndGet();
          }
        } catch (Exception e) {
          errors.incrementAndGet();
        } finally {
          finished.countDown();
        }
        return null;
      });
    }
    Thread.sleep(holdSeconds * 1000L / 2);
    System.out.println("HELD open=" + open.get());
    System.out.flush();
    Thread.sleep(holdSeconds * 1000L / 4);
    System.out.println("SAMPLE");
    System.out.flush();
    finished.await();
    System.out.printf("RESULT uploads=%d held=%d completed=%d errors=%d%n", starts.size(),
        open.get(), completed.get(), errors.get());
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }
}
