package dev.depot.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.depot.contracts.ObjectKeys;
import dev.depot.contracts.accounts.v1.UserDeleted;
import dev.depot.contracts.accounts.v1.UserRegistered;
import dev.depot.contracts.archives.v1.ArchiveDiscarded;
import dev.depot.contracts.archives.v1.ArchiveFinished;
import dev.depot.contracts.archives.v1.ArchiveManifest;
import dev.depot.contracts.archives.v1.ArchiveProgressed;
import dev.depot.contracts.archives.v1.ArchiveRequested;
import dev.depot.contracts.files.v1.BlobsReleased;
import dev.depot.contracts.files.v1.VersionStored;
import dev.depot.contracts.mail.v1.MailRequested;
import dev.depot.contracts.notifications.v1.UserNotified;
import dev.depot.contracts.processing.v1.VersionProcessed;
import dev.depot.contracts.uploads.v1.UploadAbandoned;
import dev.depot.contracts.uploads.v1.UploadCompleted;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Each event, as it is written to Kafka, is accepted by the JSON Schema published for it. */
class EventSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    @Test
    void accountEventsMatchTheirSchemas() {
        UUID user = UUID.randomUUID();
        Instant now = Instant.parse("2026-11-22T10:15:30.123456Z");
        assertValid(EventEnvelope.of(
                UserRegistered.TYPE,
                "/depot/auth-service",
                user.toString(),
                new UserRegistered(user, "alice", "alice@example.org", now),
                now));
        assertValid(EventEnvelope.of(
                UserDeleted.TYPE, "/depot/auth-service", user.toString(), new UserDeleted(user, now), now));
    }

    @Test
    void mailRequestsMatchTheirSchema() {
        assertValid(EventEnvelope.of(
                MailRequested.TYPE,
                "/depot/auth-service",
                "k",
                new MailRequested("a@example.org", "verify-email", Map.of("link", "http://x")),
                Instant.now()));
    }

    @Test
    void uploadEventsMatchTheirSchemas() {
        UUID file = UUID.randomUUID();
        Instant now = Instant.now();
        assertValid(EventEnvelope.of(
                UploadCompleted.TYPE,
                "/depot/upload-service",
                file.toString(),
                new UploadCompleted(file, UUID.randomUUID(), UUID.randomUUID(), 42, "a".repeat(64), now),
                now));
        assertValid(EventEnvelope.of(
                UploadCompleted.TYPE,
                "/depot/upload-service",
                file.toString(),
                new UploadCompleted(file, UUID.randomUUID(), UUID.randomUUID(), 0, null, now),
                now));
        assertValid(EventEnvelope.of(
                UploadAbandoned.TYPE,
                "/depot/upload-service",
                file.toString(),
                new UploadAbandoned(file, UUID.randomUUID(), UUID.randomUUID(), UploadAbandoned.Reason.EXPIRED, now),
                now));
    }

    @Test
    void processingEventsMatchTheirSchemas() {
        UUID file = UUID.randomUUID();
        UUID blob = UUID.randomUUID();
        Instant now = Instant.now();
        assertValid(EventEnvelope.of(
                VersionStored.TYPE,
                "/depot/metadata-service",
                file.toString(),
                new VersionStored(file, UUID.randomUUID(), blob, UUID.randomUUID(), 42, "image/png", null, 1, now),
                now));
        assertValid(EventEnvelope.of(
                VersionProcessed.TYPE,
                "/depot/transcode-worker",
                file.toString(),
                new VersionProcessed(
                        file,
                        UUID.randomUUID(),
                        blob,
                        "image/png",
                        "b".repeat(64),
                        VersionProcessed.Outcome.READY,
                        null,
                        List.of(new VersionProcessed.Preview(
                                "small", ObjectKeys.preview(blob, "small"), "image/jpeg", 256, 192)),
                        now),
                now));
        assertValid(EventEnvelope.of(
                VersionProcessed.TYPE,
                "/depot/transcode-worker",
                file.toString(),
                new VersionProcessed(
                        file,
                        UUID.randomUUID(),
                        blob,
                        "application/octet-stream",
                        "c".repeat(64),
                        VersionProcessed.Outcome.PREVIEW_FAILED,
                        "not a readable image",
                        List.of(),
                        now),
                now));
    }

    @Test
    void fileEventsMatchTheirSchemas() {
        UUID owner = UUID.randomUUID();
        Instant now = Instant.now();
        assertValid(EventEnvelope.of(
                BlobsReleased.TYPE,
                "/depot/metadata-service",
                owner.toString(),
                new BlobsReleased(owner, List.of(UUID.randomUUID()), now),
                now));
    }

    @Test
    void archiveEventsMatchTheirSchemas() {
        UUID archive = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        Instant now = Instant.now();
        String key = archive.toString();
        assertValid(EventEnvelope.of(
                ArchiveRequested.TYPE,
                "/depot/metadata-service",
                key,
                new ArchiveRequested(archive, owner, ObjectKeys.archiveManifest(archive), 70_001, 5L << 32, now),
                now));
        assertValid(EventEnvelope.of(
                ArchiveProgressed.TYPE,
                "/depot/transcode-worker",
                key,
                new ArchiveProgressed(archive, 12, 4096, now),
                now));
        assertValid(EventEnvelope.of(
                ArchiveFinished.TYPE,
                "/depot/transcode-worker",
                key,
                new ArchiveFinished(archive, ArchiveFinished.Outcome.READY, 3, 1234, null, now),
                now));
        assertValid(EventEnvelope.of(
                ArchiveFinished.TYPE,
                "/depot/transcode-worker",
                key,
                new ArchiveFinished(
                        archive, ArchiveFinished.Outcome.FAILED, 3, 0, "\"a.txt\" is no longer stored", now),
                now));
        assertValid(EventEnvelope.of(
                ArchiveDiscarded.TYPE,
                "/depot/metadata-service",
                key,
                new ArchiveDiscarded(archive, owner, ArchiveDiscarded.Reason.EXPIRED, now),
                now));
    }

    @Test
    void notificationsMatchTheirSchemaAndKeepNulls() {
        UUID user = UUID.randomUUID();
        UUID archive = UUID.randomUUID();
        Instant now = Instant.now();
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("status", "preparing");
        state.put("entriesDone", 3);
        state.put("size", null);
        EventEnvelope<UserNotified> event = EventEnvelope.of(
                UserNotified.TYPE,
                "/depot/metadata-service",
                user.toString(),
                new UserNotified(user, "archive", archive, state, now),
                now);
        assertValid(event);
        JsonNode data = JSON.valueToTree(event).get("data");
        assertThat(data.get("state").has("size")).isTrue();
        assertThat(data.get("state").get("size").isNull()).isTrue();
        ObjectNode bad = JSON.valueToTree(EventEnvelope.of(
                UserNotified.TYPE,
                "/test",
                user.toString(),
                new UserNotified(user, "Archive Changed", archive, state, now),
                now));
        assertThat(schema(UserNotified.TOPIC).validate(bad)).isNotEmpty();
    }

    @Test
    void manifestLinesMatchTheirSchemaAndReadBack() {
        Instant now = Instant.parse("2026-11-22T10:15:30Z");
        List<ArchiveManifest.Entry> entries = List.of(
                ArchiveManifest.Entry.folder("Fotos/leer", now),
                ArchiveManifest.Entry.file("Fotos/Ca\u0301fe\u0301 #1?.jpg", UUID.randomUUID(), 42, "image/jpeg", now),
                ArchiveManifest.Entry.file("notes", UUID.randomUUID(), 0, null, now));
        Schema schema = schema("depot.archives.manifest-entry.v1");
        for (ArchiveManifest.Entry entry : entries) {
            JsonNode line = JSON.readTree(ArchiveManifest.line(entry));
            assertThat(schema.validate(line)).as(line.toString()).isEmpty();
        }
        assertThat(entries.getFirst().path()).isEqualTo("Fotos/leer/");
        var out = new java.io.ByteArrayOutputStream();
        ArchiveManifest.write(entries, out);
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8).lines())
                .hasSize(3);
        try (var read = ArchiveManifest.read(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            assertThat(read.toList()).isEqualTo(entries);
        }
        assertThat(schema.validate(JSON.readTree("{\"path\":\"../etc/passwd\",\"blobId\":\""
                        + UUID.randomUUID()
                        + "\",\"size\":1,\"modifiedAt\":\"2026-11-22T10:15:30Z\"}")))
                .isNotEmpty();
        assertThat(schema.validate(JSON.readTree("{\"path\":\"a/\",\"blobId\":\""
                        + UUID.randomUUID()
                        + "\",\"size\":1,\"modifiedAt\":\"2026-11-22T10:15:30Z\"}")))
                .isNotEmpty();
    }

    @Test
    void theSchemasRefuseMalformedFileEvents() {
        UUID owner = UUID.randomUUID();
        UUID file = UUID.randomUUID();
        ObjectNode stored = JSON.valueToTree(EventEnvelope.of(
                VersionStored.TYPE,
                "/test",
                file.toString(),
                new VersionStored(
                        file,
                        UUID.randomUUID(),
                        UUID.randomUUID(),
                        owner,
                        1,
                        "text/plain",
                        "NOT-A-SHA256",
                        1,
                        Instant.now()),
                Instant.now()));
        assertThat(schema(VersionStored.TOPIC).validate(stored)).isNotEmpty();
        ObjectNode released = JSON.valueToTree(EventEnvelope.of(
                BlobsReleased.TYPE,
                "/test",
                owner.toString(),
                new BlobsReleased(owner, List.of(), Instant.now()),
                Instant.now()));
        assertThat(schema(BlobsReleased.TOPIC).validate(released)).isNotEmpty();
    }

    @Test
    void theSchemasRefuseWhatConsumersCouldNotRead() {
        UUID user = UUID.randomUUID();
        ObjectNode event = JSON.valueToTree(EventEnvelope.of(
                UserDeleted.TYPE, "/test", user.toString(), new UserDeleted(user, Instant.now()), Instant.now()));
        ((ObjectNode) event.get("data")).remove("userId");
        assertThat(schema(UserDeleted.TOPIC).validate(event)).isNotEmpty();
        event.put("type", UserRegistered.TOPIC);
        assertThat(schema(UserDeleted.TOPIC).validate(event)).hasSizeGreaterThanOrEqualTo(2);
    }

    private static void assertValid(EventEnvelope<?> event) {
        JsonNode json = JSON.readTree(JSON.writeValueAsString(event));
        assertThat(schema(event.type()).validate(json)).as(json.toString()).isEmpty();
    }

    private static Schema schema(String topic) {
        InputStream in = EventSchemasTest.class.getResourceAsStream("/schemas/" + topic + ".json");
        assertThat(in).as("schema of " + topic).isNotNull();
        return REGISTRY.getSchema(in);
    }
}
