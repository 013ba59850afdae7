package dev.depot.metadata;

import static dev.depot.localinfra.ProblemAssertions.assertProblem;
import static dev.depot.metadata.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.contracts.accounts.v1.UserDeleted;
import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.events.EventType;
import dev.depot.contracts.files.v1.BlobsReleased;
import dev.depot.contracts.files.v1.VersionStored;
import dev.depot.contracts.processing.v1.VersionProcessed;
import dev.depot.contracts.ticket.Ticket;
import dev.depot.contracts.ticket.TicketCodec;
import dev.depot.contracts.uploads.v1.UploadAbandoned;
import dev.depot.contracts.uploads.v1.UploadCompleted;
import dev.depot.localinfra.EventProbe;
import dev.depot.localinfra.EventStream;
import dev.depot.localinfra.TestInfra;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Files on real Postgres and Kafka: upload starts and their completion events, versions, quota
 * under concurrency, download URLs, search scoping and the activity log.
 */
@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FilesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    TicketCodec tickets;

    @Autowired
    JdbcTemplate jdbc;

    private Api alice;

    @BeforeEach
    void user() throws Exception {
        alice = new Api(port);
    }

    /** Starts an upload and plays the upload side: the bytes "arrive" and the event is sent. */
    private JsonNode upload(Api user, UUID folder, String name, long size, String onConflict) throws Exception {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "size", size, "mimeType", "text/plain"));
        if (folder != null) {
            body.put("folderId", folder);
        }
        if (onConflict != null) {
            body.put("onConflict", onConflict);
        }
        JsonNode started = ok(user.post("/api/files", body), 201);
        Ticket ticket = tickets.verify(started.get("ticket").asString());
        send(
                UploadCompleted.TYPE,
                new UploadCompleted(ticket.fileId(), ticket.versionId(), ticket.blobId(), size, null, Instant.now()));
        awaitVersion(user, ticket.fileId(), ticket.versionId());
        return started;
    }

    private <T> void send(EventType<T> type, T data) throws Exception {
        EventEnvelope<T> event =
                EventEnvelope.of(type, "/test", UUID.randomUUID().toString(), data, Instant.now());
        kafka.send(type.name(), event.subject(), Api.JSON.writeValueAsBytes(event))
                .get();
    }

    private static void awaitVersion(Api user, UUID fileId, UUID versionId) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            var response = user.get("/api/files/" + fileId + "/versions");
            if (response.statusCode() == 200 && response.body().contains(versionId.toString())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("version " + versionId + " never became visible");
    }

    private static UUID id(JsonNode node, String field) {
        return UUID.fromString(node.get(field).asString());
    }

    @Test
    void processingSettlesEveryVersionOfTheBlobAndTellsTheOwnersPages() throws Exception {
        JsonNode started = upload(alice, null, "photo.txt", 20, null);
        Ticket ticket = tickets.verify(started.get("ticket").asString());
        JsonNode copy =
                ok(alice.post("/api/files/" + ticket.fileId() + "/copy", Map.of("name", "photo copy.txt")), 201);
        List<String> ids = List.of(ticket.fileId().toString(), copy.get("id").asString());
        try (EventStream pages = LiveEventsTest.open(port, alice.userId, Duration.ofMinutes(5))) {
            pages.await(e -> e.name().equals("open"), PATIENCE);
            send(
                    VersionProcessed.TYPE,
                    new VersionProcessed(
                            ticket.fileId(),
                            ticket.versionId(),
                            ticket.blobId(),
                            "image/png",
                            "cd".repeat(32),
                            VersionProcessed.Outcome.PREVIEW_FAILED,
                            "not a readable image",
                            List.of(),
                            Instant.now()));
            // One event per file, in no particular order.
            Map<String, JsonNode> told = new HashMap<>();
            while (told.size() < ids.size()) {
                JsonNode event = Api.JSON.readTree(
                        pages.await(e -> e.name().equals("file"), PATIENCE).data());
                told.put(event.get("id").asString(), event);
            }
            assertThat(told.keySet()).containsExactlyInAnyOrderElementsOf(ids);
            for (String id : ids) {
                assertThat(told.get(id).get("status").asString()).isEqualTo("failed");
                assertThat(told.get(id).get("mimeType").asString()).isEqualTo("image/png");
                assertThat(told.get(id).get("versionId").asString())
                        .isEqualTo(ok(alice.get("/api/files/" + id), 200)
                                .at("/file/versionId")
                                .asString());
            }
        }
        for (String id : ids) {
            JsonNode file = awaitStatus(alice, id, "failed");
            assertThat(file.at("/file/mimeType").asString()).isEqualTo("image/png");
            assertThat(file.at("/version/sha256").asString()).isEqualTo("cd".repeat(32));
            ok(alice.get("/api/files/" + id + "/download-url"), 200);
        }
        JsonNode listed = ok(alice.get("/api/folders/" + alice.root() + "/children"), 200);
        assertThat(listed.at("/items/0/status").asString()).isEqualTo("failed");
    }

    private static JsonNode awaitStatus(Api user, String fileId, String status) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode file = null;
        while (Instant.now().isBefore(deadline)) {
            file = ok(user.get("/api/files/" + fileId), 200);
            if (status.equals(file.at("/version/status").asString())) {
                return file;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("file " + fileId + " stayed " + file);
    }

    @Test
    void anUploadIsInvisibleUntilItsBytesAreStored() throws Exception {
        UUID root = alice.root();
        JsonNode started = ok(
                alice.post(
                        "/api/files",
                        Map.of("name", "draft.txt", "size", 1000, "mimeType", "text/plain; charset=utf-8")),
                201);
        assertThat(started.get("uploadUrl").asString()).endsWith("/api/uploads");
        Ticket ticket = tickets.verify(started.get("ticket").asString());
        assertThat(ticket.operation()).isEqualTo(Ticket.Operation.UPLOAD);
        assertThat(ticket.maxBytes()).isEqualTo(1000);
        assertThat(ticket.fileId()).isEqualTo(id(started, "fileId"));
        assertThat(ok(alice.get("/api/folders/" + root + "/children"), 200).get("items"))
                .isEmpty();
        assertProblem(alice.get("/api/files/" + ticket.fileId()), 404, "FILE_NOT_FOUND");
        assertThat(ok(alice.get("/api/me/usage"), 200).get("reservedBytes").asLong())
                .isEqualTo(1000);
        // the name is held by the upload in progress
        assertProblem(alice.post("/api/files", Map.of("name", "draft.txt", "size", 1)), 409, "NAME_CONFLICT");

        send(
                UploadCompleted.TYPE,
                new UploadCompleted(
                        ticket.fileId(), ticket.versionId(), ticket.blobId(), 1000, "ab".repeat(32), Instant.now()));
        awaitVersion(alice, ticket.fileId(), ticket.versionId());
        JsonNode file = ok(alice.get("/api/files/" + ticket.fileId()), 200);
        assertThat(file.at("/file/size").asLong()).isEqualTo(1000);
        assertThat(file.at("/file/mimeType").asString()).isEqualTo("text/plain");
        assertThat(file.at("/version/status").asString()).isEqualTo("processing");
        assertThat(file.at("/file/status").asString()).isEqualTo("processing");
        assertThat(file.at("/version/sha256").asString()).isEqualTo("ab".repeat(32));
        EventProbe.Event stored = EventProbe.await(
                VersionStored.TOPIC, e -> e.value().contains(ticket.versionId().toString()), PATIENCE);
        assertThat(stored.value()).contains("\"attempt\":1", "\"mimeType\":\"text/plain\"");
        JsonNode usage = ok(alice.get("/api/me/usage"), 200);
        assertThat(usage.get("reservedBytes").asLong()).isZero();
        assertThat(usage.get("liveBytes").asLong()).isEqualTo(1000);
        // a redelivered completion changes nothing
        send(
                UploadCompleted.TYPE,
                new UploadCompleted(ticket.fileId(), ticket.versionId(), ticket.blobId(), 1000, null, Instant.now()));
        assertThat(ok(alice.get("/api/files/" + ticket.fileId() + "/versions"), 200))
                .hasSize(1);
    }

    @Test
    void anAbandonedUploadReleasesItsReservationAndName() throws Exception {
        JsonNode started = ok(alice.post("/api/files", Map.of("name", "big.iso", "size", 5000)), 201);
        Ticket ticket = tickets.verify(started.get("ticket").asString());
        send(
                UploadAbandoned.TYPE,
                new UploadAbandoned(
                        ticket.fileId(),
                        ticket.versionId(),
                        ticket.blobId(),
                        UploadAbandoned.Reason.EXPIRED,
                        Instant.now()));
        EventProbe.await(
                BlobsReleased.TOPIC, e -> e.value().contains(ticket.blobId().toString()), PATIENCE);
        assertThat(ok(alice.get("/api/me/usage"), 200).get("reservedBytes").asLong())
                .isZero();
        ok(alice.post("/api/files", Map.of("name", "big.iso", "size", 1)), 201);
    }

    @Test
    void versionsRevertAndDeleteWithoutCopyingBytes() throws Exception {
        JsonNode first = upload(alice, null, "notes.txt", 100, null);
        UUID fileId = id(first, "fileId");
        JsonNode second = upload(alice, null, "notes.txt", 250, "newVersion");
        assertThat(id(second, "fileId")).isEqualTo(fileId);
        assertThat(second.get("versionNumber").asInt()).isEqualTo(2);
        JsonNode versions = ok(alice.get("/api/files/" + fileId + "/versions"), 200);
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("current").asBoolean()).isTrue();
        assertThat(versions.get(0).get("size").asLong()).isEqualTo(250);

        JsonNode revived = ok(
                alice.post(
                        "/api/files/"
                                + fileId
                                + "/versions/"
                                + first.get("versionId").asString()
                                + "/restore",
                        null),
                201);
        assertThat(revived.get("number").asInt()).isEqualTo(3);
        assertThat(ok(alice.get("/api/files/" + fileId), 200).at("/file/size").asLong())
                .isEqualTo(100);
        Ticket v1 = tickets.verify(first.get("ticket").asString());
        Ticket download = tickets.verify(ticketOf(ok(alice.get("/api/files/" + fileId + "/download-url"), 200)));
        assertThat(download.blobId()).isEqualTo(v1.blobId());
        assertThat(download.versionId()).isEqualTo(id(revived, "id"));
        JsonNode usage = ok(alice.get("/api/me/usage"), 200);
        assertThat(usage.get("liveBytes").asLong()).isEqualTo(100);
        assertThat(usage.get("versionBytes").asLong()).isEqualTo(350);

        assertProblem(
                alice.delete("/api/files/" + fileId + "/versions/"
                        + revived.get("id").asString()),
                409,
                "CURRENT_VERSION");
        ok(
                alice.delete("/api/files/" + fileId + "/versions/"
                        + second.get("versionId").asString()),
                204);
        Ticket v2 = tickets.verify(second.get("ticket").asString());
        EventProbe.await(
                BlobsReleased.TOPIC, e -> e.value().contains(v2.blobId().toString()), PATIENCE);
        // version 1's blob is still used by version 3: deleting version 1 keeps it
        ok(
                alice.delete("/api/files/" + fileId + "/versions/"
                        + first.get("versionId").asString()),
                204);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM blobs WHERE id = ?", Integer.class, v1.blobId()))
                .isEqualTo(1);
        assertThat(ok(alice.get("/api/me/usage"), 200).get("versionBytes").asLong())
                .isZero();
    }

    @Test
    void copiesShareBlobsAndCountAgainstTheQuota() throws Exception {
        JsonNode original = upload(alice, null, "photo.txt", 300, null);
        UUID folder = alice.folder(alice.root(), "copies");
        JsonNode copy = ok(
                alice.post("/api/files/" + original.get("fileId").asString() + "/copy", Map.of("parentId", folder)),
                201);
        assertThat(copy.get("name").asString()).isEqualTo("photo.txt");
        JsonNode again = ok(alice.post("/api/files/" + original.get("fileId").asString() + "/copy", Map.of()), 201);
        assertThat(again.get("name").asString()).isEqualTo("photo (1).txt");
        assertThat(ok(alice.get("/api/me/usage"), 200).get("liveBytes").asLong())
                .isEqualTo(900);
        Ticket a = tickets.verify(
                ticketOf(ok(alice.get("/api/files/" + copy.get("id").asString() + "/download-url"), 200)));
        assertThat(a.blobId())
                .isEqualTo(tickets.verify(original.get("ticket").asString()).blobId());
    }

    @Test
    void concurrentUploadStartsNeverOversubscribeTheQuota() throws Exception {
        alice.root();
        jdbc.update("UPDATE quota_ledgers SET limit_bytes = 7000 WHERE user_id = ?", alice.userId);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            results.add(pool.submit((Callable<Integer>)
                    () -> alice.post("/api/files", Map.of("name", "part-" + n, "size", 1000))
                            .statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(7);
        assertThat(statuses).filteredOn(s -> s == 413).hasSize(13);
        JsonNode usage = ok(alice.get("/api/me/usage"), 200);
        assertThat(usage.get("reservedBytes").asLong()).isEqualTo(7000);
        JsonNode refused =
                assertProblem(alice.post("/api/files", Map.of("name", "one-more", "size", 1)), 413, "QUOTA_EXCEEDED");
        assertThat(refused.get("availableBytes").asLong()).isZero();
    }

    @Test
    void trashMovesBytesBetweenLedgerStatesAndPurgeReleasesBlobs() throws Exception {
        UUID folder = alice.folder(alice.root(), "old stuff");
        JsonNode file = upload(alice, folder, "a.txt", 400, null);
        ok(alice.delete("/api/folders/" + folder), 204);
        JsonNode usage = ok(alice.get("/api/me/usage"), 200);
        assertThat(usage.get("liveBytes").asLong()).isZero();
        assertThat(usage.get("trashBytes").asLong()).isEqualTo(400);
        ok(alice.post("/api/trash/" + folder + "/restore", null), 200);
        assertThat(ok(alice.get("/api/me/usage"), 200).get("liveBytes").asLong())
                .isEqualTo(400);
        ok(alice.delete("/api/files/" + file.get("fileId").asString()), 204);
        JsonNode emptied = ok(alice.delete("/api/trash"), 200);
        assertThat(emptied.get("purged").asInt()).isEqualTo(1);
        UUID blob = tickets.verify(file.get("ticket").asString()).blobId();
        EventProbe.await(BlobsReleased.TOPIC, e -> e.value().contains(blob.toString()), PATIENCE);
        usage = ok(alice.get("/api/me/usage"), 200);
        assertThat(usage.get("usedBytes").asLong()).isZero();
    }

    @Test
    void downloadUrlsAreSignedForReadableStoredVersionsOnly() throws Exception {
        JsonNode file = upload(alice, null, "page.html", 10, null);
        String fileId = file.get("fileId").asString();
        JsonNode issued = ok(alice.get("/api/files/" + fileId + "/download-url?inline=true" + "&expiresIn=60"), 200);
        URI url = URI.create(issued.get("url").asString());
        assertThat(url.getPath()).startsWith("/dl/v1.");
        Ticket ticket = tickets.verify(ticketOf(issued));
        assertThat(ticket.operation()).isEqualTo(Ticket.Operation.DOWNLOAD);
        assertThat(ticket.delivery().fileName()).isEqualTo("page.html");
        assertThat(Duration.between(Instant.now(), ticket.expiresAt())).isLessThan(Duration.ofSeconds(61));
        Api mallory = new Api(port);
        assertProblem(mallory.get("/api/files/" + fileId + "/download-url"), 404, "FILE_NOT_FOUND");
        assertProblem(alice.get("/api/files/" + fileId + "/download-url?expiresIn=0"), 400, "VALIDATION_FAILED");
        assertProblem(
                alice.get("/api/files/" + fileId + "/download-url?versionId=" + UUID.randomUUID()),
                404,
                "VERSION_NOT_FOUND");
        JsonNode pending = ok(alice.post("/api/files/" + fileId + "/versions", Map.of("size", 5)), 201);
        assertProblem(
                alice.get("/api/files/"
                        + fileId
                        + "/download-url?versionId="
                        + pending.get("versionId").asString()),
                409,
                "VERSION_NOT_AVAILABLE");
        JsonNode activity =
                ok(alice.get("/api/activity?resourceId=" + fileId), 200).get("items");
        List<String> actions = new ArrayList<>();
        activity.forEach(a -> actions.add(a.get("action").asString()));
        assertThat(actions).contains("file.download-url-issued", "file.uploaded");
        var csv = alice.get("/api/activity/export");
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("occurred_at,action").contains("file.download-url-issued");
    }

    @Test
    void searchFindsOnlyWhatTheCallerMayRead() throws Exception {
        Api bob = new Api(port);
        upload(alice, null, "Quarterly Report 2026.txt", 1, null);
        UUID reports = alice.folder(alice.root(), "reports archive");
        upload(bob, null, "Quarterly Report secret.txt", 1, null);
        JsonNode hits = ok(alice.get("/api/search?q=report"), 200).get("items");
        List<String> names = new ArrayList<>();
        hits.forEach(h -> names.add(h.get("name").asString()));
        assertThat(names).containsExactlyInAnyOrder("Quarterly Report 2026.txt", "reports archive");
        assertThat(names.getFirst()).isEqualTo("reports archive");
        assertThat(ok(alice.get("/api/search?q=quartrly%20reprt"), 200).get("items"))
                .hasSize(1);
        assertThat(ok(alice.get("/api/search?q=report&type=folder"), 200).get("items"))
                .hasSize(1);
        assertThat(ok(alice.get("/api/search?q=re"), 200).get("items")).hasSize(1);
        assertThat(ok(alice.get("/api/search?q=report&folderId=" + reports), 200)
                        .get("items"))
                .isEmpty();
        assertThat(ok(alice.get("/api/search?q=100%25_"), 200).get("items")).isEmpty();
        assertProblem(alice.get("/api/search?q=%20"), 400, "VALIDATION_FAILED");
        assertProblem(alice.get("/api/search?q=x&type=spreadsheet"), 400, "VALIDATION_FAILED");
    }

    @Test
    void searchPagesRunFromNamesStartingWithTheTextToNamesContainingIt() throws Exception {
        UUID root = alice.root();
        for (String name : List.of("old zephyr", "zephyr beta", "my zephyr notes", "zephyr alpha", "zephyr gamma")) {
            alice.folder(root, name);
        }
        List<String> names = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonNode page = ok(alice.get("/api/search?q=zephyr&limit=2" + cursor), 200);
            page.get("items").forEach(h -> names.add(h.get("name").asString()));
            JsonNode next = page.get("nextCursor");
            cursor = next == null || next.isNull() ? null : "&cursor=" + next.asString();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(names).hasSize(5).doesNotHaveDuplicates();
        assertThat(names.subList(0, 3)).containsExactlyInAnyOrder("zephyr alpha", "zephyr beta", "zephyr gamma");
        assertThat(names.subList(3, 5)).containsExactlyInAnyOrder("old zephyr", "my zephyr notes");
    }

    @Test
    void aDeletedAccountsItemsGoToTheTrash() throws Exception {
        UUID root = alice.root();
        upload(alice, null, "keep.txt", 50, null);
        alice.folder(root, "photos");
        send(UserDeleted.TYPE, new UserDeleted(alice.userId, Instant.now()));
        Instant deadline = Instant.now().plus(PATIENCE);
        Integer live;
        do {
            Thread.sleep(100);
            live = jdbc.queryForObject(
                    "SELECT count(*) FROM items WHERE owner_id = ?"
                            + " AND parent_id IS NOT NULL AND deleted_at IS NULL",
                    Integer.class,
                    alice.userId);
        } while (live > 0 && Instant.now().isBefore(deadline));
        assertThat(live).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT trash_bytes FROM quota_ledgers WHERE user_id = ?", Long.class, alice.userId))
                .isEqualTo(50);
        assertThat(jdbc.queryForObject(
                        "SELECT deleted_at IS NOT NULL FROM accounts" + " WHERE user_id = ?",
                        Boolean.class,
                        alice.userId))
                .isTrue();
    }

    private static String ticketOf(JsonNode issued) {
        String path = URI.create(issued.get("url").asString()).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
