package dev.depot.metadata;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.ticket.Ticket;
import dev.depot.contracts.ticket.TicketCodec;
import dev.depot.contracts.uploads.v1.UploadCompleted;
import dev.depot.localinfra.ServiceClient;
import dev.depot.localinfra.TestInfra;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One user talking JSON to metadata-service with a real token. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final UUID userId = UUID.randomUUID();
    private final ServiceClient client;
    private final String token;

    /** A user whose email address is verified. */
    Api(int port) throws Exception {
        this(port, Map.of("email_verified", true));
    }

    /** A user whose token carries extra claims (e.g. the username administrators are named by). */
    Api(int port, Map<String, Object> claims) throws Exception {
        this.client = new ServiceClient(port);
        this.token = TestInfra.tokens().issue(userId.toString(), Duration.ofMinutes(15), claims);
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.get(path, token);
    }

    HttpResponse<String> post(String path, Object body) throws Exception {
        return send("POST", path, body);
    }

    HttpResponse<String> patch(String path, Object body) throws Exception {
        return send("PATCH", path, body);
    }

    HttpResponse<String> delete(String path) throws Exception {
        return client.send(client.request(path, token).DELETE());
    }

    HttpResponse<String> send(String method, String path, Object body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        return client.send(client.request(path, token)
                .header("Content-Type", "application/json")
                .method(method, publisher));
    }

    /** The body of a response that must have the given status. */
    static JsonNode ok(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError(
                    "expected " + status + " but got " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? null : JSON.readTree(response.body());
    }

    UUID root() throws Exception {
        return UUID.fromString(
                ok(get("/api/folders/root"), 200).at("/folder/id").asString());
    }

    UUID folder(UUID parent, String name) throws Exception {
        return UUID.fromString(ok(post("/api/folders", Map.of("parentId", parent, "name", name)), 201)
                .get("id")
                .asString());
    }

    /**
     * A file of {@code size} bytes in {@code folder}, as if its upload completed (upload-service's
     * event on Kafka); returns once it is listed.
     */
    Ticket upload(UUID folder, String name, long size, KafkaTemplate<Object, Object> kafka, TicketCodec tickets)
            throws Exception {
        JsonNode started = ok(
                post("/api/files", Map.of("folderId", folder, "name", name, "size", size, "mimeType", "text/plain")),
                201);
        Ticket ticket = tickets.verify(started.get("ticket").asString());
        EventEnvelope<UploadCompleted> event = EventEnvelope.of(
                UploadCompleted.TYPE,
                "/test",
                ticket.fileId().toString(),
                new UploadCompleted(ticket.fileId(), ticket.versionId(), ticket.blobId(), size, null, Instant.now()),
                Instant.now());
        kafka.send(UploadCompleted.TOPIC, event.subject(), JSON.writeValueAsBytes(event))
                .get();
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (get("/api/files/" + ticket.fileId()).statusCode() == 200) {
                return ticket;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(name + " never became a file");
    }
}
