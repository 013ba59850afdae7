package dev.depot.e2e;

import static dev.depot.e2e.GatewayUser.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.depot.localinfra.EventStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Zip archives through the gateway: a small tree uploaded with tus, archived in the background,
 * followed on the live event stream, downloaded through the signed URL the API hands out (whole and
 * by range) and read with {@link ZipFile}; then an archive whose worker is killed with SIGKILL
 * halfway and started again, followed on the stream through the edge.
 */
class ArchivesThroughGatewayTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final int MIB = 1024 * 1024;
    private static final String GATEWAY = "http://127.0.0.1:8080";
    private static final String EDGE = "http://127.0.0.1:8088";
    private static GatewayUser user;

    @TempDir
    Path dir;

    @BeforeAll
    static void signUp() throws Exception {
        user = GatewayUser.signUp("archives");
    }

    @Test
    void aTreeIsArchivedAndDownloadedThroughItsSignedUrl() throws Exception {
        String root =
                ok(send("GET", "/api/folders/root", null), 200).at("/folder/id").asString();
        String trip = folder(root, "Trip \u2708\ufe0f Z\u00fcrich");
        String photos = folder(trip, "photos");
        folder(trip, "empty");
        Map<String, byte[]> expected = new LinkedHashMap<>();
        byte[] notes = "packing list\n- passport\n".getBytes(StandardCharsets.UTF_8);
        byte[] photo = new byte[300 * 1024];
        new Random(3).nextBytes(photo);
        byte[] readme = "\u65e5\u672c\u8a9e\u306e\u30e1\u30e2".getBytes(StandardCharsets.UTF_8);
        upload(trip, "notes #1.txt", notes, "text/plain");
        upload(photos, "\u05e9\u05dc\u05d5\u05dd.jpg", photo, "image/jpeg");
        String readmeId = upload(root, "readme.txt", readme, "text/plain");
        String tripName = "Trip \u2708\ufe0f Z\u00fcrich/";
        expected.put(tripName, null);
        expected.put(tripName + "empty/", null);
        expected.put(tripName + "notes #1.txt", notes);
        expected.put(tripName + "photos/", null);
        expected.put(tripName + "photos/\u05e9\u05dc\u05d5\u05dd.jpg", photo);
        expected.put("readme.txt", readme);

        String id;
        try (EventStream events = user.events(GATEWAY)) {
            HttpResponse<String> created =
                    send("POST", "/api/archives", Map.of("items", List.of(trip, readmeId), "name", "trip"));
            JsonNode archive = ok(created, 202);
            id = archive.get("id").asString();
            assertThat(created.headers().firstValue("Location")).hasValue("/api/archives/" + id);
            assertThat(archive.get("entries").asInt()).isEqualTo(expected.size());

            JsonNode pushed =
                    pushed(events, id, a -> !a.get("status").asString().equals("preparing"), Duration.ofSeconds(120));
            assertThat(pushed.get("status").asString()).as(pushed.toString()).isEqualTo("ready");
            assertThat(pushed.get("entriesDone").asInt()).isEqualTo(expected.size());
        }
        JsonNode ready = ok(send("GET", "/api/archives/" + id, null), 200);
        assertThat(ready.get("status").asString()).as(ready.toString()).isEqualTo("ready");
        assertThat(ready.get("name").asString()).isEqualTo("trip.zip");
        String url = ready.get("downloadUrl").asString();

        Path zip = dir.resolve("trip.zip");
        HttpResponse<Path> download =
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofFile(zip));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment")
                .contains("trip.zip");
        assertThat(Files.size(zip)).isEqualTo(ready.get("size").asLong());
        HttpResponse<byte[]> head = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Range", "bytes=0-3")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(head.body()).containsExactly('P', 'K', 3, 4);

        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            assertThat(Collections.list(file.entries()))
                    .extracting(ZipEntry::getName)
                    .containsExactlyElementsOf(expected.keySet());
            for (var entry : expected.entrySet()) {
                if (entry.getValue() != null) {
                    try (var in = file.getInputStream(file.getEntry(entry.getKey()))) {
                        assertThat(in.readAllBytes()).as(entry.getKey()).isEqualTo(entry.getValue());
                    }
                }
            }
        }
        ok(send("DELETE", "/api/archives/" + id, null), 204);
        assertThat(send("GET", "/api/archives/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void anArchiveWhoseWorkerIsKilledHalfwayIsBuiltAgain() throws Exception {
        String root =
                ok(send("GET", "/api/folders/root", null), 200).at("/folder/id").asString();
        String big = folder(root, "big-" + System.nanoTime());
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] data = new byte[40 * MIB + i];
            new Random(10 + i).nextBytes(data);
            files.add(data);
            // random bytes declared as octet-stream are deflated: slow enough to be caught halfway
            upload(big, "part-" + i + ".bin", data, "application/octet-stream");
        }
        JsonNode ready;
        try (EventStream events = user.events(EDGE)) {
            String id = ok(send("POST", "/api/archives", Map.of("items", List.of(big))), 202)
                    .get("id")
                    .asString();

            JsonNode halfway = pushed(
                    events,
                    id,
                    a -> a.get("bytesDone").asLong() > 0
                            || !a.get("status").asString().equals("preparing"),
                    Duration.ofSeconds(120));
            assertThat(halfway.get("status").asString())
                    .as("still building when the worker is killed")
                    .isEqualTo("preparing");
            LocalStack.stop("transcode-worker", 8085, true).start();

            JsonNode outcome =
                    pushed(events, id, a -> !a.get("status").asString().equals("preparing"), Duration.ofSeconds(300));
            assertThat(outcome.get("status").asString()).as(outcome.toString()).isEqualTo("ready");
            ready = ok(send("GET", "/api/archives/" + id, null), 200);
        }
        Path zip = dir.resolve("big.zip");
        HttpResponse<Path> download = HTTP.send(
                HttpRequest.newBuilder(URI.create(ready.get("downloadUrl").asString()))
                        .build(),
                HttpResponse.BodyHandlers.ofFile(zip));
        assertThat(download.statusCode()).isEqualTo(200);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertThat(file.size()).isEqualTo(files.size() + 1);
            for (int i = 0; i < files.size(); i++) {
                ZipEntry entry = Collections.list(file.entries()).stream()
                        .filter(e -> !e.isDirectory())
                        .toList()
                        .get(i);
                assertThat(entry.getName()).endsWith("/part-" + i + ".bin");
                try (var in = file.getInputStream(entry)) {
                    assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(files.get(i)));
                }
            }
        }
    }

    private static String folder(String parent, String name) throws Exception {
        return ok(send("POST", "/api/folders", Map.of("parentId", parent, "name", name)), 201)
                .get("id")
                .asString();
    }

    /** Uploads in one tus creation-with-upload request and waits until the file is listed. */
    private static String upload(String folder, String name, byte[] data, String mimeType) throws Exception {
        JsonNode started = ok(
                send(
                        "POST",
                        "/api/files",
                        Map.of("folderId", folder, "name", name, "size", data.length, "mimeType", mimeType)),
                201);
        HttpResponse<Void> created = GatewayUser.tusCreateWithUpload(started, data);
        assertThat(created.statusCode()).isEqualTo(201);
        String fileId = started.get("fileId").asString();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (send("GET", "/api/files/" + fileId, null).statusCode() == 200) {
                return fileId;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(name + " never listed");
    }

    /** The first state of archive {@code id} pushed on the stream that meets the condition. */
    private static JsonNode pushed(EventStream events, String id, Predicate<JsonNode> condition, Duration timeout)
            throws Exception {
        EventStream.Event event = events.await(
                e -> e.name().equals("archive")
                        && condition.test(GatewayUser.JSON.readTree(e.data()))
                        && GatewayUser.JSON
                                .readTree(e.data())
                                .get("id")
                                .asString()
                                .equals(id),
                timeout);
        return GatewayUser.JSON.readTree(event.data());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static HttpResponse<String> send(String method, String path, Object body) throws Exception {
        return user.send(method, path, body);
    }
}
