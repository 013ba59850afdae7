package dev.depot.download.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.depot.localinfra.TestInfra;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ranged reads over a plain channel: from the real S3 server, and from a server that answers
 * wrongly in every way the channel must refuse rather than hand on as bytes.
 */
@ExtendWith(TestInfra.class)
class RangeChannelTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static MinioClient s3(Map<String, String> v) {
        return MinioClient.builder()
                .endpoint(v.get("DEPOT_S3_ENDPOINT"))
                .credentials(v.get("DEPOT_S3_ACCESS_KEY"), v.get("DEPOT_S3_SECRET_KEY"))
                .region(v.getOrDefault("DEPOT_S3_REGION", "us-east-1"))
                .build();
    }

    private static URI presigned(MinioClient s3, String bucket, String key) throws Exception {
        return URI.create(s3.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                .method(Http.Method.GET)
                .bucket(bucket)
                .object(key)
                .expiry(60)
                .build()));
    }

    /** Reads the channel to its end into a direct buffer of {@code chunk} bytes. */
    private static byte[] readAll(RangeChannel channel, int chunk) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(chunk);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (channel.read(buffer.clear()) >= 0) {
            byte[] bytes = new byte[buffer.flip().remaining()];
            buffer.get(bytes);
            out.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void readsExactlyTheRangeAskedFromTheStore() throws Exception {
        Map<String, String> v = TestInfra.variables();
        MinioClient s3 = s3(v);
        String bucket = v.get("DEPOT_S3_BUCKET");
        String key = "blobs/" + UUID.randomUUID();
        byte[] data = new byte[3 * 1024 * 1024 + 5];
        new Random(11).nextBytes(data);
        s3.putObject(PutObjectArgs.builder().bucket(bucket).object(key).stream(
                        new ByteArrayInputStream(data), (long) data.length, null)
                .build());

        try (RangeChannel channel = RangeChannel.open(presigned(s3, bucket, key), 1000, 2 * 1024 * 1024, TIMEOUT)) {
            assertThat(readAll(channel, 64 * 1024)).isEqualTo(Arrays.copyOfRange(data, 1000, 1000 + 2 * 1024 * 1024));
            assertThat(channel.read(ByteBuffer.allocate(10)))
                    .as("nothing past the range")
                    .isEqualTo(-1);
        }
        try (RangeChannel channel = RangeChannel.open(presigned(s3, bucket, key), 0, data.length, TIMEOUT)) {
            assertThat(readAll(channel, 1024 * 1024)).isEqualTo(data);
        }
    }

    @Test
    void aMissingObjectSaysSo() throws Exception {
        Map<String, String> v = TestInfra.variables();
        MinioClient s3 = s3(v);
        URI url = presigned(s3, v.get("DEPOT_S3_BUCKET"), "blobs/" + UUID.randomUUID());
        assertThatThrownBy(() -> RangeChannel.open(url, 0, 10, TIMEOUT)).isInstanceOf(ObjectMissingException.class);
    }

    @Test
    void aStoreThatIsNotThereFailsToOpen() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/depot/x?X-Amz-Signature=0");
        assertThatThrownBy(() -> RangeChannel.open(url, 0, 10, TIMEOUT)).isInstanceOf(IOException.class);
    }

    @Test
    void answersThatAreNotTheRangeAreRefused() throws Exception {
        String body = "0123456789";
        for (String answer : new String[] {
            "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.1 206 Partial Content\r\nContent-Length: 9\r\n\r\n" + body,
            "HTTP/1.1 206 Partial Content\r\nContent-Length: ten\r\n\r\n" + body,
            "HTTP/1.1 206 Partial Content\r\nTransfer-Encoding: chunked\r\n\r\na\r\n" + body,
            "HTTP/1.1 206 Partial Content\r\n\r\n" + body,
            "SSH-2.0-OpenSSH_9.2\r\n\r\n",
            "HTTP/1.1 206 Partial Content\r\nContent-Length: 10\r\n"
        }) {
            try (FakeStore store = new FakeStore(answer, Duration.ZERO)) {
                assertThatThrownBy(() -> readAll(RangeChannel.open(store.url(), 0, 10, TIMEOUT), 4))
                        .as(answer)
                        .isInstanceOf(IOException.class);
            }
        }
    }

    @Test
    void bodyBytesThatCameWithTheHeadAreReadFirst() throws Exception {
        try (FakeStore store = new FakeStore(
                        "HTTP/1.1 206 Partial Content\r\nContent-Length: 10\r\n\r\n0123456789", Duration.ZERO);
                RangeChannel channel = RangeChannel.open(store.url(), 5, 10, TIMEOUT)) {
            assertThat(new String(readAll(channel, 3), StandardCharsets.US_ASCII))
                    .isEqualTo("0123456789");
            assertThat(store.request())
                    .startsWith("GET /depot/x?X-Amz-Signature=0 HTTP/1.1\r\n")
                    .contains("\r\nRange: bytes=5-14\r\n")
                    .contains("\r\nHost: 127.0.0.1:" + store.port() + "\r\n");
        }
    }

    @Test
    void aBodyThatEndsEarlyIsAnError() throws Exception {
        try (FakeStore store =
                new FakeStore("HTTP/1.1 206 Partial Content\r\nContent-Length: 10\r\n\r\n01234", Duration.ZERO)) {
            assertThatThrownBy(() -> readAll(RangeChannel.open(store.url(), 0, 10, TIMEOUT), 4))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("5 bytes early");
        }
    }

    @Test
    void aStoreThatStallsMidBodyIsCutOffAfterTheTimeout() throws Exception {
        try (FakeStore store = new FakeStore(
                        "HTTP/1.1 206 Partial Content\r\nContent-Length: 10\r\n\r\n01234", Duration.ofMinutes(1));
                RangeChannel channel = RangeChannel.open(store.url(), 0, 10, Duration.ofMillis(400))) {
            Instant started = Instant.now();
            assertThatThrownBy(() -> readAll(channel, 4)).isInstanceOf(IOException.class);
            assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(5));
        }
    }

    /** Answers one connection with a scripted answer, then holds it open for a while. */
    private static final class FakeStore implements AutoCloseable {

        private final ServerSocket server;
        private final Thread thread;
        private volatile String request = "";

        FakeStore(String answer, Duration hold) throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            thread = Thread.ofVirtual().start(() -> {
                try (Socket socket = server.accept()) {
                    request = readHead(socket.getInputStream());
                    socket.getOutputStream().write(answer.getBytes(StandardCharsets.ISO_8859_1));
                    socket.getOutputStream().flush();
                    Thread.sleep(hold);
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
        }

        private static String readHead(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
            return head.toString();
        }

        int port() {
            return server.getLocalPort();
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + port() + "/depot/x?X-Amz-Signature=0");
        }

        String request() throws InterruptedException {
            thread.join(Duration.ofMillis(200));
            return request;
        }

        @Override
        public void close() throws IOException {
            thread.interrupt();
            server.close();
        }
    }
}
