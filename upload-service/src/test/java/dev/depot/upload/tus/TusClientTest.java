package dev.depot.upload.tus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.contracts.ticket.Ticket;
import dev.depot.contracts.uploads.v1.UploadCompleted;
import dev.depot.localinfra.EventProbe;
import dev.depot.localinfra.TestInfra;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** Uploads with tus-java-client, a tus client written elsewhere. */
@ExtendWith(TestInfra.class)
@Import(UploadFixtures.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TusClientTest {

    private static final int MIB = 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    UploadFixtures fixtures;

    @Test
    void fiftyMebibytesInFiveMebibyteRequestsAreStoredWhole() throws Exception {
        byte[] data = UploadFixtures.randomBytes(50 * MIB, 1);
        Ticket ticket = UploadFixtures.ticket(data.length, Duration.ofHours(1));
        TusUploader uploader = client(new TusURLMemoryStore()).createUpload(upload(data, ticket));
        uploader.setRequestPayloadSize(5 * MIB);
        uploader.setChunkSize(64 * 1024);
        while (uploader.uploadChunk() > -1) {
            assertThat(uploader.getOffset()).isLessThanOrEqualTo(data.length);
        }
        uploader.finish();

        assertThat(fixtures.storedSha256(ticket.blobId())).isEqualTo(UploadFixtures.sha256(data));
        EventProbe.Event completed = EventProbe.await(
                UploadCompleted.TOPIC,
                e -> e.value().contains(ticket.versionId().toString()),
                Duration.ofSeconds(20));
        assertThat(completed.key()).isEqualTo(ticket.fileId().toString());
        assertThat(completed.value())
                .contains("\"size\":" + data.length)
                .contains("\"sha256\":\"" + UploadFixtures.sha256(data) + "\"");
    }

    @Test
    void anUploadCutAfterAnArbitraryByteIsResumedByANewClient() throws Exception {
        byte[] data = UploadFixtures.randomBytes(23 * MIB + 12_345, 2);
        Ticket ticket = UploadFixtures.ticket(data.length, Duration.ofHours(1));
        TusURLMemoryStore urls = new TusURLMemoryStore();
        TusUploader first = client(urls).createUpload(upload(data, ticket));
        first.setRequestPayloadSize(3 * MIB);
        first.setChunkSize(3 * MIB);
        first.uploadChunk();
        first.uploadChunk();
        URL location = first.getUploadURL();
        long offset = first.getOffset();
        assertThat(offset).isEqualTo(6 * MIB);
        int sent = 7 * MIB + 777;
        cutRequest(location, offset, data, sent);

        TusUploader second = client(urls).resumeUpload(upload(data, ticket));
        assertThat(second.getOffset()).isEqualTo(offset + sent);
        second.setRequestPayloadSize(10 * MIB);
        while (second.uploadChunk() > -1) {
            // sends the rest
        }
        second.finish();

        assertThat(fixtures.storedSha256(ticket.blobId())).isEqualTo(UploadFixtures.sha256(data));
    }

    @Test
    void aSmallFileIsStoredWithTheCreationRequest() throws Exception {
        byte[] data = "hello, depot".getBytes(StandardCharsets.UTF_8);
        Ticket ticket = UploadFixtures.ticket(data.length, Duration.ofHours(1));
        TusUploader uploader = client(new TusURLMemoryStore()).createUpload(upload(data, ticket));
        while (uploader.uploadChunk() > -1) {
            // one request
        }
        uploader.finish();
        assertThat(fixtures.storedSha256(ticket.blobId())).isEqualTo(UploadFixtures.sha256(data));
    }

    private TusClient client(TusURLMemoryStore urls) throws Exception {
        TusClient client = new TusClient();
        client.setUploadCreationURL(
                URI.create("http://127.0.0.1:" + port + "/api/uploads").toURL());
        client.enableResuming(urls);
        return client;
    }

    private TusUpload upload(byte[] data, Ticket ticket) {
        TusUpload upload = new TusUpload();
        upload.setSize(data.length);
        upload.setInputStream(new ByteArrayInputStream(data));
        upload.setFingerprint(ticket.versionId().toString());
        upload.setMetadata(Map.of("ticket", fixtures.sign(ticket), "filename", "data.bin"));
        return upload;
    }

    /** Sends a PATCH that announces the whole rest but breaks off after {@code sent} bytes. */
    private static void cutRequest(URL location, long offset, byte[] data, int sent) throws Exception {
        try (Socket socket = new Socket(location.getHost(), location.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH "
                            + location.getPath()
                            + " HTTP/1.1\r\nHost: "
                            + location.getHost()
                            + "\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: "
                            + offset
                            + "\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: "
                            + (data.length - offset)
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(data, (int) offset, sent);
            out.flush();
        }
        awaitOffset(location, offset + sent);
    }

    /** The server keeps what arrived once it notices the cut; waits until it has. */
    private static void awaitOffset(URL location, long expected) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Instant deadline = Instant.now().plusSeconds(15);
        String offset = null;
        while (Instant.now().isBefore(deadline)) {
            offset = http.send(
                            HttpRequest.newBuilder(location.toURI())
                                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                    .header("Tus-Resumable", "1.0.0")
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .headers()
                    .firstValue("Upload-Offset")
                    .orElse(null);
            if (Long.toString(expected).equals(offset)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("offset stayed at " + offset + ", expected " + expected);
    }
}
