package dev.depot.transcode.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.depot.contracts.files.v1.VersionStored;
import dev.depot.contracts.processing.v1.VersionProcessed;
import dev.depot.contracts.processing.v1.VersionProcessed.Outcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processing rules, with the object store and Kafka replaced by maps and lists. */
class ProcessingServiceTest {

    @TempDir
    Path workDir;

    private final Map<UUID, byte[]> blobs = new HashMap<>();
    private final Map<String, byte[]> stored = new HashMap<>();
    private final List<VersionProcessed> reports = new ArrayList<>();
    private final Instant now = Instant.parse("2026-11-22T10:00:00Z");
    private boolean storeDown;

    private ProcessingService service(long maxPixels) {
        BlobSource source = blobId -> {
            if (storeDown) {
                throw new StorageUnavailableException("down", null);
            }
            byte[] bytes = blobs.get(blobId);
            if (bytes == null) {
                throw new StorageUnavailableException("no such blob", null);
            }
            return new ByteArrayInputStream(bytes);
        };
        return service(maxPixels, source, stored::put);
    }

    private ProcessingService service(long maxPixels, BlobSource source, PreviewStore previews) {
        ProcessingProperties properties =
                new ProcessingProperties("/nonexistent/ffmpeg", Duration.ofSeconds(10), maxPixels, 0.85f, workDir);
        ThumbnailMaker thumbnails = new ThumbnailMaker(properties);
        return new ProcessingService(
                source,
                previews,
                reports::add,
                new MimeSniffer(),
                thumbnails,
                new PdfPreview(thumbnails),
                new VideoPoster(properties),
                properties,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private VersionStored version(byte[] bytes, String mimeType, String sha256) {
        UUID blobId = UUID.randomUUID();
        blobs.put(blobId, bytes);
        return new VersionStored(
                UUID.randomUUID(),
                UUID.randomUUID(),
                blobId,
                UUID.randomUUID(),
                bytes.length,
                mimeType,
                sha256,
                1,
                now);
    }

    @Test
    void anImageIsReportedWithItsSniffedTypeDigestAndStoredPreviews() throws Exception {
        byte[] png = TestImages.png(1600, 900);
        VersionStored version = version(png, "text/plain", null);

        VersionProcessed report = service(100_000_000L).process(version);

        assertThat(reports).containsExactly(report);
        assertThat(report.mimeType()).isEqualTo("image/png");
        assertThat(report.sha256()).isEqualTo(TestImages.sha256(png));
        assertThat(report.outcome()).isEqualTo(Outcome.READY);
        assertThat(report.failure()).isNull();
        assertThat(report.processedAt()).isEqualTo(now);
        assertThat(report.previews())
                .extracting(VersionProcessed.Preview::objectKey)
                .containsExactly(
                        "previews/" + version.blobId() + "/small.jpg", "previews/" + version.blobId() + "/large.jpg");
        assertThat(stored)
                .containsOnlyKeys(
                        "previews/" + version.blobId() + "/small.jpg", "previews/" + version.blobId() + "/large.jpg");
        assertThat(workDirFiles()).isEmpty();
    }

    @Test
    void processingTwiceWritesTheSamePreviewsToTheSameKeys() throws Exception {
        VersionStored version = version(TestImages.png(640, 480), "image/png", null);
        ProcessingService service = service(100_000_000L);

        VersionProcessed first = service.process(version);
        Map<String, byte[]> afterFirst = new HashMap<>(stored);
        VersionProcessed second = service.process(version);

        assertThat(second.previews()).isEqualTo(first.previews());
        assertThat(stored.keySet()).isEqualTo(afterFirst.keySet());
        stored.forEach((key, jpeg) -> assertThat(jpeg).isEqualTo(afterFirst.get(key)));
    }

    @Test
    void aWrongAnnouncedDigestIsReplacedByTheRealOne() throws Exception {
        byte[] text = "hello\n".getBytes();
        VersionStored version = version(text, "text/plain", "0".repeat(64));

        VersionProcessed report = service(100_000_000L).process(version);

        assertThat(report.sha256()).isEqualTo(TestImages.sha256(text));
        assertThat(report.outcome()).isEqualTo(Outcome.READY);
        assertThat(report.previews()).isEmpty();
    }

    @Test
    void videosWithoutFfmpegAreReadyWithoutPoster() throws Exception {
        VersionStored version = version(TestImages.fakeMp4(), "video/mp4", null);

        VersionProcessed report = service(100_000_000L).process(version);

        assertThat(report.mimeType()).startsWith("video/");
        assertThat(report.outcome()).isEqualTo(Outcome.READY);
        assertThat(report.previews()).isEmpty();
        assertThat(stored).isEmpty();
    }

    @Test
    void tooLargeImagesAreReportedAsPreviewFailures() throws Exception {
        VersionStored version = version(TestImages.png(1600, 900), "image/png", null);

        VersionProcessed report = service(1_000_000L).process(version);

        assertThat(report.outcome()).isEqualTo(Outcome.PREVIEW_FAILED);
        assertThat(report.failure()).contains("too large");
        assertThat(report.previews()).isEmpty();
        assertThat(stored).isEmpty();
    }

    @Test
    void anUnreadableStoreFailsTheRecordWithoutReport() throws Exception {
        VersionStored version = version(TestImages.png(100, 100), "image/png", null);
        storeDown = true;

        assertThatThrownBy(() -> service(100_000_000L).process(version))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(reports).isEmpty();
        assertThat(workDirFiles()).isEmpty();
    }

    @Test
    void aStreamBreakingOffFailsTheRecordWithoutReport() throws Exception {
        BlobSource breaking = blobId -> new InputStream() {
            private int left = 10_000;

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (left <= 0) {
                    throw new IOException("connection reset");
                }
                int n = Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                left -= n;
                return n;
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }
        };
        ProcessingService service = service(100_000_000L, breaking, stored::put);

        assertThatThrownBy(() -> service.process(version(new byte[0], "text/plain", null)))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(reports).isEmpty();
        assertThat(workDirFiles()).isEmpty();
    }

    @Test
    void previewsThatCannotBeStoredFailTheRecordWithoutReport() throws Exception {
        VersionStored version = version(TestImages.png(100, 100), "image/png", null);
        ProcessingService service =
                service(100_000_000L, blobId -> new ByteArrayInputStream(blobs.get(blobId)), (key, jpeg) -> {
                    throw new StorageUnavailableException("down", null);
                });

        assertThatThrownBy(() -> service.process(version)).isInstanceOf(StorageUnavailableException.class);
        assertThat(reports).isEmpty();
        assertThat(workDirFiles()).isEmpty();
    }

    private List<Path> workDirFiles() throws IOException {
        try (Stream<Path> files = Files.list(workDir)) {
            return files.toList();
        }
    }
}
