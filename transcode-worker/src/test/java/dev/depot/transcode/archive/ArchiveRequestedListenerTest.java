package dev.depot.transcode.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.depot.contracts.ObjectKeys;
import dev.depot.contracts.archives.v1.ArchiveDiscarded;
import dev.depot.contracts.archives.v1.ArchiveFinished;
import dev.depot.contracts.archives.v1.ArchiveManifest;
import dev.depot.contracts.archives.v1.ArchiveProgressed;
import dev.depot.contracts.archives.v1.ArchiveRequested;
import dev.depot.contracts.events.EventEnvelope;
import dev.depot.localinfra.EventProbe;
import dev.depot.localinfra.TestInfra;
import io.minio.CreateMultipartUploadArgs;
import io.minio.DownloadObjectArgs;
import io.minio.ListMultipartUploadsArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.UploadPartArgs;
import io.minio.errors.ErrorResponseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Zip archives built on real Kafka and a real S3 server: a manifest and an ArchiveRequested event
 * in, a zip that {@code unzip -t} and {@link ZipFile} accept and an ArchiveFinished event out.
 */
@ExtendWith(TestInfra.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ArchiveRequestedListenerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration WAIT_LONG = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant MODIFIED = Instant.parse("2026-03-14T15:09:26Z");

    /** One name per tricky case; each is a path inside the archive. */
    static final List<String> TRICKY_NAMES = List.of(
            "unicode/Caf\u00e9 (NFC).txt",
            "unicode/Cafe\u0301 (NFD).txt",
            "unicode/\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd.txt",
            "unicode/\u0645\u0631\u062d\u0628\u0627 123.txt",
            "unicode/\ud83d\udcc1 emoji/\ud83c\udf89 party \ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67.txt",
            "unicode/\u65e5\u672c\u8a9e/\u6587\u4ef6 \u6d4b\u8bd5 \ud55c\uad6d\uc5b4.txt",
            "unicode/Z\u0324\u0354\u0367\u0311\u0343a\u0308\u0356\u032d\u0308\u0307l\u036e\u0312\u036b.txt",
            "unicode/a name with spaces #1 100% what?.txt",
            "unicode/deep/er/and/deeper/still/file.txt");

    private static final Schema FINISHED_SCHEMA = schema(ArchiveFinished.TOPIC);
    private static final Schema PROGRESS_SCHEMA = schema(ArchiveProgressed.TOPIC);

    @Autowired
    MinioClient s3;

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @TempDir
    Path dir;

    @Test
    void seventyThousandSmallFilesAndTrickyNamesMakeAValidZip64Archive() throws Exception {
        List<UUID> blobs = new ArrayList<>();
        Map<UUID, byte[]> contents = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            byte[] bytes = ("small file number " + i + "\n").repeat(i + 1).getBytes(StandardCharsets.UTF_8);
            blobs.add(put(bytes));
            contents.put(blobs.getLast(), bytes);
        }
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(big);
        UUID bigBlob = put(big);
        contents.put(bigBlob, big);
        byte[] jpeg = "\u00ff\u00d8 not really a jpeg".getBytes(StandardCharsets.ISO_8859_1);
        UUID jpegBlob = put(jpeg);
        contents.put(jpegBlob, jpeg);

        List<ArchiveManifest.Entry> entries = new ArrayList<>();
        entries.add(ArchiveManifest.Entry.folder("bulk/", MODIFIED));
        for (int d = 0; d < 700; d++) {
            String folder = String.format("bulk/d%03d/", d);
            entries.add(ArchiveManifest.Entry.folder(folder, MODIFIED));
            for (int f = 0; f < 100; f++) {
                UUID blob = blobs.get((d + f) % blobs.size());
                entries.add(ArchiveManifest.Entry.file(
                        folder + String.format("f%05d.txt", d * 100 + f),
                        blob,
                        contents.get(blob).length,
                        "text/plain",
                        MODIFIED));
            }
        }
        entries.add(ArchiveManifest.Entry.folder("empty folder/", MODIFIED));
        for (String name : TRICKY_NAMES) {
            entries.add(ArchiveManifest.Entry.file(
                    name, blobs.get(1), contents.get(blobs.get(1)).length, "text/plain", MODIFIED));
        }
        entries.add(
                ArchiveManifest.Entry.file("media/big.bin", bigBlob, big.length, "application/octet-stream", MODIFIED));
        entries.add(ArchiveManifest.Entry.file("media/photo.jpg", jpegBlob, jpeg.length, "image/jpeg", MODIFIED));
        entries.add(ArchiveManifest.Entry.file("media/photo.jpg", jpegBlob, jpeg.length, "image/jpeg", MODIFIED));

        UUID archive = UUID.randomUUID();
        long started = System.nanoTime();
        ArchiveFinished finished = request(archive, entries, WAIT_LONG);
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(finished.outcome()).isEqualTo(ArchiveFinished.Outcome.READY);
        assertThat(finished.entries()).isEqualTo(entries.size());
        Path zip = download(archive);
        assertThat(Files.size(zip)).isEqualTo(finished.size());
        System.out.printf(
                "archive of %d entries (%d bytes) built in %.1f s%n", entries.size(), finished.size(), seconds);

        assertUnzipAccepts(zip);
        assertThat(hasZip64EndRecord(zip)).as("ZIP64 end of central directory").isTrue();
        try (ZipFile file = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            assertThat(file.size()).isEqualTo(entries.size());
            Map<String, ZipEntry> byName = new HashMap<>();
            Collections.list(file.entries()).forEach(e -> byName.put(e.getName(), e));
            assertThat(byName).hasSize(entries.size());
            assertThat(byName).containsKeys(TRICKY_NAMES.toArray(String[]::new));
            assertThat(byName)
                    .containsKeys(
                            "bulk/d000/",
                            "bulk/d699/f69999.txt",
                            "empty folder/",
                            "media/photo.jpg",
                            "media/photo (1).jpg");
            assertThat(byName.get("empty folder/").isDirectory()).isTrue();
            assertThat(byName.get("media/photo.jpg").getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(byName.get("bulk/d000/f00000.txt").getMethod()).isEqualTo(ZipEntry.DEFLATED);
            assertThat(byName.get("bulk/d000/f00000.txt").getLastModifiedTime().toInstant())
                    .isEqualTo(MODIFIED);
            long bytes = 0;
            for (ArchiveManifest.Entry entry : entries) {
                bytes += entry.size();
            }
            long read = 0;
            for (ZipEntry entry : byName.values()) {
                try (InputStream in = file.getInputStream(entry)) {
                    read += in.transferTo(OutputStreamSink.INSTANCE);
                }
            }
            assertThat(read).isEqualTo(bytes);
            try (InputStream in = file.getInputStream(byName.get("media/big.bin"))) {
                assertThat(in.readAllBytes()).isEqualTo(big);
            }
            try (InputStream in = file.getInputStream(byName.get(TRICKY_NAMES.get(1)))) {
                assertThat(in.readAllBytes()).isEqualTo(contents.get(blobs.get(1)));
            }
        }
        EventProbe.Event progress =
                EventProbe.await(ArchiveProgressed.TOPIC, e -> e.key().equals(archive.toString()), WAIT);
        JsonNode envelope = JSON.readTree(progress.value());
        assertThat(PROGRESS_SCHEMA.validate(envelope)).as(progress.value()).isEmpty();
        assertThat(envelope.at("/data/entriesDone").asInt()).isPositive();
    }

    @Test
    void bigFilesStreamThroughSeveralUploadParts() throws Exception {
        byte[] video = new byte[40 * 1024 * 1024 + 123];
        new Random(2).nextBytes(video);
        byte[] text = "compressible line\n".repeat(400_000).getBytes(StandardCharsets.UTF_8);
        List<ArchiveManifest.Entry> entries = List.of(
                ArchiveManifest.Entry.file("movie.mp4", put(video), video.length, "video/mp4", MODIFIED),
                ArchiveManifest.Entry.file("log.txt", put(text), text.length, "text/plain", MODIFIED));
        UUID archive = UUID.randomUUID();

        long started = System.nanoTime();
        ArchiveFinished finished = request(archive, entries, WAIT);
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(finished.outcome()).isEqualTo(ArchiveFinished.Outcome.READY);
        // more than two 16 MB parts: the parts were stitched in order
        assertThat(finished.size()).isGreaterThan(32L * 1024 * 1024);
        System.out.printf(
                "archive of %d MiB built in %.1f s (%.0f MB/s)%n",
                (video.length + text.length) >> 20, seconds, (video.length + text.length) / 1e6 / seconds);
        Path zip = download(archive);
        assertUnzipAccepts(zip);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry movie = file.getEntry("movie.mp4");
            // already compressed: deflate level 0 adds only block headers
            assertThat(movie.getCompressedSize()).isBetween((long) video.length, video.length + video.length / 1000L);
            assertThat(file.getEntry("log.txt").getCompressedSize()).isLessThan(text.length / 50);
            try (InputStream in = file.getInputStream(movie)) {
                assertThat(in.readAllBytes()).isEqualTo(video);
            }
            try (InputStream in = file.getInputStream(file.getEntry("log.txt"))) {
                assertThat(in.readAllBytes()).isEqualTo(text);
            }
        }
    }

    @Test
    void aRequestDeliveredAgainAfterAPartialAttemptBuildsTheSameValidArchive() throws Exception {
        byte[] bytes = "again and again\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        UUID blob = put(bytes);
        List<ArchiveManifest.Entry> entries = List.of(
                ArchiveManifest.Entry.folder("again/", MODIFIED),
                ArchiveManifest.Entry.file("again/one.txt", blob, bytes.length, "text/plain", MODIFIED),
                ArchiveManifest.Entry.file("again/two.txt", blob, bytes.length, "text/plain", MODIFIED));
        UUID archive = UUID.randomUUID();
        // What a worker stopped halfway leaves behind: an unfinished upload with one part.
        MinioAsyncClient async = asyncClient();
        String uploadId = async.createMultipartUpload(CreateMultipartUploadArgs.builder()
                        .bucket(bucket())
                        .object(ObjectKeys.archive(archive))
                        .build())
                .get()
                .result()
                .uploadId();
        byte[] partial = new byte[5 * 1024 * 1024];
        async.uploadPart(UploadPartArgs.builder()
                        .bucket(bucket())
                        .object(ObjectKeys.archive(archive))
                        .uploadId(uploadId)
                        .partNumber(1)
                        .data(partial, partial.length)
                        .build())
                .get();
        assertThat(unfinished(async, archive)).isEqualTo(1);
        assertThat(exists(ObjectKeys.archive(archive))).isFalse();

        putManifest(archive, entries);
        EventEnvelope<ArchiveRequested> event = EventEnvelope.of(
                ArchiveRequested.TYPE,
                "/test",
                archive.toString(),
                new ArchiveRequested(
                        archive,
                        UUID.randomUUID(),
                        ObjectKeys.archiveManifest(archive),
                        entries.size(),
                        2L * bytes.length,
                        Instant.now()),
                Instant.now());
        send(ArchiveRequested.TOPIC, archive.toString(), JSON.writeValueAsBytes(event));
        send(ArchiveRequested.TOPIC, archive.toString(), JSON.writeValueAsBytes(event));

        List<ArchiveFinished> reports = reports(archive, 2);
        assertThat(reports).extracting(ArchiveFinished::outcome).containsOnly(ArchiveFinished.Outcome.READY);
        assertThat(reports.get(0).size()).isEqualTo(reports.get(1).size());
        assertThat(unfinished(async, archive)).isZero();
        Path zip = download(archive);
        assertThat(Files.size(zip)).isEqualTo(reports.get(1).size());
        assertUnzipAccepts(zip);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            assertThat(Collections.list(file.entries()))
                    .extracting(ZipEntry::getName)
                    .containsExactly("again/", "again/one.txt", "again/two.txt");
            try (InputStream in = file.getInputStream(file.getEntry("again/two.txt"))) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
            }
        }
    }

    @Test
    void aRequestDeliveredAgainAfterTheArchiveWasBuiltReportsItReadyWithoutBuildingIt() throws Exception {
        byte[] bytes = "built once".getBytes(StandardCharsets.UTF_8);
        List<ArchiveManifest.Entry> entries =
                List.of(ArchiveManifest.Entry.file("once.txt", put(bytes), bytes.length, "text/plain", MODIFIED));
        UUID archive = UUID.randomUUID();
        assertThat(request(archive, entries, WAIT).outcome()).isEqualTo(ArchiveFinished.Outcome.READY);
        // Stands in for the archive built before: a rebuild would replace it with a real zip.
        byte[] built = "the archive as built by an earlier delivery".getBytes(StandardCharsets.UTF_8);
        s3.putObject(PutObjectArgs.builder().bucket(bucket()).object(ObjectKeys.archive(archive)).stream(
                        new ByteArrayInputStream(built), (long) built.length, -1L)
                .build());

        send(
                ArchiveRequested.TOPIC,
                archive.toString(),
                JSON.writeValueAsBytes(EventEnvelope.of(
                        ArchiveRequested.TYPE,
                        "/test",
                        archive.toString(),
                        new ArchiveRequested(
                                archive,
                                UUID.randomUUID(),
                                ObjectKeys.archiveManifest(archive),
                                entries.size(),
                                bytes.length,
                                Instant.now()),
                        Instant.now())));
        ArchiveFinished again = reports(archive, 2).get(1);

        assertThat(again.outcome()).isEqualTo(ArchiveFinished.Outcome.READY);
        assertThat(again.size()).isEqualTo(built.length);
        assertThat(again.entries()).isEqualTo(entries.size());
        assertThat(Files.readAllBytes(download(archive))).isEqualTo(built);
        assertThat(unfinished(asyncClient(), archive)).isZero();
    }

    @Test
    void aFileGoneFromTheStoreFailsTheArchive() throws Exception {
        byte[] bytes = "still here".getBytes(StandardCharsets.UTF_8);
        List<ArchiveManifest.Entry> entries = List.of(
                ArchiveManifest.Entry.file("here.txt", put(bytes), bytes.length, "text/plain", MODIFIED),
                ArchiveManifest.Entry.file("gone.txt", UUID.randomUUID(), 5, "text/plain", MODIFIED));
        UUID archive = UUID.randomUUID();

        ArchiveFinished finished = request(archive, entries, WAIT);

        assertThat(finished.outcome()).isEqualTo(ArchiveFinished.Outcome.FAILED);
        assertThat(finished.failure()).contains("deleted");
        assertThat(exists(ObjectKeys.archive(archive))).isFalse();
        assertThat(unfinished(asyncClient(), archive)).isZero();
    }

    @Test
    void aPathEscapingTheArchiveFailsIt() throws Exception {
        byte[] bytes = "x".getBytes(StandardCharsets.UTF_8);
        UUID archive = UUID.randomUUID();
        ArchiveFinished finished = request(
                archive,
                List.of(ArchiveManifest.Entry.file("a/../../etc/passwd", put(bytes), 1, "text/plain", MODIFIED)),
                WAIT);
        assertThat(finished.outcome()).isEqualTo(ArchiveFinished.Outcome.FAILED);
        assertThat(exists(ObjectKeys.archive(archive))).isFalse();
    }

    @Test
    void aDiscardedArchiveLosesItsObjects() throws Exception {
        byte[] bytes = "short-lived".getBytes(StandardCharsets.UTF_8);
        UUID archive = UUID.randomUUID();
        request(
                archive,
                List.of(ArchiveManifest.Entry.file("a.txt", put(bytes), bytes.length, "text/plain", MODIFIED)),
                WAIT);
        assertThat(exists(ObjectKeys.archive(archive))).isTrue();

        String key = archive.toString();
        send(
                ArchiveDiscarded.TOPIC,
                key,
                JSON.writeValueAsBytes(EventEnvelope.of(
                        ArchiveDiscarded.TYPE,
                        "/test",
                        key,
                        new ArchiveDiscarded(
                                archive, UUID.randomUUID(), ArchiveDiscarded.Reason.EXPIRED, Instant.now()),
                        Instant.now())));

        Instant deadline = Instant.now().plus(WAIT);
        while ((exists(ObjectKeys.archive(archive)) || exists(ObjectKeys.archiveManifest(archive)))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(exists(ObjectKeys.archive(archive))).isFalse();
        assertThat(exists(ObjectKeys.archiveManifest(archive))).isFalse();
    }

    @Test
    void aRecordThatIsNoEnvelopeEndsOnTheDeadLetterTopic() throws Exception {
        String key = UUID.randomUUID().toString();
        send(ArchiveRequested.TOPIC, key, "{\"not\":\"an archive request\"}".getBytes(StandardCharsets.UTF_8));
        EventProbe.Event dead = EventProbe.await(ArchiveRequested.TOPIC + ".dlt", e -> key.equals(e.key()), WAIT);
        assertThat(dead.value()).contains("not");
        assertThat(dead.headers()).containsKey("kafka_dlt-exception-message");
    }

    // --- helpers -------------------------------------------------------------------------------

    private ArchiveFinished request(UUID archive, List<ArchiveManifest.Entry> entries, Duration wait) throws Exception {
        putManifest(archive, entries);
        long total = entries.stream().mapToLong(ArchiveManifest.Entry::size).sum();
        String key = archive.toString();
        send(
                ArchiveRequested.TOPIC,
                key,
                JSON.writeValueAsBytes(EventEnvelope.of(
                        ArchiveRequested.TYPE,
                        "/test",
                        key,
                        new ArchiveRequested(
                                archive,
                                UUID.randomUUID(),
                                ObjectKeys.archiveManifest(archive),
                                entries.size(),
                                total,
                                Instant.now()),
                        Instant.now())));
        EventProbe.Event event = EventProbe.await(ArchiveFinished.TOPIC, e -> key.equals(e.key()), wait);
        JsonNode envelope = JSON.readTree(event.value());
        assertThat(FINISHED_SCHEMA.validate(envelope)).as(event.value()).isEmpty();
        ArchiveFinished finished = JSON.treeToValue(envelope.get("data"), ArchiveFinished.class);
        assertThat(finished.archiveId()).isEqualTo(archive);
        return finished;
    }

    /** The first {@code count} reports of the archive's outcome, in the order they were sent. */
    private static List<ArchiveFinished> reports(UUID archive, int count) throws Exception {
        List<ArchiveFinished> reports = new ArrayList<>();
        EventProbe.await(
                ArchiveFinished.TOPIC,
                e -> {
                    if (e.key().equals(archive.toString())) {
                        reports.add(JSON.treeToValue(JSON.readTree(e.value()).get("data"), ArchiveFinished.class));
                    }
                    return reports.size() == count;
                },
                WAIT);
        return reports;
    }

    private void putManifest(UUID archive, List<ArchiveManifest.Entry> entries) throws Exception {
        ByteArrayOutputStream manifest = new ByteArrayOutputStream();
        ArchiveManifest.write(entries, manifest);
        byte[] bytes = manifest.toByteArray();
        s3.putObject(PutObjectArgs.builder().bucket(bucket()).object(ObjectKeys.archiveManifest(archive)).stream(
                        new ByteArrayInputStream(bytes), (long) bytes.length, -1L)
                .build());
    }

    private UUID put(byte[] bytes) throws Exception {
        UUID blob = UUID.randomUUID();
        s3.putObject(PutObjectArgs.builder().bucket(bucket()).object(ObjectKeys.blob(blob)).stream(
                        new ByteArrayInputStream(bytes), (long) bytes.length, -1L)
                .build());
        return blob;
    }

    private void send(String topic, String key, byte[] value) throws Exception {
        kafka.send(topic, key, value).get();
    }

    private Path download(UUID archive) throws Exception {
        Path zip = dir.resolve(archive + ".zip");
        s3.downloadObject(DownloadObjectArgs.builder()
                .bucket(bucket())
                .object(ObjectKeys.archive(archive))
                .filename(zip.toString())
                .build());
        return zip;
    }

    private boolean exists(String key) throws Exception {
        try {
            s3.statObject(StatObjectArgs.builder().bucket(bucket()).object(key).build());
            return true;
        } catch (ErrorResponseException e) {
            return false;
        }
    }

    private MinioAsyncClient asyncClient() throws Exception {
        Map<String, String> env = TestInfra.variables();
        return MinioAsyncClient.builder()
                .endpoint(env.get("DEPOT_S3_ENDPOINT"))
                .credentials(env.get("DEPOT_S3_ACCESS_KEY"), env.get("DEPOT_S3_SECRET_KEY"))
                .region(env.getOrDefault("DEPOT_S3_REGION", "us-east-1"))
                .build();
    }

    private int unfinished(MinioAsyncClient async, UUID archive) throws Exception {
        var uploads = async.listMultipartUploads(ListMultipartUploadsArgs.builder()
                        .bucket(bucket())
                        .prefix(ObjectKeys.archive(archive))
                        .build())
                .get()
                .result()
                .uploads();
        return uploads == null ? 0 : uploads.size();
    }

    private static String bucket() throws Exception {
        return TestInfra.variables().get("DEPOT_S3_BUCKET");
    }

    /** {@code unzip -t}: Info-ZIP's own test of every entry's CRC, a reader Depot did not write. */
    static void assertUnzipAccepts(Path zip) throws Exception {
        Process unzip = new ProcessBuilder("unzip", "-tqq", zip.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(unzip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unzip.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(unzip.exitValue()).as("unzip -t: " + output).isZero();
    }

    /** Whether the end of the file holds a ZIP64 end of central directory record (PK\6\6). */
    static boolean hasZip64EndRecord(Path zip) throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(zip.toFile(), "r")) {
            int tail = (int) Math.min(file.length(), 64 * 1024);
            byte[] bytes = new byte[tail];
            file.seek(file.length() - tail);
            file.readFully(bytes);
            for (int i = 0; i + 4 <= bytes.length; i++) {
                if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 6 && bytes[i + 3] == 6) {
                    return true;
                }
            }
            return false;
        }
    }

    private static Schema schema(String topic) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(ArchiveFinished.class.getResourceAsStream("/schemas/" + topic + ".json"));
    }

    /** Counts bytes away. */
    private static final class OutputStreamSink extends java.io.OutputStream {

        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {}

        @Override
        public void write(byte[] b, int off, int len) {}
    }
}
