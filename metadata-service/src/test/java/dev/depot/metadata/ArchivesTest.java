package dev.depot.metadata;

import static dev.depot.localinfra.ProblemAssertions.assertProblem;
import static dev.depot.metadata.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.depot.contracts.ObjectKeys;
import dev.depot.contracts.archives.v1.ArchiveDiscarded;
import dev.depot.contracts.archives.v1.ArchiveFinished;
import dev.depot.contracts.archives.v1.ArchiveManifest;
import dev.depot.contracts.archives.v1.ArchiveProgressed;
import dev.depot.contracts.archives.v1.ArchiveRequested;
import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.events.EventType;
import dev.depot.contracts.ticket.Ticket;
import dev.depot.contracts.ticket.TicketCodec;
import dev.depot.localinfra.EventProbe;
import dev.depot.localinfra.EventStream;
import dev.depot.localinfra.TestInfra;
import dev.depot.metadata.archive.ArchiveService;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
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
 * Archives on real Postgres, Kafka and S3: what a selection becomes (the manifest the worker
 * reads), who may select what, the worker's reports, expiry and deletion.
 */
@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArchivesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Autowired
    TicketCodec tickets;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MinioClient s3;

    @Autowired
    ArchiveService archives;

    private Api alice;

    @BeforeEach
    void user() throws Exception {
        alice = new Api(port);
    }

    @Test
    void aSelectionBecomesAManifestWithItsFolderStructure() throws Exception {
        UUID root = alice.root();
        UUID docs = alice.folder(root, "Docs");
        Ticket docsA = upload(docs, "a.txt", 11);
        UUID sub = alice.folder(docs, "Sub");
        Ticket subB = upload(sub, "b.txt", 22);
        alice.folder(docs, "Empty");
        Ticket trashed = upload(docs, "trashed.txt", 33);
        ok(alice.delete("/api/files/" + trashed.fileId()), 204);
        Ticket rootA = upload(root, "A.txt", 44);
        UUID other = alice.folder(root, "Other");
        Ticket otherA = upload(other, "a.txt", 55);

        HttpResponse<String> response = alice.post(
                "/api/archives", Map.of("items", List.of(docs, rootA.fileId(), otherA.fileId(), subB.fileId(), docs)));
        JsonNode archive = ok(response, 202);

        UUID id = UUID.fromString(archive.get("id").asString());
        assertThat(response.headers().firstValue("Location")).hasValue("/api/archives/" + id);
        assertThat(archive.get("status").asString()).isEqualTo("preparing");
        assertThat(archive.get("name").asString()).isEqualTo("Depot archive.zip");
        assertThat(archive.get("entries").asInt()).isEqualTo(7);
        assertThat(archive.get("totalBytes").asLong()).isEqualTo(11 + 22 + 44 + 55);
        assertThat(archive.get("downloadUrl").isNull()).isTrue();
        assertThat(Instant.parse(archive.get("expiresAt").asString()))
                .isBetween(
                        Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));

        List<ArchiveManifest.Entry> manifest = manifest(id);
        assertThat(manifest)
                .extracting(ArchiveManifest.Entry::path)
                .containsExactly(
                        "Docs/", "Docs/Empty/", "Docs/Sub/", "Docs/Sub/b.txt", "Docs/a.txt", "A.txt", "a (1).txt");
        assertThat(manifest)
                .extracting(ArchiveManifest.Entry::blobId)
                .containsExactly(null, null, null, subB.blobId(), docsA.blobId(), rootA.blobId(), otherA.blobId());
        assertThat(manifest).extracting(ArchiveManifest.Entry::size).containsExactly(0L, 0L, 0L, 22L, 11L, 44L, 55L);
        assertThat(manifest.get(3).mimeType()).isEqualTo("text/plain");

        EventProbe.Event requested =
                EventProbe.await(ArchiveRequested.TOPIC, e -> id.toString().equals(e.key()), PATIENCE);
        ArchiveRequested event =
                Api.JSON.treeToValue(Api.JSON.readTree(requested.value()).get("data"), ArchiveRequested.class);
        assertThat(event.ownerId()).isEqualTo(alice.userId);
        assertThat(event.manifestKey()).isEqualTo(ObjectKeys.archiveManifest(id));
        assertThat(event.entries()).isEqualTo(7);
        assertThat(event.totalBytes()).isEqualTo(132);

        JsonNode single = ok(alice.post("/api/archives", Map.of("items", List.of(sub))), 202);
        assertThat(single.get("name").asString()).isEqualTo("Sub.zip");
        JsonNode named = ok(alice.post("/api/archives", Map.of("items", List.of(sub), "name", "  holiday.zip ")), 202);
        assertThat(named.get("name").asString()).isEqualTo("holiday.zip");
    }

    @Test
    void onlyReadableLiveItemsCanBeSelected() throws Exception {
        UUID root = alice.root();
        Ticket mine = upload(root, "mine.txt", 5);
        UUID folder = alice.folder(root, "gone");
        ok(alice.delete("/api/folders/" + folder), 204);
        Api mallory = new Api(port);
        mallory.root();

        JsonNode refused = assertProblem(
                mallory.post("/api/archives", Map.of("items", List.of(mine.fileId()))), 404, "ITEM_NOT_FOUND");
        assertThat(refused.get("itemId").asString()).isEqualTo(mine.fileId().toString());
        assertProblem(
                alice.post("/api/archives", Map.of("items", List.of(mine.fileId(), folder))), 404, "ITEM_NOT_FOUND");
        assertProblem(alice.post("/api/archives", Map.of("items", List.of(UUID.randomUUID()))), 404, "ITEM_NOT_FOUND");
        assertProblem(alice.post("/api/archives", Map.of("items", List.of())), 400, "VALIDATION_FAILED");
        assertProblem(alice.post("/api/archives", Map.of("name", "x")), 400, "VALIDATION_FAILED");
        assertProblem(alice.post("/api/archives", "{\"items\":[\"not-a-uuid\"]}"), 400, "MALFORMED_REQUEST");
        assertProblem(
                alice.post("/api/archives", Map.of("items", List.of(mine.fileId()), "name", "a/b")),
                400,
                "INVALID_NAME");

        UUID id = UUID.fromString(ok(alice.post("/api/archives", Map.of("items", List.of(mine.fileId()))), 202)
                .get("id")
                .asString());
        assertProblem(mallory.get("/api/archives/" + id), 404, "ARCHIVE_NOT_FOUND");
        assertProblem(mallory.delete("/api/archives/" + id), 404, "ARCHIVE_NOT_FOUND");
        assertProblem(alice.get("/api/archives/" + UUID.randomUUID()), 404, "ARCHIVE_NOT_FOUND");
        ok(alice.get("/api/archives/" + id), 200);
    }

    @Test
    void theWorkersReportsMoveAnArchiveOnOnce() throws Exception {
        Ticket file = upload(alice.root(), "report.pdf", 1000);
        UUID id = archive(file.fileId());

        send(ArchiveProgressed.TYPE, id, new ArchiveProgressed(id, 1, 400, Instant.now()));
        JsonNode progressed = await(id, a -> a.get("bytesDone").asLong() == 400);
        assertThat(progressed.get("entriesDone").asInt()).isEqualTo(1);
        assertThat(progressed.get("status").asString()).isEqualTo("preparing");

        send(
                ArchiveFinished.TYPE,
                id,
                new ArchiveFinished(id, ArchiveFinished.Outcome.READY, 1, 1234, null, Instant.now()));
        JsonNode ready = await(id, a -> a.get("status").asString().equals("ready"));
        assertThat(ready.get("size").asLong()).isEqualTo(1234);
        assertThat(ready.get("bytesDone").asLong()).isEqualTo(1000);
        assertThat(ready.get("name").asString()).isEqualTo("report.zip");
        URI url = URI.create(ready.get("downloadUrl").asString());
        Instant urlExpires = Instant.parse(ready.get("downloadUrlExpiresAt").asString());
        assertThat(urlExpires).isBefore(Instant.parse(ready.get("expiresAt").asString()));
        assertThat(url.getPath()).startsWith("/dl/");
        Ticket ticket = tickets.verify(url.getPath().substring("/dl/".length()));
        assertThat(ticket.operation()).isEqualTo(Ticket.Operation.ARCHIVE);
        assertThat(ticket.objectKey()).isEqualTo(ObjectKeys.archive(id));
        assertThat(ticket.ownerId()).isEqualTo(alice.userId);
        assertThat(ticket.expiresAt()).isCloseTo(urlExpires, within(1, ChronoUnit.SECONDS));
        assertThat(ticket.maxBytes()).isEqualTo(1234);
        assertThat(ticket.delivery().fileName()).isEqualTo("report.zip");
        assertThat(ticket.delivery().contentType()).isEqualTo("application/zip");
        assertThat(ticket.delivery().inline()).isFalse();
        assertThat(ticket.delivery().lastModified()).isNotNull();

        // Late and redelivered reports change nothing any more.
        send(ArchiveProgressed.TYPE, id, new ArchiveProgressed(id, 0, 1, Instant.now()));
        send(
                ArchiveFinished.TYPE,
                id,
                new ArchiveFinished(id, ArchiveFinished.Outcome.FAILED, 1, 0, "too late", Instant.now()));
        UUID marker = archive(file.fileId());
        send(
                ArchiveFinished.TYPE,
                marker,
                new ArchiveFinished(
                        marker, ArchiveFinished.Outcome.FAILED, 1, 0, "A selected file was deleted.", Instant.now()));
        JsonNode failed = await(marker, a -> a.get("status").asString().equals("failed"));
        assertThat(failed.get("error").asString()).isEqualTo("A selected file was deleted.");
        assertThat(failed.get("downloadUrl").isNull()).isTrue();
        JsonNode still = ok(alice.get("/api/archives/" + id), 200);
        assertThat(still.get("status").asString()).isEqualTo("ready");
        assertThat(still.get("bytesDone").asLong()).isEqualTo(1000);
    }

    @Test
    void theOwnersOpenPagesSeeTheArchiveMoveOnAtOnce() throws Exception {
        Ticket file = upload(alice.root(), "live.bin", 2000);
        Api bob = new Api(port);
        try (EventStream stream = LiveEventsTest.open(port, alice.userId, Duration.ofMinutes(5));
                EventStream bobs = LiveEventsTest.open(port, bob.userId, Duration.ofMinutes(5))) {
            stream.await(e -> e.name().equals("open"), PATIENCE);
            UUID id = archive(file.fileId());
            send(ArchiveProgressed.TYPE, id, new ArchiveProgressed(id, 0, 1500, Instant.now()));
            JsonNode progressed = archiveEvent(stream, id, "preparing");
            assertThat(progressed.get("bytesDone").asLong()).isEqualTo(1500);
            assertThat(progressed.get("totalBytes").asLong()).isEqualTo(2000);
            assertThat(progressed.get("name").asString()).isEqualTo("live.zip");
            assertThat(progressed.has("downloadUrl")).isFalse();

            send(
                    ArchiveFinished.TYPE,
                    id,
                    new ArchiveFinished(id, ArchiveFinished.Outcome.READY, 1, 777, null, Instant.now()));
            JsonNode ready = archiveEvent(stream, id, "ready");
            assertThat(ready.get("size").asLong()).isEqualTo(777);
            // By the time the event arrives, the archive reads as ready with its download URL.
            assertThat(ok(alice.get("/api/archives/" + id), 200)
                            .get("downloadUrl")
                            .isNull())
                    .isFalse();

            ok(alice.delete("/api/archives/" + id), 204);
            archiveEvent(stream, id, "deleted");
            // A late report moves nothing and so tells no one.
            send(ArchiveProgressed.TYPE, id, new ArchiveProgressed(id, 1, 2000, Instant.now()));
            assertThat(stream.next(Duration.ofSeconds(1))).isEmpty();
            assertThat(bobs.next(Duration.ofMillis(100)).filter(e -> e.name().equals("archive")))
                    .isEmpty();
        }
    }

    private static JsonNode archiveEvent(EventStream stream, UUID id, String status) throws Exception {
        EventStream.Event event = stream.await(e -> e.name().equals("archive"), PATIENCE);
        JsonNode data = Api.JSON.readTree(event.data());
        assertThat(data.get("id").asString()).isEqualTo(id.toString());
        assertThat(data.get("status").asString()).isEqualTo(status);
        return data;
    }

    @Test
    void theCallersLiveArchivesAreListedNewestFirst() throws Exception {
        Api bob = new Api(port);
        Ticket file = upload(alice.root(), "listed.txt", 10);
        UUID first = archive(file.fileId());
        UUID deleted = archive(file.fileId());
        UUID last = archive(file.fileId());
        ok(alice.delete("/api/archives/" + deleted), 204);
        send(
                ArchiveFinished.TYPE,
                first,
                new ArchiveFinished(first, ArchiveFinished.Outcome.READY, 1, 321, null, Instant.now()));
        await(first, a -> a.get("status").asString().equals("ready"));

        JsonNode page = ok(alice.get("/api/archives?limit=1"), 200);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(last.toString());
        JsonNode rest = ok(
                alice.get(
                        "/api/archives?limit=5&cursor=" + page.get("nextCursor").asString()),
                200);
        assertThat(rest.get("items")).hasSize(1);
        JsonNode ready = rest.get("items").get(0);
        assertThat(ready.get("id").asString()).isEqualTo(first.toString());
        assertThat(ready.get("downloadUrl").asString()).contains("/dl/");
        assertThat(rest.get("nextCursor").isNull()).isTrue();

        assertThat(ok(bob.get("/api/archives"), 200).get("items")).isEmpty();
        assertProblem(alice.get("/api/archives?limit=0"), 400, "VALIDATION_FAILED");
        assertProblem(alice.get("/api/archives?cursor=not-a-cursor"), 400, "INVALID_CURSOR");
    }

    @Test
    void anArchiveWhoseBuildWentQuietIsAskedForAgainThenFailed() throws Exception {
        Ticket file = upload(alice.root(), "quiet.txt", 10);
        UUID quiet = archive(file.fileId());
        UUID busy = archive(file.fileId());
        EventProbe.Event first =
                EventProbe.await(ArchiveRequested.TOPIC, e -> quiet.toString().equals(e.key()), PATIENCE);
        jdbc.update(
                "UPDATE archives SET touched_at = now() - interval '11 minutes'" + " WHERE id IN (?, ?)", quiet, busy);
        // A progress report is news: that build is alive.
        send(ArchiveProgressed.TYPE, busy, new ArchiveProgressed(busy, 0, 1, Instant.now()));
        await(busy, a -> a.get("bytesDone").asLong() == 1);

        archives.retryStalled();

        EventProbe.Event second = EventProbe.await(
                ArchiveRequested.TOPIC,
                e -> quiet.toString().equals(e.key()) && !e.value().equals(first.value()),
                PATIENCE);
        ArchiveRequested again =
                Api.JSON.treeToValue(Api.JSON.readTree(second.value()).get("data"), ArchiveRequested.class);
        assertThat(again.manifestKey()).isEqualTo(ObjectKeys.archiveManifest(quiet));
        assertThat(again.entries()).isEqualTo(1);
        assertThat(attempts(quiet)).isEqualTo(2);
        assertThat(attempts(busy)).isEqualTo(1);
        assertThat(ok(alice.get("/api/archives/" + quiet), 200).get("status").asString())
                .isEqualTo("preparing");

        // The third attempt goes quiet too: the archive fails instead of waiting for its expiry.
        jdbc.update(
                "UPDATE archives SET touched_at = now() - interval '11 minutes', attempts = 3" + " WHERE id = ?",
                quiet);
        archives.retryStalled();
        JsonNode failed = ok(alice.get("/api/archives/" + quiet), 200);
        assertThat(failed.get("status").asString()).isEqualTo("failed");
        assertThat(failed.get("error").asString()).contains("could not be built");
        assertThat(ok(alice.get("/api/archives/" + busy), 200).get("status").asString())
                .isEqualTo("preparing");
    }

    @Test
    void archivesExpireOrAreDeletedAndTheirObjectsAreDiscarded() throws Exception {
        Ticket file = upload(alice.root(), "old.txt", 10);
        UUID old = archive(file.fileId());
        UUID fresh = archive(file.fileId());
        jdbc.update("UPDATE archives SET expires_at = now() - interval '1 minute' WHERE id = ?", old);

        assertThat(archives.expire()).isGreaterThanOrEqualTo(1);

        JsonNode expired = ok(alice.get("/api/archives/" + old), 200);
        assertThat(expired.get("status").asString()).isEqualTo("expired");
        assertThat(expired.get("downloadUrl").isNull()).isTrue();
        assertDiscarded(old, ArchiveDiscarded.Reason.EXPIRED);
        assertThat(ok(alice.get("/api/archives/" + fresh), 200).get("status").asString())
                .isEqualTo("preparing");
        // the worker finishing an expired archive gets its zip deleted again
        send(
                ArchiveFinished.TYPE,
                old,
                new ArchiveFinished(old, ArchiveFinished.Outcome.READY, 1, 99, null, Instant.now()));
        EventProbe.await(
                ArchiveDiscarded.TOPIC,
                e -> old.toString().equals(e.key())
                        && e.value().contains("\"EXPIRED\"")
                        && !e.value().equals(firstDiscard(old)),
                PATIENCE);

        ok(alice.delete("/api/archives/" + fresh), 204);
        assertProblem(alice.get("/api/archives/" + fresh), 404, "ARCHIVE_NOT_FOUND");
        assertProblem(alice.delete("/api/archives/" + fresh), 404, "ARCHIVE_NOT_FOUND");
        assertDiscarded(fresh, ArchiveDiscarded.Reason.DELETED);
        // Asking for an archive and deleting it are in the owner's activity log at once.
        JsonNode activity =
                ok(alice.get("/api/activity?resourceId=" + fresh), 200).get("items");
        assertThat(activity).hasSize(2);
        assertThat(activity.get(0).get("action").asString()).isEqualTo("archive.deleted");
        JsonNode requested = activity.get(1);
        assertThat(requested.get("action").asString()).isEqualTo("archive.requested");
        assertThat(requested.get("resourceKind").asString()).isEqualTo("archive");
        assertThat(requested.get("resourceName").asString()).isEqualTo("old.zip");
        assertThat(requested.get("details").get("entries").asInt()).isEqualTo(1);

        jdbc.update("UPDATE archives SET expires_at = now() - interval '8 days' WHERE id = ?", old);
        archives.expire();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM archives WHERE id = ?", Integer.class, old))
                .isZero();
    }

    @Test
    void seventyThousandFilesFitOneManifestButAHundredThousandAreTooMany() throws Exception {
        UUID root = alice.root();
        UUID blob = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO blobs (id, owner_id, size, stored, created_at)" + " VALUES (?, ?, 10, true, now())",
                blob,
                alice.userId);
        UUID big = tree(root, "Big", 700, blob);

        long started = System.nanoTime();
        JsonNode archive = ok(alice.post("/api/archives", Map.of("items", List.of(big))), 202);
        System.out.printf("70,701-entry archive requested in %d ms%n", (System.nanoTime() - started) / 1_000_000);

        assertThat(archive.get("entries").asInt()).isEqualTo(70_701);
        assertThat(archive.get("totalBytes").asLong()).isEqualTo(700_000);
        List<ArchiveManifest.Entry> manifest =
                manifest(UUID.fromString(archive.get("id").asString()));
        assertThat(manifest).hasSize(70_701);
        assertThat(manifest.getFirst().path()).isEqualTo("Big/");
        assertThat(manifest.get(1).path()).isEqualTo("Big/d000/");
        assertThat(manifest.get(2).path()).isEqualTo("Big/d000/f000.txt");
        assertThat(manifest.getLast().path()).isEqualTo("Big/d699/f099.txt");
        assertThat(manifest.stream().filter(e -> !e.isFolder()))
                .allMatch(e -> e.blobId().equals(blob) && e.size() == 10);

        UUID more = tree(root, "More", 300, blob);
        JsonNode tooLarge = assertProblem(
                alice.post("/api/archives", Map.of("items", List.of(big, more))), 413, "ARCHIVE_TOO_LARGE");
        assertThat(tooLarge.get("entries").asLong()).isEqualTo(70_701 + 30_301);
        assertThat(tooLarge.get("maxEntries").asLong()).isEqualTo(100_000);
    }

    /** A folder with {@code folders} subfolders of 100 files of 10 bytes each, written by SQL. */
    private UUID tree(UUID root, String name, int folders, UUID blob) throws Exception {
        UUID top = alice.folder(root, name);
        jdbc.update(
                "INSERT INTO items (id, owner_id, parent_id, ancestors, kind, name, name_key,"
                        + " created_at, modified_at) SELECT gen_random_uuid(), ?, ?, ARRAY[?, ?]::uuid[],"
                        + " 'folder', 'd' || lpad(g::text, 3, '0'), 'd' || lpad(g::text, 3, '0'), now(), now()"
                        + " FROM generate_series(0, ? - 1) g",
                alice.userId,
                top,
                root,
                top,
                folders);
        jdbc.update(
                "WITH f AS MATERIALIZED (SELECT gen_random_uuid() AS id,"
                        + " gen_random_uuid() AS version, d.id AS parent, d.ancestors || d.id AS ancestors,"
                        + " 'f' || lpad(g::text, 3, '0') || '.txt' AS name FROM items d,"
                        + " generate_series(0, 99) g WHERE d.parent_id = ?),"
                        + " files AS (INSERT INTO items (id, owner_id, parent_id, ancestors, kind, name,"
                        + " name_key, size, mime_type, content_status, current_version_id, created_at,"
                        + " modified_at) SELECT id, ?, parent, ancestors, 'file', name, name, 10, 'text/plain',"
                        + " 'ready', version, now(), now() FROM f)"
                        + " INSERT INTO versions (id, file_id, number, blob_id, size, mime_type, status,"
                        + " created_at, created_by) SELECT version, id, 1, ?, 10, 'text/plain', 'ready', now(), ?"
                        + " FROM f",
                top,
                alice.userId,
                blob,
                alice.userId);
        return top;
    }

    // --- helpers -------------------------------------------------------------------------------

    private int attempts(UUID archive) {
        return jdbc.queryForObject("SELECT attempts FROM archives WHERE id = ?", Integer.class, archive);
    }

    private UUID archive(UUID item) throws Exception {
        return UUID.fromString(ok(alice.post("/api/archives", Map.of("items", List.of(item))), 202)
                .get("id")
                .asString());
    }

    /** Starts an upload and plays the upload side: the bytes "arrive" and the event is sent. */
    private Ticket upload(UUID folder, String name, long size) throws Exception {
        return alice.upload(folder, name, size, kafka, tickets);
    }

    private <T> void send(EventType<T> type, UUID key, T data) throws Exception {
        EventEnvelope<T> event = EventEnvelope.of(type, "/test", key.toString(), data, Instant.now());
        kafka.send(type.name(), event.subject(), Api.JSON.writeValueAsBytes(event))
                .get();
    }

    private JsonNode await(UUID id, Predicate<JsonNode> condition) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode archive = null;
        while (Instant.now().isBefore(deadline)) {
            archive = ok(alice.get("/api/archives/" + id), 200);
            if (condition.test(archive)) {
                return archive;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("archive " + id + " never got there: " + archive);
    }

    private List<ArchiveManifest.Entry> manifest(UUID id) throws Exception {
        try (InputStream in = s3.getObject(GetObjectArgs.builder()
                        .bucket(TestInfra.variables().get("DEPOT_S3_BUCKET"))
                        .object(ObjectKeys.archiveManifest(id))
                        .build());
                var entries = ArchiveManifest.read(in)) {
            return entries.toList();
        }
    }

    private final Map<UUID, String> discards = new java.util.HashMap<>();

    private void assertDiscarded(UUID id, ArchiveDiscarded.Reason reason) throws Exception {
        EventProbe.Event event =
                EventProbe.await(ArchiveDiscarded.TOPIC, e -> id.toString().equals(e.key()), PATIENCE);
        ArchiveDiscarded discarded =
                Api.JSON.treeToValue(Api.JSON.readTree(event.value()).get("data"), ArchiveDiscarded.class);
        assertThat(discarded.reason()).isEqualTo(reason);
        assertThat(discarded.ownerId()).isEqualTo(alice.userId);
        discards.put(id, event.value());
    }

    private String firstDiscard(UUID id) {
        return discards.get(id);
    }
}
