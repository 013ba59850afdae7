package dev.depot.upload.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link UploadStore} in memory, for tests of the tus side: the bytes of each open upload, and the
 * objects of finished ones. It refuses a write at an offset other than the bytes it holds, and
 * counts a write's bytes only once it is recorded, as the real store does.
 */
public class InMemoryUploadStore implements UploadStore {

    private record Open(UUID blobId, long length, byte[] bytes) {}

    private final Map<UUID, Open> open = new HashMap<>();
    private final Map<UUID, byte[]> objects = new HashMap<>();
    private StorageException failure;

    @Override
    public synchronized void create(UUID uploadId, UUID blobId, long length) {
        open.put(uploadId, new Open(blobId, length, new byte[0]));
    }

    @Override
    public Write write(UUID uploadId, long offset, InputStream body, boolean verifyFirst) {
        Open upload = upload(uploadId);
        if (offset != upload.bytes().length) {
            throw new IllegalStateException(
                    "a write at " + offset + " of an upload holding " + upload.bytes().length + " bytes");
        }
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try {
            body.transferTo(received);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (this) {
            if (failure != null) {
                StorageException thrown = failure;
                failure = null;
                throw thrown;
            }
        }
        return new MemoryWrite(uploadId, upload, received.toByteArray());
    }

    @Override
    public synchronized void abort(UUID uploadId) {
        Open upload = open.remove(uploadId);
        if (upload != null) {
            objects.remove(upload.blobId());
        }
    }

    /** Makes the next write fail as an unreachable object store would. */
    public synchronized void failNextWrite() {
        failure = new StorageException("the object store is unreachable");
    }

    /** The bytes an open upload holds; empty once it is finished or aborted. */
    public synchronized Optional<byte[]> held(UUID uploadId) {
        return Optional.ofNullable(open.get(uploadId)).map(Open::bytes);
    }

    /** The blob's object, once an upload into it finished. */
    public synchronized Optional<byte[]> object(UUID blobId) {
        return Optional.ofNullable(objects.get(blobId));
    }

    private synchronized Open upload(UUID uploadId) {
        Open upload = open.get(uploadId);
        if (upload == null) {
            throw new StorageException("upload " + uploadId + " holds nothing in the store");
        }
        return upload;
    }

    private final class MemoryWrite implements Write {

        private final UUID uploadId;
        private final Open upload;
        private final byte[] bytes;
        private boolean kept;
        private boolean finished;

        MemoryWrite(UUID uploadId, Open upload, byte[] received) {
            this.uploadId = uploadId;
            this.upload = upload;
            this.bytes = new byte[upload.bytes().length + received.length];
            System.arraycopy(upload.bytes(), 0, bytes, 0, upload.bytes().length);
            System.arraycopy(received, 0, bytes, upload.bytes().length, received.length);
        }

        @Override
        public long offset() {
            return bytes.length;
        }

        @Override
        public void keep() {
            kept = true;
        }

        @Override
        public Finished finish(boolean sha256Required) {
            if (bytes.length != upload.length()) {
                throw new IllegalStateException("finishing " + bytes.length + " of " + upload.length() + " bytes");
            }
            synchronized (InMemoryUploadStore.this) {
                objects.put(upload.blobId(), bytes);
            }
            finished = true;
            return new Finished(bytes.length, sha256(bytes));
        }

        @Override
        public void record() {
            synchronized (InMemoryUploadStore.this) {
                if (finished) {
                    open.remove(uploadId);
                } else if (kept) {
                    open.put(uploadId, new Open(upload.blobId(), upload.length(), bytes));
                } else {
                    throw new IllegalStateException("recording a write that was neither kept nor finished");
                }
            }
        }

        @Override
        public void close() {}
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
