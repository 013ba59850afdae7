package dev.depot.download.delivery;

import static dev.depot.localinfra.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.contracts.ticket.Ticket;
import dev.depot.contracts.ticket.TicketCodec;
import dev.depot.download.store.ObjectStore;
import dev.depot.download.store.StorageUnavailableException;
import dev.depot.localinfra.ComposeContract;
import dev.depot.localinfra.TestInfra;
import io.micrometer.core.instrument.MeterRegistry;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Signed download links, ranges and validators against a real S3 server. */
@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(DownloadServiceTest.CountedStreams.class)
class DownloadServiceTest {

    /**
     * Counts the storage streams open at any moment and opened in all, around the real S3 store, and
     * plays a store that does not answer for one blob.
     */
    @TestConfiguration
    static class CountedStreams {

        static final AtomicInteger OPEN = new AtomicInteger();
        static final AtomicInteger OPENED = new AtomicInteger();
        static final UUID UNREACHABLE = UUID.randomUUID();

        @Bean
        static BeanPostProcessor countStorageStreams() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof ObjectStore store)) {
                        return bean;
                    }
                    return new ObjectStore() {
                        @Override
                        public InputStream read(String key, long offset, long length) {
                            reachable(key);
                            InputStream in = store.read(key, offset, length);
                            return new FilterInputStream(in) {
                                private final Runnable closing = opened();

                                @Override
                                public void close() throws IOException {
                                    closing.run();
                                    super.close();
                                }
                            };
                        }

                        @Override
                        public ReadableByteChannel stream(String key, long offset, long length) throws IOException {
                            reachable(key);
                            ReadableByteChannel in = store.stream(key, offset, length);
                            Runnable closing = opened();
                            return new ReadableByteChannel() {
                                @Override
                                public int read(ByteBuffer into) throws IOException {
                                    return in.read(into);
                                }

                                @Override
                                public boolean isOpen() {
                                    return in.isOpen();
                                }

                                @Override
                                public void close() throws IOException {
                                    closing.run();
                                    in.close();
                                }
                            };
                        }
                    };
                }
            };
        }

        /** Counts one more stream open; the answer counts it closed, once. */
        private static Runnable opened() {
            OPEN.incrementAndGet();
            OPENED.incrementAndGet();
            AtomicBoolean closed = new AtomicBoolean();
            return () -> {
                if (closed.compareAndSet(false, true)) {
                    OPEN.decrementAndGet();
                }
            };
        }

        private static void reachable(String key) {
            if (key.endsWith(UNREACHABLE.toString())) {
                throw new StorageUnavailableException(
                        "S3 read of " + key + " failed", new IOException("connection refused"));
            }
        }
    }

    private static final int SIZE = 3 * 1024 * 1024 + 17;
    private static final Instant STORED = Instant.parse("2026-11-20T08:30:00Z");
    private static final String STORED_TEXT = "Fri, 20 Nov 2026 08:30:00 GMT";

    @LocalServerPort
    int port;

    @Autowired
    TicketCodec tickets;

    @Autowired
    MinioClient s3;

    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();
    private static final byte[] CONTENT = new byte[SIZE];
    private static final UUID BLOB = UUID.randomUUID();
    private static boolean stored;

    @BeforeEach
    void storeContentOnce() throws Exception {
        if (!stored) {
            new Random(7).nextBytes(CONTENT);
            put("blobs/" + BLOB, CONTENT);
            stored = true;
        }
    }

    private void put(String key, byte[] bytes) throws Exception {
        s3.putObject(PutObjectArgs.builder().bucket(TestInfra.variables().get("DEPOT_S3_BUCKET")).object(key).stream(
                        new ByteArrayInputStream(bytes), (long) bytes.length, null)
                .build());
    }

    private String link(
            Ticket.Operation operation,
            UUID blobId,
            long size,
            String name,
            String type,
            boolean inline,
            Instant expires) {
        return "/dl/"
                + tickets.sign(new Ticket(
                        operation,
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        blobId,
                        UUID.randomUUID(),
                        size,
                        null,
                        expires,
                        new Ticket.Delivery(name, type, inline, STORED)));
    }

    private String link() {
        return link(
                Ticket.Operation.DOWNLOAD,
                BLOB,
                SIZE,
                "data.bin",
                "application/octet-stream",
                false,
                Instant.now().plusSeconds(600));
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        return send(path, HttpResponse.BodyHandlers.ofByteArray(), headers);
    }

    private HttpResponse<String> text(String path, String... headers) throws Exception {
        return send(path, HttpResponse.BodyHandlers.ofString(), headers);
    }

    private <T> HttpResponse<T> send(String path, HttpResponse.BodyHandler<T> body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), body);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @Test
    void sendsTheWholeFileWithValidators() throws Exception {
        HttpResponse<byte[]> response = get(link());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(CONTENT);
        assertThat(header(response, "ETag")).isEqualTo("\"" + BLOB + "\"");
        assertThat(header(response, "Last-Modified")).isEqualTo(STORED_TEXT);
        assertThat(header(response, "Accept-Ranges")).isEqualTo("bytes");
        assertThat(header(response, "Content-Length")).isEqualTo(Integer.toString(SIZE));
        assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(response, "Content-Disposition"))
                .isEqualTo("attachment; filename=\"data.bin\"; filename*=UTF-8''data.bin");
        assertThat(header(response, "Cache-Control")).matches("private, max-age=\\d+, immutable");
    }

    @Test
    void headAnswersTheSameHeadersWithoutABody() throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + link()))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(header(response, "Content-Length")).isEqualTo(Integer.toString(SIZE));
        assertThat(header(response, "ETag")).isEqualTo("\"" + BLOB + "\"");
    }

    @Test
    void sendsSingleRanges() throws Exception {
        HttpResponse<byte[]> first = get(link(), "Range", "bytes=100-199");
        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(header(first, "Content-Range")).isEqualTo("bytes 100-199/" + SIZE);
        assertThat(first.body()).isEqualTo(Arrays.copyOfRange(CONTENT, 100, 200));
        HttpResponse<byte[]> suffix = get(link(), "Range", "bytes=-10");
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(CONTENT, SIZE - 10, SIZE));
        HttpResponse<byte[]> open = get(link(), "Range", "bytes=" + (SIZE - 5) + "-");
        assertThat(header(open, "Content-Range")).isEqualTo("bytes " + (SIZE - 5) + "-" + (SIZE - 1) + "/" + SIZE);
        assertThat(open.body()).isEqualTo(Arrays.copyOfRange(CONTENT, SIZE - 5, SIZE));
    }

    @Test
    void sendsSeveralRangesAsMultipartByteranges() throws Exception {
        HttpResponse<byte[]> response = get(link(), "Range", "bytes=0-9, 1000-1999, -3");
        assertThat(response.statusCode()).isEqualTo(206);
        String type = header(response, "Content-Type");
        assertThat(type).startsWith("multipart/byteranges; boundary=");
        String boundary = type.substring(type.indexOf('=') + 1);
        assertThat(header(response, "Content-Length")).isEqualTo(Integer.toString(response.body().length));
        String body = new String(response.body(), StandardCharsets.ISO_8859_1);
        String[] parts = body.split("--" + boundary);
        assertThat(parts).hasSize(5);
        assertThat(parts[4]).isEqualTo("--\r\n");
        long[][] expected = {{0, 9}, {1000, 1999}, {SIZE - 3, SIZE - 1}};
        for (int i = 0; i < 3; i++) {
            String part = parts[i + 1];
            assertThat(part)
                    .startsWith("\r\nContent-Type: application/octet-stream\r\nContent-Range: "
                            + "bytes "
                            + expected[i][0]
                            + "-"
                            + expected[i][1]
                            + "/"
                            + SIZE
                            + "\r\n\r\n");
            byte[] data = part.substring(part.indexOf("\r\n\r\n") + 4, part.length() - 2)
                    .getBytes(StandardCharsets.ISO_8859_1);
            assertThat(data).isEqualTo(Arrays.copyOfRange(CONTENT, (int) expected[i][0], (int) expected[i][1] + 1));
        }
    }

    @Test
    void anUnsatisfiableRangeIsA416ProblemNamingTheSize() throws Exception {
        HttpResponse<byte[]> response = get(link(), "Range", "bytes=" + SIZE + "-");
        assertThat(response.statusCode()).isEqualTo(416);
        assertThat(header(response, "Content-Range")).isEqualTo("bytes */" + SIZE);
        assertThat(new String(response.body())).contains("\"code\":\"RANGE_NOT_SATISFIABLE\"");
        assertThat(header(response, "Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void answersConditionalRequests() throws Exception {
        String tag = "\"" + BLOB + "\"";
        HttpResponse<byte[]> cached = get(link(), "If-None-Match", tag);
        assertThat(cached.statusCode()).isEqualTo(304);
        assertThat(cached.body()).isEmpty();
        assertThat(header(cached, "ETag")).isEqualTo(tag);
        assertThat(get(link(), "If-Modified-Since", STORED_TEXT).statusCode()).isEqualTo(304);
        assertThat(get(link(), "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        assertProblem(text(link(), "If-Match", "\"other\""), 412, "PRECONDITION_FAILED");
    }

    @Test
    void ifRangeSendsTheWholeFileWhenTheValidatorIsStale() throws Exception {
        HttpResponse<byte[]> stale = get(link(), "Range", "bytes=0-9", "If-Range", "\"other\"");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).hasSize(SIZE);
        HttpResponse<byte[]> fresh = get(link(), "Range", "bytes=0-9", "If-Range", "\"" + BLOB + "\"");
        assertThat(fresh.statusCode()).isEqualTo(206);
        assertThat(get(link(), "Range", "bytes=0-9", "If-Range", STORED_TEXT).statusCode())
                .isEqualTo(206);
    }

    @Test
    void namesUnicodeFilesAndNeverShowsActiveContentInline() throws Exception {
        UUID page = UUID.randomUUID();
        byte[] html = "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        put("blobs/" + page, html);
        HttpResponse<byte[]> response = get(link(
                Ticket.Operation.DOWNLOAD,
                page,
                html.length,
                "página ✓.html",
                "text/html",
                true,
                Instant.now().plusSeconds(60)));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Disposition"))
                .isEqualTo("attachment; filename=\"p_gina _.html\"; filename*=UTF-8''p%C3%A1gina%20%E2%9C%93.html");
        assertThat(header(response, "Content-Security-Policy")).startsWith("sandbox");
        assertThat(header(response, "Content-Type")).startsWith("text/html");
    }

    @Test
    void servesPreparedArchives() throws Exception {
        UUID archive = UUID.randomUUID();
        byte[] zip = "PK fake archive".getBytes(StandardCharsets.US_ASCII);
        put("archives/" + archive + ".zip", zip);
        HttpResponse<byte[]> response = get(
                link(
                        Ticket.Operation.ARCHIVE,
                        archive,
                        zip.length,
                        "photos.zip",
                        "application/zip",
                        false,
                        Instant.now().plusSeconds(60)),
                "Range",
                "bytes=3-");
        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(zip, 3, zip.length));
    }

    @Test
    void tellsTheEdgeWhatAValidTicketMaySee() throws Exception {
        HttpResponse<byte[]> verdict = get(link().replace("/dl/", "/edge/verify/"));
        assertThat(verdict.statusCode()).isEqualTo(200);
        assertThat(header(verdict, "X-Depot-Object")).isEqualTo("blobs/" + BLOB);
        assertThat(header(verdict, "X-Depot-Disposition")).startsWith("attachment;");
        assertThat(Integer.parseInt(header(verdict, "X-Accel-Expires"))).isBetween(1, 10);
        String expired = link(
                        Ticket.Operation.DOWNLOAD,
                        BLOB,
                        SIZE,
                        "a",
                        "text/plain",
                        false,
                        Instant.now().minusSeconds(1))
                .replace("/dl/", "/edge/verify/");
        assertProblem(text(expired), 403, "TICKET_EXPIRED");
    }

    @Test
    void aMissingObjectIsA404Problem() throws Exception {
        assertProblem(
                text(link(
                        Ticket.Operation.DOWNLOAD,
                        UUID.randomUUID(),
                        10,
                        "a",
                        "text/plain",
                        false,
                        Instant.now().plusSeconds(60))),
                404,
                "OBJECT_NOT_FOUND");
    }

    @Test
    void aStoreThatDoesNotAnswerIsA503ProblemToRetry() throws Exception {
        HttpResponse<String> response = text(link(
                Ticket.Operation.DOWNLOAD,
                CountedStreams.UNREACHABLE,
                10,
                "a",
                "text/plain",
                false,
                Instant.now().plusSeconds(60)));
        assertProblem(response, 503, "BACKEND_UNAVAILABLE");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .as("the file's headers are gone")
                .doesNotContain("attachment");
    }

    @Test
    void forgedExpiredAndWrongOperationTicketsAreRefused() throws Exception {
        TicketCodec foreign = new TicketCodec("a-secret-that-depot-never-uses-12345", Clock.systemUTC());
        Ticket valid = new Ticket(
                Ticket.Operation.DOWNLOAD,
                UUID.randomUUID(),
                UUID.randomUUID(),
                BLOB,
                UUID.randomUUID(),
                SIZE,
                null,
                Instant.now().plusSeconds(60),
                null);
        assertProblem(text("/dl/" + foreign.sign(valid)), 403, "TICKET_INVALID");
        assertProblem(
                text(link(
                        Ticket.Operation.DOWNLOAD,
                        BLOB,
                        SIZE,
                        "a",
                        "text/plain",
                        false,
                        Instant.now().minusSeconds(1))),
                403,
                "TICKET_EXPIRED");
        assertProblem(
                text(link(
                        Ticket.Operation.UPLOAD,
                        BLOB,
                        SIZE,
                        "a",
                        "text/plain",
                        false,
                        Instant.now().plusSeconds(60))),
                403,
                "TICKET_INVALID");
        assertProblem(text("/dl/garbage"), 403, "TICKET_INVALID");
    }

    @Test
    void pathTricksFindNothing() throws Exception {
        String ticket = link().substring("/dl/".length());
        assertThat(get("/dl/" + ticket + "/..").statusCode()).isIn(400, 403, 404);
        assertThat(get("/dl/../actuator/env").statusCode()).isIn(400, 404);
        assertThat(get("/dl/" + ticket + "%2F..%2Fx").statusCode()).isIn(400, 403);
        assertThat(get("/dl/" + ticket + "/extra").statusCode()).isEqualTo(404);
    }

    @Test
    void aClientThatGoesAwayIsLetGo() throws Exception {
        UUID large = UUID.randomUUID();
        int size = 64 * 1024 * 1024;
        put("blobs/" + large, new byte[size]);
        String path = link(
                Ticket.Operation.DOWNLOAD,
                large,
                size,
                "big",
                "application/octet-stream",
                false,
                Instant.now().plusSeconds(60));
        double before = meters.counter("depot.download.aborted").count();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(in.readNBytes(1024)).hasSize(1024);
            socket.setSoLinger(true, 0);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (meters.counter("depot.download.aborted").count() == before
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(meters.counter("depot.download.aborted").count()).isEqualTo(before + 1);
        assertThat(get(link(), "Range", "bytes=0-0").statusCode()).isEqualTo(206);
    }

    @Test
    void aSlowClientHoldsNoStorageConnectionAndStillGetsEveryByte() throws Exception {
        UUID slow = UUID.randomUUID();
        byte[] data = Arrays.copyOf(CONTENT, 600 * 1024);
        put("blobs/" + slow, data);
        String path = link(
                Ticket.Operation.DOWNLOAD,
                slow,
                data.length,
                "slow.bin",
                "application/octet-stream",
                false,
                Instant.now().plusSeconds(60));
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.getOutputStream()
                    .write(("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + "Connection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(1500);
            assertThat(CountedStreams.OPEN.get())
                    .as("storage streams open while the client waits")
                    .isZero();
            byte[] response = socket.getInputStream().readAllBytes();
            String text = new String(response, StandardCharsets.ISO_8859_1);
            int body = text.indexOf("\r\n\r\n") + 4;
            assertThat(text).startsWith("HTTP/1.1 200");
            assertThat(Arrays.copyOfRange(response, body, response.length)).isEqualTo(data);
        }
        assertThat(CountedStreams.OPEN.get()).isZero();
    }

    @Test
    void aFastClientGetsABigFileFromOneStorageStreamAfterAFewWindowsAndAtOnceNextTime() throws Exception {
        UUID big = UUID.randomUUID();
        byte[] data = new byte[40 * 1024 * 1024];
        new Random(7).nextBytes(data);
        put("blobs/" + big, data);
        String path = link(
                Ticket.Operation.DOWNLOAD,
                big,
                data.length,
                "big.bin",
                "application/octet-stream",
                false,
                Instant.now().plusSeconds(60));
        double streamed = meters.counter("depot.download.streamed").count();
        int opened = CountedStreams.OPENED.get();
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(data);
        assertThat(meters.counter("depot.download.streamed").count()).isGreaterThan(streamed);
        // windows alone would ask storage 23 times: 16 KiB growing fourfold to 2 MiB, then 2 MiB
        assertThat(CountedStreams.OPENED.get() - opened).isLessThan(23);
        assertThat(CountedStreams.OPEN.get()).isZero();
        // the next range on the same kept-alive connection streams from its first byte
        opened = CountedStreams.OPENED.get();
        HttpResponse<byte[]> next = get(path, "Range", "bytes=1048576-17825791");
        assertThat(next.statusCode()).isEqualTo(206);
        assertThat(next.body()).isEqualTo(Arrays.copyOfRange(data, 1048576, 17825792));
        assertThat(CountedStreams.OPENED.get() - opened).isEqualTo(1);
    }

    @Test
    void composeAndConfigurationAgree() {
        assertThat(ComposeContract.check(
                        ComposeContract.composeFile(),
                        "download-service",
                        getClass().getClassLoader()))
                .isEmpty();
    }
}
