package dev.depot.metadata;

import static dev.depot.localinfra.ProblemAssertions.assertProblem;
import static dev.depot.metadata.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.contracts.ticket.Ticket;
import dev.depot.contracts.ticket.TicketCodec;
import dev.depot.localinfra.ServiceClient;
import dev.depot.localinfra.TestInfra;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Public share links on real Postgres and Kafka: the owner makes, lists and revokes them; anyone
 * holding a token sees the file and gets a signed URL of its current version, until the link
 * expires, is revoked or its file goes to the trash.
 */
@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShareLinksTest {

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    TicketCodec tickets;

    @Autowired
    JdbcTemplate jdbc;

    private Api alice;
    private ServiceClient anyone;

    @BeforeEach
    void users() throws Exception {
        alice = new Api(port);
        anyone = new ServiceClient(port);
    }

    @Test
    void anyoneHoldingTheLinkSeesTheFileAndDownloadsItsCurrentVersion() throws Exception {
        Ticket file = alice.upload(alice.root(), "Résumé 2026.pdf", 4321, kafka, tickets);
        JsonNode link = ok(alice.post("/api/files/" + file.fileId() + "/share-links", null), 201);
        String token = link.get("token").asString();
        assertThat(token).matches("[A-Za-z0-9_-]{22}");
        assertThat(link.get("url").asString()).isEqualTo("http://localhost:3000/s/" + token);
        assertThat(link.get("expiresAt").isNull()).isTrue();
        assertThat(link.get("downloads").asLong()).isZero();

        JsonNode shared = ok(anyone.get("/api/shared/" + token, null), 200);
        assertThat(shared.get("name").asString()).isEqualTo("Résumé 2026.pdf");
        assertThat(shared.get("size").asLong()).isEqualTo(4321);
        assertThat(shared.get("mimeType").asString()).isEqualTo("text/plain");
        assertThat(shared.has("fileId")).isFalse();

        JsonNode download = ok(anyone.get("/api/shared/" + token + "/download-url", null), 200);
        URI url = URI.create(download.get("url").asString());
        Ticket ticket = tickets.verify(url.getPath().substring("/dl/".length()));
        assertThat(ticket.operation()).isEqualTo(Ticket.Operation.DOWNLOAD);
        assertThat(ticket.fileId()).isEqualTo(file.fileId());
        assertThat(ticket.versionId()).isEqualTo(file.versionId());
        assertThat(ticket.delivery().fileName()).isEqualTo("Résumé 2026.pdf");
        assertThat(ticket.delivery().inline()).isFalse();
        assertThat(ticket.expiresAt()).isBefore(Instant.now().plus(11, ChronoUnit.MINUTES));

        JsonNode listed = ok(alice.get("/api/files/" + file.fileId() + "/share-links"), 200);
        assertThat(listed.get("items")).hasSize(1);
        assertThat(listed.at("/items/0/downloads").asLong()).isEqualTo(1);
        assertThat(listed.at("/items/0/lastUsedAt").isNull()).isFalse();
    }

    @Test
    void aRevokedExpiredOrTrashedLinkStopsWorkingAndSaysNothingMore() throws Exception {
        Ticket file = alice.upload(alice.root(), "notes.txt", 10, kafka, tickets);
        String path = "/api/files/" + file.fileId() + "/share-links";
        JsonNode revoked = ok(alice.post(path, null), 201);
        JsonNode expiring = ok(
                alice.post(
                        path, Map.of("expiresAt", Instant.now().plusSeconds(60).toString())),
                201);
        JsonNode kept = ok(alice.post(path, Map.of()), 201);

        ok(alice.delete("/api/share-links/" + revoked.get("id").asString()), 204);
        assertProblem(anyone.get("/api/shared/" + revoked.get("token").asString(), null), 404, "SHARE_LINK_NOT_FOUND");
        assertProblem(alice.delete("/api/share-links/" + revoked.get("id").asString()), 404, "SHARE_LINK_NOT_FOUND");

        jdbc.update(
                "UPDATE share_links SET created_at = now() - interval '2 hours',"
                        + " expires_at = now() - interval '1 second' WHERE id = ?::uuid",
                expiring.get("id").asString());
        assertProblem(
                anyone.get("/api/shared/" + expiring.get("token").asString() + "/download-url", null),
                404,
                "SHARE_LINK_NOT_FOUND");
        JsonNode listed = ok(alice.get(path), 200);
        assertThat(listed.get("items")).hasSize(2);
        assertThat(listed.findValuesAsString("token"))
                .containsExactly(
                        kept.get("token").asString(), expiring.get("token").asString());
        assertThat(listed.at("/items/1/expired").asBoolean()).isTrue();
        assertThat(listed.at("/items/0/expired").asBoolean()).isFalse();

        String token = kept.get("token").asString();
        ok(anyone.get("/api/shared/" + token, null), 200);
        ok(alice.delete("/api/files/" + file.fileId()), 204);
        assertProblem(anyone.get("/api/shared/" + token, null), 404, "SHARE_LINK_NOT_FOUND");
        assertProblem(anyone.get("/api/shared/" + token + "/download-url", null), 404, "SHARE_LINK_NOT_FOUND");

        assertProblem(anyone.get("/api/shared/not-a-token", null), 404, "SHARE_LINK_NOT_FOUND");
        assertProblem(anyone.get("/api/shared/" + "A".repeat(22), null), 404, "SHARE_LINK_NOT_FOUND");
        assertProblem(anyone.get("/api/shared/" + "A".repeat(21) + "%2A", null), 404, "SHARE_LINK_NOT_FOUND");
    }

    @Test
    void onlyTheOwnerSharesAndWithinTheLimits() throws Exception {
        Ticket file = alice.upload(alice.root(), "mine.txt", 10, kafka, tickets);
        String path = "/api/files/" + file.fileId() + "/share-links";
        Api mallory = new Api(port);
        assertProblem(mallory.post(path, null), 404, "FILE_NOT_FOUND");
        assertProblem(mallory.get(path), 404, "FILE_NOT_FOUND");
        JsonNode link = ok(alice.post(path, null), 201);
        assertProblem(mallory.delete("/api/share-links/" + link.get("id").asString()), 404, "SHARE_LINK_NOT_FOUND");
        assertProblem(alice.post("/api/files/" + alice.root() + "/share-links", null), 404, "FILE_NOT_FOUND");
        assertProblem(
                anyone.send(anyone.request(path, null).POST(java.net.http.HttpRequest.BodyPublishers.noBody())),
                401,
                "UNAUTHENTICATED");
        Api unverified = new Api(port, Map.of("email_verified", false));
        Ticket theirs = unverified.upload(unverified.root(), "draft.txt", 10, kafka, tickets);
        assertProblem(
                unverified.post("/api/files/" + theirs.fileId() + "/share-links", null), 403, "EMAIL_NOT_VERIFIED");

        // Each refusal says what was wrong, then what is accepted.
        assertThat(assertProblem(
                                alice.post(
                                        path,
                                        Map.of(
                                                "expiresAt",
                                                Instant.now().minusSeconds(5).toString())),
                                400,
                                "VALIDATION_FAILED")
                        .get("detail")
                        .asString())
                .contains("has already passed")
                .contains("at most 365 days away");
        assertThat(assertProblem(
                                alice.post(
                                        path,
                                        Map.of(
                                                "expiresAt",
                                                Instant.now()
                                                        .plus(400, ChronoUnit.DAYS)
                                                        .toString())),
                                400,
                                "VALIDATION_FAILED")
                        .get("detail")
                        .asString())
                .contains("is more than 365 days away")
                .contains("lasts at most 365 days");
        assertProblem(alice.post(path, Map.of("expiresAt", "next tuesday")), 400, "MALFORMED_REQUEST");

        for (int i = 1; i < 20; i++) {
            ok(alice.post(path, null), 201);
        }
        JsonNode limit = assertProblem(alice.post(path, null), 409, "SHARE_LINK_LIMIT");
        assertThat(limit.get("maxPerFile").asInt()).isEqualTo(20);
    }
}
