package dev.depot.e2e;

import static dev.depot.e2e.GatewayUser.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A public share link through the edge, as someone without an account uses it: the file is seen and
 * downloaded byte for byte; the link's own rate limit answers 429 once its burst is spent; a
 * revoked link answers 404.
 */
class SharingThroughGatewayTest {

    private static final String EDGE = "http://127.0.0.1:8088";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aSharedFileIsDownloadedByAnyoneUntilTheLinkIsRevoked() throws Exception {
        // An account whose email address is not verified shares nothing, whatever it names.
        GatewayUser unverified = GatewayUser.signUp("unverified");
        HttpResponse<String> refused =
                unverified.send("POST", "/api/files/" + java.util.UUID.randomUUID() + "/share-links", Map.of());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(GatewayUser.JSON.readTree(refused.body()).get("code").asString())
                .isEqualTo("EMAIL_NOT_VERIFIED");
        GatewayUser owner = GatewayUser.signUp("sharing", true);
        String root = ok(owner.send("GET", "/api/folders/root", null), 200)
                .at("/folder/id")
                .asString();
        byte[] data = new byte[256 * 1024];
        new Random(42).nextBytes(data);
        JsonNode started = ok(
                owner.send(
                        "POST",
                        "/api/files",
                        Map.of(
                                "folderId",
                                root,
                                "name",
                                "Plan für Q1.bin",
                                "size",
                                data.length,
                                "mimeType",
                                "application/octet-stream")),
                201);
        assertThat(GatewayUser.tusCreateWithUpload(started, data).statusCode()).isEqualTo(201);
        String fileId = started.get("fileId").asString();
        JsonNode link = null;
        Instant deadline = Instant.now().plusSeconds(30);
        while (link == null && Instant.now().isBefore(deadline)) {
            HttpResponse<String> made = owner.send("POST", "/api/files/" + fileId + "/share-links", Map.of());
            if (made.statusCode() == 201) {
                link = GatewayUser.JSON.readTree(made.body());
            } else {
                Thread.sleep(200);
            }
        }
        assertThat(link).as("a link to the uploaded file").isNotNull();
        String token = link.get("token").asString();

        JsonNode shared =
                GatewayUser.JSON.readTree(anonymous("/api/shared/" + token).body());
        assertThat(shared.get("name").asString()).isEqualTo("Plan für Q1.bin");
        assertThat(shared.get("size").asLong()).isEqualTo(data.length);
        HttpResponse<String> issued = anonymous("/api/shared/" + token + "/download-url");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        HttpResponse<byte[]> bytes = HTTP.send(
                HttpRequest.newBuilder(URI.create(GatewayUser.JSON
                                .readTree(issued.body())
                                .get("url")
                                .asString()))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.body()).isEqualTo(data);

        // The link's bucket (a burst of 200, then 10 a second) is spent by anyone asking, in
        // concurrent rounds so that it empties faster than it refills; then 429 with Retry-After.
        HttpResponse<String> limited = null;
        for (int round = 0; round < 25 && limited == null; round++) {
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                sent.add(HTTP.sendAsync(
                        HttpRequest.newBuilder(URI.create(EDGE + "/api/shared/" + token + "/download-url"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> response : sent) {
                HttpResponse<String> answer = response.join();
                if (answer.statusCode() == 429) {
                    limited = answer;
                } else {
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                }
            }
        }
        assertThat(limited).as("the link's rate limit").isNotNull();
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(GatewayUser.JSON.readTree(limited.body()).get("code").asString())
                .isEqualTo("RATE_LIMITED");
        assertThat(anonymous("/api/shared/" + token).statusCode())
                .as("the same client may still look at the file: the link's bucket, not its own, ran out")
                .isEqualTo(200);

        ok(owner.send("DELETE", "/api/share-links/" + link.get("id").asString(), null), 204);
        HttpResponse<String> gone = anonymous("/api/shared/" + token);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(GatewayUser.JSON.readTree(gone.body()).get("code").asString())
                .isEqualTo("SHARE_LINK_NOT_FOUND");
    }

    private static HttpResponse<String> anonymous(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(EDGE + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
