package dev.depot.e2e;

import static dev.depot.e2e.GatewayUser.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tus.java.client.ProtocolException;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A file uploaded with tus-java-client through the URL the API hands out, resumed after the client
 * and then upload-service itself (killed with SIGKILL and started again) went away, then downloaded
 * through its signed URL.
 */
class UploadsThroughGatewayTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int MIB = 1024 * 1024;
    private static GatewayUser user;

    @BeforeAll
    static void signUp() throws Exception {
        user = GatewayUser.signUp("uploads");
    }

    /**
     * Two uploads declare a SHA-256, one truthfully: the restarted service has not seen their first
     * bytes, so it reads each stored object back to check the declared digest.
     */
    @Test
    void anUploadSurvivesTheClientAndTheServiceGoingAway() throws Exception {
        byte[] data = new byte[21 * MIB + 4321];
        new Random(7).nextBytes(data);
        JsonNode started = ok(
                send(
                        "POST",
                        "/api/files",
                        Map.of(
                                "name",
                                "survivor.bin",
                                "size",
                                data.length,
                                "mimeType",
                                "application/octet-stream",
                                "sha256",
                                sha256(data))),
                201);
        String fileId = started.get("fileId").asString();
        JsonNode liar = ok(
                send("POST", "/api/files", Map.of("name", "liar.bin", "size", data.length, "sha256", sha256(new byte[] {
                    1
                }))),
                201);
        TusURLMemoryStore urls = new TusURLMemoryStore();
        for (JsonNode upload : List.of(started, liar)) {
            TusUploader first = client(upload, urls).createUpload(upload(data, upload));
            first.setRequestPayloadSize(4 * MIB);
            first.setChunkSize(4 * MIB);
            first.uploadChunk();
            first.uploadChunk();
            assertThat(first.getOffset()).isEqualTo(8 * MIB);
        }

        LocalStack.stop("upload-service", 8083, true).start();

        TusUploader second = client(started, urls).resumeUpload(upload(data, started));
        assertThat(second.getOffset()).isEqualTo(8 * MIB);
        second.setRequestPayloadSize(8 * MIB);
        while (second.uploadChunk() > -1) {
            // sends the rest
        }
        second.finish();
        TusUploader lying = client(liar, urls).resumeUpload(upload(data, liar));
        lying.setRequestPayloadSize(16 * MIB);
        lying.setChunkSize(16 * MIB);
        assertThatThrownBy(() -> {
                    while (lying.uploadChunk() > -1) {
                        // sends the rest
                    }
                    lying.finish();
                })
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("460");
        HttpResponse<Void> gone = HTTP.send(
                HttpRequest.newBuilder(lying.getUploadURL().toURI())
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .header("Tus-Resumable", "1.0.0")
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(gone.statusCode()).isEqualTo(410);

        JsonNode file = awaitListed(fileId);
        assertThat(file.at("/file/size").asLong()).isEqualTo(data.length);
        assertThat(file.at("/file/status").asString()).isIn("processing", "ready");
        assertThat(file.at("/version/sha256").asString()).isEqualTo(sha256(data));
        String url = ok(send("GET", "/api/files/" + fileId + "/download-url", null), 200)
                .get("url")
                .asString();
        HttpResponse<byte[]> download =
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(sha256(download.body())).isEqualTo(sha256(data));
    }

    @Test
    void theStoredTypeIsWhatTheBytesAreAndAPreviewIsMade() throws Exception {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        byte[] data = png.toByteArray();
        JsonNode started = ok(
                send("POST", "/api/files", Map.of("name", "notes.txt", "size", data.length, "mimeType", "text/plain")),
                201);
        HttpResponse<Void> created = GatewayUser.tusCreateWithUpload(started, data);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(data.length));

        String fileId = started.get("fileId").asString();
        Instant deadline = Instant.now().plusSeconds(60);
        JsonNode file = awaitListed(fileId);
        while (!"ready".equals(file.at("/file/status").asString())
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            file = ok(send("GET", "/api/files/" + fileId, null), 200);
        }
        assertThat(file.at("/file/status").asString()).isEqualTo("ready");
        assertThat(file.at("/file/mimeType").asString()).isEqualTo("image/png");
        assertThat(file.at("/version/sha256").asString()).isEqualTo(sha256(data));
    }

    private static TusClient client(JsonNode started, TusURLMemoryStore urls) throws Exception {
        TusClient client = new TusClient();
        client.setUploadCreationURL(
                URI.create(started.get("uploadUrl").asString()).toURL());
        client.enableResuming(urls);
        return client;
    }

    private static TusUpload upload(byte[] data, JsonNode started) {
        TusUpload upload = new TusUpload();
        upload.setSize(data.length);
        upload.setInputStream(new ByteArrayInputStream(data));
        upload.setFingerprint(started.get("versionId").asString());
        upload.setMetadata(Map.of("ticket", started.get("ticket").asString(), "filename", "survivor.bin"));
        return upload;
    }

    private static JsonNode awaitListed(String fileId) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        HttpResponse<String> response = null;
        while (Instant.now().isBefore(deadline)) {
            response = send("GET", "/api/files/" + fileId, null);
            if (response.statusCode() == 200) {
                return GatewayUser.JSON.readTree(response.body());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("file never listed: " + response.body());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static HttpResponse<String> send(String method, String path, Object body) throws Exception {
        return user.send(method, path, body);
    }
}
