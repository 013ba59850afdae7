package dev.depot.upload.store;

import dev.depot.contracts.ObjectKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link UploadStore} on S3 multipart uploads. Full parts go into the multipart upload of the
 * blob's object as they fill; the bytes after the last full part wait in a tail object ({@code
 * uploads/<id>/<offset>}) for the next request, which starts its spool with them; uploads smaller
 * than a part become the blob's object in one request. What is stored where is recorded in {@code
 * stored_uploads} and {@code parts}.
 *
 * <p>An upload written here goes on from what this instance remembers of it ({@link
 * UploadProgress}): where its bytes are and the SHA-256 of their content so far. One continued
 * elsewhere (another instance, or after a restart) is looked up in the database, and its object
 * read back when it is finished, if its digest is required.
 */
@Component
class S3UploadStore implements UploadStore {

    private static final Logger LOG = LoggerFactory.getLogger(S3UploadStore.class);

    /** Reads start small (slow clients hold little memory) and grow for fast ones. */
    private static final int SMALL_BUFFER = 16 * 1024;

    private static final int LARGE_BUFFER = 256 * 1024;
    private static final long FAST_FILL_NANOS = 20_000_000;

    private final StoredUploadRepository uploads;
    private final S3Objects objects;
    private final UploadProgress progress;
    private final SpoolDirectory spool;
    private final ExecutorService partUploads;
    private final StoreProperties properties;

    S3UploadStore(
            StoredUploadRepository uploads,
            S3Objects objects,
            UploadProgress progress,
            SpoolDirectory spool,
            ExecutorService partUploads,
            StoreProperties properties) {
        this.uploads = uploads;
        this.objects = objects;
        this.progress = progress;
        this.spool = spool;
        this.partUploads = partUploads;
        this.properties = properties;
    }

    @Override
    public void create(UUID uploadId, UUID blobId, long length) {
        StoredUpload upload = new StoredUpload(uploadId, blobId, properties.partSizeFor(length), null, null, 0);
        uploads.insert(upload);
        afterCommit(() -> progress.recorded(0, upload, UploadProgress.sha256()));
    }

    @Override
    public Write write(UUID uploadId, long offset, InputStream body, boolean verifyFirst) {
        UploadProgress.Known known = progress.at(uploadId, offset);
        if (known == null) {
            known = new UploadProgress.Known(find(uploadId), offset == 0 ? UploadProgress.sha256() : null);
        }
        S3Write write = new S3Write(known.upload(), offset, known.sha256(), verifyFirst);
        try {
            write.receive(body);
            return write;
        } catch (RuntimeException e) {
            write.close();
            throw e;
        }
    }

    @Override
    public void abort(UUID uploadId) {
        progress.forget(uploadId);
        try {
            Optional<StoredUpload> upload = uploads.find(uploadId);
            if (upload.isPresent()) {
                if (upload.get().multipartId() != null) {
                    objects.abortMultipart(upload.get().blobId(), upload.get().multipartId());
                }
                objects.deleteBlob(upload.get().blobId());
            }
            objects.deleteTails(uploadId);
            uploads.delete(uploadId);
        } catch (StorageException e) {
            LOG.warn("upload {}: could not discard its stored bytes: {}", uploadId, e.getMessage());
        }
    }

    /** One request's bytes: spooled and cut into parts as they arrive. */
    private final class S3Write implements Write {

        private final StoredUpload upload;
        private final long start;

        /** The SHA-256 of the upload so far, or null when bytes went through another instance. */
        private final MessageDigest content;

        private final PartWriter writer;
        private long size;
        private List<StoredPart> parts = List.of();
        private String tailKey;
        private long tailSize;
        private boolean finished;

        S3Write(StoredUpload upload, long offset, MessageDigest content, boolean hold) {
            this.upload = upload;
            this.start = offset;
            this.content = content;
            this.writer =
                    new PartWriter(upload, offset, objects, partUploads, this::startMultipart, spool.path(), hold);
        }

        void receive(InputStream body) {
            writer.prepare();
            byte[] buffer = new byte[SMALL_BUFFER];
            int filled = 0;
            long started = System.nanoTime();
            try {
                for (int n; (n = body.read(buffer, filled, buffer.length - filled)) >= 0; ) {
                    filled += n;
                    if (filled == buffer.length) {
                        flush(buffer, filled);
                        filled = 0;
                        if (buffer.length == SMALL_BUFFER && System.nanoTime() - started < FAST_FILL_NANOS) {
                            buffer = new byte[LARGE_BUFFER];
                        }
                        started = System.nanoTime();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the bytes of upload " + upload.id(), e);
            }
            flush(buffer, filled);
        }

        @Override
        public long offset() {
            return start + size;
        }

        @Override
        public void keep() {
            writer.release();
            parts = writer.parts();
            if (writer.spooled() > 0) {
                tailKey = ObjectKeys.uploadTail(upload.id(), offset());
                tailSize = writer.spooled();
                objects.putTail(tailKey, writer.spool(), 0, tailSize);
            }
        }

        @Override
        public Finished finish(boolean sha256Required) {
            writer.release();
            List<StoredPart> own = writer.parts();
            if (upload.multipartId() == null && own.isEmpty()) {
                objects.putBlob(upload.blobId(), writer.spool(), writer.spooled());
            } else {
                List<StoredPart> all = new ArrayList<>(uploads.parts(upload.id()));
                all.addAll(own);
                if (writer.spooled() > 0) {
                    all.add(writer.storeLastPart());
                }
                objects.completeMultipart(upload.blobId(), writer.multipart(), all);
            }
            finished = true;
            String seen = UploadProgress.hex(content);
            return new Finished(offset(), seen != null || !sha256Required ? seen : readBack());
        }

        @Override
        public void record() {
            if (finished) {
                uploads.delete(upload.id());
            } else {
                uploads.advance(upload.id(), tailKey, tailSize, parts);
            }
            StoredUpload stored = new StoredUpload(
                    upload.id(), upload.blobId(), upload.partSize(), writer.startedMultipart(), tailKey, tailSize);
            afterCommit(() -> {
                if (finished) {
                    progress.forget(upload.id());
                } else {
                    progress.recorded(offset(), stored, content);
                }
                if (upload.tailKey() != null && !upload.tailKey().equals(tailKey)) {
                    partUploads.execute(this::dropReplacedTail);
                }
            });
        }

        @Override
        public void close() {
            writer.close();
        }

        private void flush(byte[] buffer, int length) {
            if (length > 0) {
                writer.write(buffer, 0, length);
                if (content != null) {
                    content.update(buffer, 0, length);
                }
                size += length;
            }
        }

        /** Starts the multipart upload, or joins the one another writer started first. */
        private String startMultipart() {
            String started = objects.beginMultipart(upload.blobId());
            if (uploads.claimMultipart(upload.id(), started)) {
                return started;
            }
            objects.abortMultipart(upload.blobId(), started);
            return find(upload.id()).multipartId();
        }

        /**
         * The SHA-256 of an object that this instance did not see whole, read back from the store: only
         * then does the last request wait for a read of the whole object.
         */
        private String readBack() {
            long started = System.nanoTime();
            String sha256;
            try (InputStream in = objects.openBlob(upload.blobId())) {
                sha256 = UploadProgress.sha256Of(in);
            } catch (IOException e) {
                throw new StorageException("could not read back blob " + upload.blobId(), e);
            }
            LOG.info(
                    "upload {}: SHA-256 read back from the store in {} ms",
                    upload.id(),
                    (System.nanoTime() - started) / 1_000_000);
            return sha256;
        }

        /** Deletes the tail this write replaced (tail keys name the offset, so none is reused). */
        private void dropReplacedTail() {
            try {
                objects.deleteTail(upload.tailKey());
            } catch (StorageException e) {
                LOG.warn("upload {}: could not delete old tail {}: {}", upload.id(), upload.tailKey(), e.getMessage());
            }
        }
    }

    private StoredUpload find(UUID uploadId) {
        return uploads.find(uploadId)
                .orElseThrow(() -> new StorageException("upload " + uploadId + " holds nothing in the store"));
    }

    /** Runs {@code action} once the caller's transaction has committed (at once without one). */
    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
