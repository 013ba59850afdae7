package dev.depot.metadata;

import static dev.depot.localinfra.ProblemAssertions.assertProblem;
import static dev.depot.metadata.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.contracts.files.v1.BlobsReleased;
import dev.depot.contracts.ticket.TicketCodec;
import dev.depot.localinfra.EventProbe;
import dev.depot.localinfra.TestInfra;
import dev.depot.metadata.trash.TrashService;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** What runs without a user asking: the trash purge, and administrators' quota changes. */
@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
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

  @Test
  void trashOlderThanTheRetentionIsPurgedAndItsBlobsReleased() throws Exception {
    Api alice = new Api(port);
    UUID old = alice.folder(alice.root(), "old");
    UUID recent = alice.folder(alice.root(), "recent");
    JsonNode upload = ok(alice.post("/api/files", Map.of("folderId", old, "name", "a.bin",
        "size", 10)), 201);
    ok(alice.delete("/api/folders/" + old), 204);
    ok(alice.delete("/api/folders/" + recent), 204);
    jdbc.update("UPDATE items SET deleted_at = deleted_at - interval '31 days'"
        + " WHERE trash_root_id = ?", old);

    assertThat(trash.purgeExpired()).isGreaterThanOrEqualTo(1);

    assertThat(jdbc.queryForObject("SELECT count(*) FROM items WHERE id = ? OR ancestors"
        + " @> ARRAY[?]::uuid[]", Integer.class, old, old)).isZero();
    assertThat(ok(alice.get("/api/trash"), 200).get("items")).hasSize(1);
    UUID blob = tickets.verify(upload.get("ticket").asString()).blobId();
    EventProbe.await(BlobsReleased.TOPIC, e -> e.value().contains(blob.toString()),
        Duration.ofSeconds(20));
    assertThat(ok(alice.get("/api/me/usage"), 200).get("reservedBytes").asLong()).isZero();
  }

  @Test
  void onlyAdministratorsSetLimits() throws Exception {
    Api alice = new Api(port);
    alice.root();
    Api admin = new Api(port, Map.of("preferred_username", "housekeeper"));
    assertProblem(alice.send("PUT", "/api/admin/users/" + alice.userId + "/quota",
        Map.of("limitBytes", 1)), 403, "NOT_AN_ADMIN");
    JsonNode usage = ok(admin.send("PUT", "/api/admin/users/" + alice.userId + "/quota",
        Map.of("limitBytes", 5000)), 200);
    assertThat(usage.get("limitBytes").asLong()).isEqualTo(5000);
    assertThat(usage.get("customLimit").asBoolean()).isTrue();
    assertThat(ok(alice.get("/api/me/usage"), 200).get("limitBytes").asLong()).isEqualTo(5000);
    assertProblem(admin.send("PUT", "/api/admin/users/" + UUID.randomUUID() + "/quota",
        Map.of("limitBytes", 1)), 404, "ACCOUNT_NOT_FOUND");
    assertProblem(admin.send("PUT", "/api/admin/users/" + alice.userId + "/quota",
        Map.of("limitBytes", -1)), 400, "VALIDATION_FAILED");
  }
}
