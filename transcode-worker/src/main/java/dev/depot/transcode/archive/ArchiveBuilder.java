package dev.depot.transcode.archive;

import dev.depot.contracts.archives.v1.ArchiveFinished;
import dev.depot.contracts.archives.v1.ArchiveManifest;
import dev.depot.contracts.archives.v1.ArchiveProgressed;
import dev.depot.contracts.archives.v1.ArchiveRequested;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Builds a zip archive from its manifest, streaming it into the store as it is written: entries in
 * manifest order, UTF-8 names, folders as directory entries, ZIP64 where sizes or the number of
 * entries need it ({@link ZipOutputStream} does both). Building is deterministic and the object
 * appears only when complete: a request delivered again (a worker stopped halfway, or one whose
 * build outlasted its turn in the consumer group) finds it built and reports it ready again, or
 * builds it anew from the start.
 */
@Service
class ArchiveBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveBuilder.class);

    /** Headers, descriptors and central directory of one entry, generously (names up to 1 KiB). */
    private static final long OVERHEAD_PER_ENTRY = 2_400;

    private static final int COPY_BUFFER = 64 * 1024;

    private final ArchiveStorage storage;
    private final ArchiveReports reports;
    private final ArchiveProperties properties;
    private final Clock clock;

    ArchiveBuilder(ArchiveStorage storage, ArchiveReports reports, ArchiveProperties properties, Clock clock) {
        this.storage = storage;
        this.reports = reports;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Builds the archive and reports the outcome. A file gone from the store or an unsafe path fails
     * the archive for good; a storage or Kafka failure throws, so the request is retried.
     */
    void build(ArchiveRequested request) {
        UUID id = request.archiveId();
        OptionalLong built = storage.builtSize(id);
        if (built.isPresent()) {
            LOG.info("archive {} is built already ({} bytes): reported again, not rebuilt", id, built.getAsLong());
            reports.finished(new ArchiveFinished(
                    id, ArchiveFinished.Outcome.READY, request.entries(), built.getAsLong(), null, clock.instant()));
            return;
        }
        int aborted = storage.abortUnfinished(id);
        if (aborted > 0) {
            LOG.info("archive {}: {} unfinished upload(s) of an earlier attempt aborted", id, aborted);
        }
        long started = System.nanoTime();
        Result result;
        try {
            result = write(request);
        } catch (EntryGoneException | UnsafeManifestException e) {
            LOG.warn("archive {} cannot be built: {}", id, e.getMessage());
            reports.finished(new ArchiveFinished(
                    id,
                    ArchiveFinished.Outcome.FAILED,
                    request.entries(),
                    0,
                    e instanceof EntryGoneException
                            ? "A selected file was deleted before it could be archived."
                            : "The selection holds a name that cannot be archived.",
                    clock.instant()));
            return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info(
                "archive {} built: {} entries, {} bytes in, {} bytes zip, {} s",
                id,
                result.entries(),
                result.bytes(),
                result.size(),
                String.format(Locale.ROOT, "%.1f", seconds));
        reports.finished(new ArchiveFinished(
                id, ArchiveFinished.Outcome.READY, result.entries(), result.size(), null, clock.instant()));
    }

    /** Deletes what a discarded archive left in the store. */
    void discard(UUID archiveId) {
        storage.delete(archiveId);
    }

    private record Result(int entries, long bytes, long size) {}

    private Result write(ArchiveRequested request) {
        UUID id = request.archiveId();
        long expected = request.totalBytes() + (request.entries() + 1L) * OVERHEAD_PER_ENTRY;
        Progress progress = new Progress(id);
        try (Stream<ArchiveManifest.Entry> manifest = storage.manifest(id);
                Prefetch entries = new Prefetch(
                        manifest.iterator(),
                        storage,
                        properties.prefetch(),
                        properties.prefetchMaxSize().toBytes());
                ArchiveUpload upload = storage.begin(id, expected);
                ZipOutputStream zip = new ZipOutputStream(new UncloseableOutputStream(upload))) {
            Set<String> paths = new HashSet<>();
            byte[] copy = new byte[COPY_BUFFER];
            while (entries.hasNext()) {
                Prefetch.Ahead next = entries.next();
                ArchiveManifest.Entry entry = next.entry();
                String path = ZipPaths.safe(entry.path());
                if (entry.isFolder()) {
                    if (paths.add(path)) {
                        zip.putNextEntry(folder(path, entry.modifiedAt()));
                        zip.closeEntry();
                    }
                } else {
                    path = ZipPaths.unique(path, paths);
                    long written = next.bytes() != null
                            ? writeSmall(zip, path, entry, next.await())
                            : writeStreamed(zip, path, entry, copy);
                    progress.bytes += written;
                }
                progress.entries++;
                progress.maybeReport();
            }
            zip.finish();
            zip.flush();
            long size = upload.complete();
            return new Result(progress.entries, progress.bytes, size);
        } catch (IOException e) {
            throw new UncheckedIOException("archive " + id + " not written", e);
        }
    }

    private static ZipEntry folder(String path, Instant modifiedAt) {
        ZipEntry entry = new ZipEntry(path);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(0);
        entry.setCompressedSize(0);
        entry.setCrc(0);
        entry.setLastModifiedTime(FileTime.from(modifiedAt));
        return entry;
    }

    /** A small file, already in memory: stored as is when compressed already, else deflated. */
    private long writeSmall(ZipOutputStream zip, String path, ArchiveManifest.Entry entry, byte[] bytes)
            throws IOException {
        ZipEntry zipEntry = new ZipEntry(path);
        zipEntry.setLastModifiedTime(FileTime.from(entry.modifiedAt()));
        if (Compression.isCompressed(entry.mimeType(), path)) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            zipEntry.setMethod(ZipEntry.STORED);
            zipEntry.setSize(bytes.length);
            zipEntry.setCompressedSize(bytes.length);
            zipEntry.setCrc(crc.getValue());
        } else {
            zipEntry.setMethod(ZipEntry.DEFLATED);
            zip.setLevel(properties.compressionLevel());
        }
        zip.putNextEntry(zipEntry);
        zip.write(bytes);
        zip.closeEntry();
        return bytes.length;
    }

    /**
     * A big file, streamed from the store: deflated (at level 0, i.e. stored blocks, when its bytes
     * are compressed already), since a stored entry would need its CRC before its bytes.
     */
    private long writeStreamed(ZipOutputStream zip, String path, ArchiveManifest.Entry entry, byte[] copy)
            throws IOException {
        ZipEntry zipEntry = new ZipEntry(path);
        zipEntry.setLastModifiedTime(FileTime.from(entry.modifiedAt()));
        zipEntry.setMethod(ZipEntry.DEFLATED);
        zip.setLevel(Compression.isCompressed(entry.mimeType(), path) ? 0 : properties.compressionLevel());
        zip.putNextEntry(zipEntry);
        long written = 0;
        try (InputStream in = storage.open(entry.blobId())) {
            for (int n; (n = in.read(copy)) >= 0; ) {
                zip.write(copy, 0, n);
                written += n;
            }
        }
        zip.closeEntry();
        return written;
    }

    /** Counts what is written and reports it at most once per interval. */
    private final class Progress {

        private final UUID archiveId;
        private final long intervalNanos = properties.progressInterval().toNanos();
        private long lastReport = System.nanoTime();
        int entries;
        long bytes;

        Progress(UUID archiveId) {
            this.archiveId = archiveId;
        }

        void maybeReport() {
            long now = System.nanoTime();
            if (now - lastReport >= intervalNanos) {
                lastReport = now;
                reports.progress(new ArchiveProgressed(archiveId, entries, bytes, clock.instant()));
            }
        }
    }

    /** Lets the zip stream be finished without closing (and so completing) the upload. */
    private static final class UncloseableOutputStream extends OutputStream {

        private final OutputStream out;

        UncloseableOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
            // the upload is completed or aborted by its owner
        }
    }
}
