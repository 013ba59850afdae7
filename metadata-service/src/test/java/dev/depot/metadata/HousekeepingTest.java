package dev.depot.metadata;

import static dev.depot.localinfra.ProblemAssertions.assertProblem;
import static dev.depot.metadata.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.files.v1.BlobsReleased;
import dev.depot.contracts.files.v1.VersionStored;
import dev.depot.contracts.ticket.Ticket;
import dev.depot.contracts.ticket.TicketCodec;
import dev.depot.contracts.uploads.v1.UploadCompleted;
import dev.depot.localinfra.EventProbe;
import dev.depot.localinfra.EventStream;
import dev.depot.localinfra.TestInfra;
import dev.depot.metadata.processing.ProcessingService;
import dev.depot.metadata.trash.TrashService;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/** What runs without a user asking: the trash purge, and administrators' quota changes. */
@ExtendWith(TestInfra.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "depot.quota.admins=housekeeper")
class HousekeepingTest {

    @LocalServerPort
    int port;

    @Autowired
    TrashService trash;

    @Autowired
    TicketCodec tickets;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProcessingService processing;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Test
    void trashOlderThanTheRetentionIsPurgedAndItsBlobsReleased() throws Exception {
        Api alice = new Api(port);
        UUID old = alice.folder(alice.root(), "old");
        UUID recent = alice.folder(alice.root(), "recent");
        JsonNode upload = ok(alice.post("/api/files", Map.of("folderId", old, "name", "a.bin", "size", 10)), 201);
        ok(alice.delete("/api/folders/" + old), 204);
        ok(alice.delete("/api/folders/" + recent), 204);
        jdbc.update("UPDATE items SET deleted_at = deleted_at - interval '31 days'" + " WHERE trash_root_id = ?", old);

        assertThat(trash.purgeExpired()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM items WHERE id = ? OR ancestors" + " @> ARRAY[?]::uuid[]",
                        Integer.class,
                        old,
                        old))
                .isZero();
        assertThat(ok(alice.get("/api/trash"), 200).get("items")).hasSize(1);
        UUID blob = tickets.verify(upload.get("ticket").asString()).blobId();
        EventProbe.await(BlobsReleased.TOPIC, e -> e.value().contains(blob.toString()), Duration.ofSeconds(20));
        assertThat(ok(alice.get("/api/me/usage"), 200).get("reservedBytes").asLong())
                .isZero();
    }

    @Test
    void lateProcessingIsRequestedAgainThenGivenUp() throws Exception {
        Api alice = new Api(port);
        JsonNode started = ok(
                alice.post("/api/files", Map.of("name", "slow.mov", "size", 10, "mimeType", "video/quicktime")), 201);
        Ticket ticket = tickets.verify(started.get("ticket").asString());
        kafka.send(
                        UploadCompleted.TOPIC,
                        ticket.fileId().toString(),
                        Api.JSON.writeValueAsBytes(EventEnvelope.of(
                                UploadCompleted.TYPE,
                                "/test",
                                ticket.fileId().toString(),
                                new UploadCompleted(
                                        ticket.fileId(), ticket.versionId(), ticket.blobId(), 10, null, Instant.now()),
                                Instant.now())))
                .get();
        Instant deadline = Instant.now().plusSeconds(20);
        while (!"processing".equals(status(ticket.versionId())) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        age(ticket.versionId());
        assertThat(processing.sweep()).isGreaterThanOrEqualTo(1);
        EventProbe.await(
                VersionStored.TOPIC,
                e -> e.value().contains(ticket.versionId().toString())
                        && e.value().contains("\"attempt\":2"),
                Duration.ofSeconds(20));
        assertThat(status(ticket.versionId())).isEqualTo("processing");

        jdbc.update("UPDATE versions SET processing_attempts = 3 WHERE id = ?", ticket.versionId());
        age(ticket.versionId());
        try (EventStream pages = LiveEventsTest.open(port, alice.userId, Duration.ofMinutes(5))) {
            pages.await(e -> e.name().equals("open"), Duration.ofSeconds(20));
            processing.sweep();
            JsonNode told = Api.JSON.readTree(pages.await(
                            e -> e.name().equals("file")
                                    && e.data().contains(ticket.fileId().toString()),
                            Duration.ofSeconds(20))
                    .data());
            assertThat(told.get("status").asString()).isEqualTo("failed");
            assertThat(told.get("versionId").asString())
                    .isEqualTo(ticket.versionId().toString());
        }
        assertThat(status(ticket.versionId())).isEqualTo("failed");
        assertThat(ok(alice.get("/api/files/" + ticket.fileId()), 200)
                        .at("/file/status")
                        .asString())
                .isEqualTo("failed");
        ok(alice.get("/api/files/" + ticket.fileId() + "/download-url"), 200);
    }

    private String status(UUID versionId) {
        return jdbc.queryForObject("SELECT status FROM versions WHERE id = ?", String.class, versionId);
    }

    private void age(UUID versionId) {
        jdbc.update(
                "UPDATE versions SET processing_since = processing_since - interval '11 minutes'" + " WHERE id = ?",
                versionId);
    }

    @Test
    void onlyAdministratorsSetLimits() throws Exception {
        Api alice = new Api(port);
        alice.root();
        Api admin = new Api(port, Map.of("preferred_username", "housekeeper"));
        assertProblem(
                alice.send("PUT", "/api/admin/users/" + alice.userId + "/quota", Map.of("limitBytes", 1)),
                403,
                "NOT_AN_ADMIN");
        JsonNode usage =
                ok(admin.send("PUT", "/api/admin/users/" + alice.userId + "/quota", Map.of("limitBytes", 5000)), 200);
        assertThat(usage.get("limitBytes").asLong()).isEqualTo(5000);
        assertThat(usage.get("customLimit").asBoolean()).isTrue();
        assertThat(ok(alice.get("/api/me/usage"), 200).get("limitBytes").asLong())
                .isEqualTo(5000);
        assertProblem(
                admin.send("PUT", "/api/admin/users/" + UUID.randomUUID() + "/quota", Map.of("limitBytes", 1)),
                404,
                "ACCOUNT_NOT_FOUND");
        assertProblem(
                admin.send("PUT", "/api/admin/users/" + alice.userId + "/quota", Map.of("limitBytes", -1)),
                400,
                "VALIDATION_FAILED");
    }
}
