package dev.depot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.localinfra.EventStream;
import dev.depot.localinfra.ServiceClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A new user, signed up and in through the gateway of the local stack, sending JSON. */
final class GatewayUser {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ServiceClient GATEWAY = new ServiceClient(8080);
    private static final HttpClient UPLOADS = HttpClient.newHttpClient();

    private final String token;

    private GatewayUser(String token) {
        this.token = token;
    }

    /** Signs up {@code <prefix>_<random>} and signs in. */
    static GatewayUser signUp(String prefix) throws Exception {
        return signUp(prefix, false);
    }

    /**
     * Signs up {@code <prefix>_<random>}, verifies the email address through the link mailed to it
     * (or leaves it unverified), and signs in.
     */
    static GatewayUser signUp(String prefix, boolean verified) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        String password = "Gateway test secret " + id;
        String email = prefix + "-" + id + "@example.org";
        GatewayUser anonymous = new GatewayUser(null);
        HttpResponse<String> created = anonymous.send(
                "POST",
                "/api/auth/signup",
                Map.of("email", email, "username", prefix + "_" + id, "password", password));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        if (verified) {
            String link = LocalStack.mail()
                    .await(email, "Confirm your email", Duration.ofSeconds(60))
                    .link("http://localhost:3000/verify-email?token=");
            ok(
                    anonymous.send(
                            "POST",
                            "/api/auth/verify-email",
                            Map.of("token", link.substring(link.indexOf("token=") + "token=".length()))),
                    200);
        }
        return new GatewayUser(JSON.readTree(anonymous
                        .send("POST", "/api/auth/login", Map.of("login", prefix + "_" + id, "password", password))
                        .body())
                .get("accessToken")
                .asString());
    }

    /** The access token, for clients that send it themselves. */
    String accessToken() {
        return token;
    }

    HttpResponse<String> send(String method, String path, Object body) throws Exception {
        return GATEWAY.send(GATEWAY.request(path, token)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** Opens the user's live event stream at {@code base} (the gateway, or the edge before it). */
    EventStream events(String base) throws Exception {
        EventStream stream = EventStream.open(URI.create(base + "/api/events"), token);
        assertThat(stream.response().statusCode()).isEqualTo(200);
        stream.await(e -> e.name().equals("open"), Duration.ofSeconds(10));
        return stream;
    }

    /**
     * Sends {@code data} in one tus creation-with-upload request to the upload that {@code started}
     * (the answer of {@code POST /api/files}) describes.
     */
    static HttpResponse<Void> tusCreateWithUpload(JsonNode started, byte[] data) throws Exception {
        return UPLOADS.send(
                HttpRequest.newBuilder(URI.create(started.get("uploadUrl").asString()))
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", Integer.toString(data.length))
                        .header(
                                "Upload-Metadata",
                                "ticket "
                                        + Base64.getEncoder()
                                                .encodeToString(started.get("ticket")
                                                        .asString()
                                                        .getBytes(StandardCharsets.US_ASCII)))
                        .header("Content-Type", "application/offset+octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(data))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** The JSON body of a response that must have {@code status} (null when empty). */
    static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }
}
