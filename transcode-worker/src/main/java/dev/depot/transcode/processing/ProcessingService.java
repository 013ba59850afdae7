package dev.depot.transcode.processing;

import dev.depot.contracts.ObjectKeys;
import dev.depot.contracts.files.v1.VersionStored;
import dev.depot.contracts.processing.v1.VersionProcessed;
import dev.depot.contracts.processing.v1.VersionProcessed.Outcome;
import dev.depot.contracts.processing.v1.VersionProcessed.Preview;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Post-processing of a stored version: stream the blob to a temporary file (hashing it on the way),
 * sniff its type, make the previews its type has, store them, report.
 *
 * <p>Idempotent: previews go to keys derived from the blob and kind, so running again overwrites
 * them with the same images, and the report settles the same blob. Whatever concerns the bytes
 * (corrupt, too large, encrypted) ends as PREVIEW_FAILED; whatever concerns the infrastructure
 * (object store, Kafka) is thrown, so the record is retried and finally dead-lettered.
 */
@Service
class ProcessingService {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessingService.class);
    private static final String PDF = "application/pdf";

    private final BlobSource blobs;
    private final PreviewStore previews;
    private final ProcessingReports reports;
    private final MimeSniffer sniffer;
    private final ThumbnailMaker thumbnails;
    private final PdfPreview pdf;
    private final VideoPoster video;
    private final Path workDir;
    private final Clock clock;

    ProcessingService(
            BlobSource blobs,
            PreviewStore previews,
            ProcessingReports reports,
            MimeSniffer sniffer,
            ThumbnailMaker thumbnails,
            PdfPreview pdf,
            VideoPoster video,
            ProcessingProperties properties,
            Clock clock) {
        this.blobs = blobs;
        this.previews = previews;
        this.reports = reports;
        this.sniffer = sniffer;
        this.thumbnails = thumbnails;
        this.pdf = pdf;
        this.video = video;
        this.workDir = properties.temporaryDirectory();
        this.clock = clock;
    }

    /** Processes a version and reports the outcome; returns the report sent. */
    VersionProcessed process(VersionStored version) {
        Path file = createTempFile();
        try {
            String sha256 = fetch(version, file);
            String mimeType = sniffer.sniff(file, version.mimeType());
            List<Preview> stored = List.of();
            Outcome outcome = Outcome.READY;
            String failure = null;
            try {
                stored = render(mimeType, file, version).stream()
                        .map(preview -> store(version, preview))
                        .toList();
            } catch (PreviewFailedException e) {
                outcome = Outcome.PREVIEW_FAILED;
                failure = e.getMessage();
                LOG.warn(
                        "version {} (blob {}, {}): no previews, {}",
                        version.versionId(),
                        version.blobId(),
                        mimeType,
                        failure,
                        e.getCause());
            }
            VersionProcessed report = new VersionProcessed(
                    version.fileId(),
                    version.versionId(),
                    version.blobId(),
                    mimeType,
                    sha256,
                    outcome,
                    failure,
                    stored,
                    clock.instant());
            reports.send(report);
            LOG.info(
                    "version {} (blob {}) processed: {}, {}, {} previews",
                    version.versionId(),
                    version.blobId(),
                    mimeType,
                    outcome,
                    stored.size());
            return report;
        } catch (IOException e) {
            // The temporary file could not be written or read: a problem of this machine.
            throw new UncheckedIOException("processing version " + version.versionId() + " failed", e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("temporary file {} not deleted: {}", file, e.toString());
            }
        }
    }

    /** Streams the blob into {@code file}; returns the SHA-256 of what was read. */
    private String fetch(VersionStored version, Path file) throws IOException {
        MessageDigest digest = sha256();
        long size;
        try (InputStream in = new DigestInputStream(blobs.open(version.blobId()), digest);
                OutputStream out = Files.newOutputStream(file)) {
            size = in.transferTo(out);
        } catch (IOException e) {
            throw new StorageUnavailableException("blob " + version.blobId() + " read only in part", e);
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        if (version.sha256() != null && !version.sha256().equalsIgnoreCase(sha256)) {
            LOG.warn(
                    "blob {} of version {}: stored bytes hash to {}, the upload announced {}",
                    version.blobId(),
                    version.versionId(),
                    sha256,
                    version.sha256());
        }
        if (size != version.size()) {
            LOG.warn(
                    "blob {} of version {}: {} bytes stored, {} announced",
                    version.blobId(),
                    version.versionId(),
                    size,
                    version.size());
        }
        return sha256;
    }

    private List<RenderedPreview> render(String mimeType, Path file, VersionStored version)
            throws PreviewFailedException {
        if (mimeType.startsWith("image/")) {
            if (ThumbnailMaker.canRead(mimeType)) {
                return thumbnails.thumbnails(file);
            }
            LOG.info("version {}: no image reader for {}, no previews", version.versionId(), mimeType);
            return List.of();
        }
        if (mimeType.equals(PDF)) {
            return pdf.previews(file);
        }
        if (mimeType.startsWith("video/")) {
            Optional<RenderedPreview> poster = video.poster(file);
            if (poster.isEmpty()) {
                LOG.info("version {}: ffmpeg unavailable, no poster", version.versionId());
            }
            return poster.stream().toList();
        }
        return List.of();
    }

    private Preview store(VersionStored version, RenderedPreview preview) {
        String key = ObjectKeys.preview(version.blobId(), preview.kind());
        previews.put(key, preview.jpeg());
        return new Preview(preview.kind(), key, RenderedPreview.CONTENT_TYPE, preview.width(), preview.height());
    }

    private Path createTempFile() {
        try {
            Files.createDirectories(workDir);
            return Files.createTempFile(workDir, "blob-", ".tmp");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary file in " + workDir, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
