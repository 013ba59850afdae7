package dev.depot.upload.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Cuts one request's bytes into parts. The part being filled is spooled to local disk, starting
 * with the upload's stored tail; a full part is stored while the next one fills (at most one in
 * flight, so a fast client is held back by the store, not buffered). When the request's bytes must
 * be verified first (a checksum), full parts are held until {@link #release()}.
 *
 * <p>The spool file is opened only for each write, so a slow upload waiting for the network holds
 * no descriptor but its socket.
 */
final class PartWriter implements AutoCloseable {

    private final StoredUpload upload;
    private final S3Objects objects;
    private final ExecutorService executor;
    private final Supplier<String> startMultipart;
    private String multipartId;
    private final Path dir;
    private final boolean hold;
    private final List<Held> held = new ArrayList<>();
    private final List<StoredPart> stored = new ArrayList<>();
    private CompletableFuture<StoredPart> inFlight;
    private Path inFlightFile;
    private Path spool;
    private long spooled;
    private int nextPart;

    private record Held(int number, Path file) {}

    /**
     * @param offset the bytes stored before this request
     * @param startMultipart starts the upload's multipart upload when the first part needs it
     * @param hold whether full parts wait for {@link #release()}
     */
    PartWriter(
            StoredUpload upload,
            long offset,
            S3Objects objects,
            ExecutorService executor,
            Supplier<String> startMultipart,
            Path dir,
            boolean hold) {
        this.upload = upload;
        this.objects = objects;
        this.executor = executor;
        this.startMultipart = startMultipart;
        this.multipartId = upload.multipartId();
        this.dir = dir;
        this.hold = hold;
        this.nextPart = upload.nextPart(offset);
    }

    /** Starts the spool with the tail stored by earlier requests. */
    void prepare() {
        spool = newFile();
        if (upload.tailKey() != null) {
            objects.appendTail(upload.tailKey(), spool);
            spooled = upload.tailSize();
        }
    }

    void write(byte[] bytes, int offset, int length) {
        int written = 0;
        while (written < length) {
            int n = (int) Math.min(length - written, upload.partSize() - spooled);
            append(bytes, offset + written, n);
            written += n;
            if (spooled == upload.partSize()) {
                handOff();
            }
        }
    }

    /** Stores the held parts (the request's bytes were verified). */
    void release() {
        for (Held part : held) {
            stored.add(
                    objects.uploadPart(upload.blobId(), multipart(), part.number(), part.file(), 0, upload.partSize()));
            delete(part.file());
        }
        held.clear();
    }

    /** Waits for the part in flight; returns every part this request stored. */
    List<StoredPart> parts() {
        awaitInFlight();
        return List.copyOf(stored);
    }

    /** Stores the spooled bytes as the last part of the upload. */
    StoredPart storeLastPart() {
        return objects.uploadPart(upload.blobId(), multipart(), nextPart, spool, 0, spooled);
    }

    /** The upload's multipart upload id, or null while none was started. */
    String startedMultipart() {
        return multipartId;
    }

    /** The upload's multipart upload id, starting the upload if there is none yet. */
    String multipart() {
        if (multipartId == null) {
            multipartId = startMultipart.get();
        }
        return multipartId;
    }

    Path spool() {
        return spool;
    }

    long spooled() {
        return spooled;
    }

    @Override
    public void close() {
        if (inFlight != null) {
            inFlight.cancel(true);
            inFlight.handle((p, e) -> null).join();
            delete(inFlightFile);
        }
        held.forEach(part -> delete(part.file()));
        if (spool != null) {
            delete(spool);
        }
    }

    private void append(byte[] bytes, int offset, int length) {
        try (FileChannel channel = FileChannel.open(spool, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not spool upload " + upload.id(), e);
        }
        spooled += length;
    }

    private void handOff() {
        Path full = spool;
        int number = nextPart++;
        spool = newFile();
        spooled = 0;
        if (hold) {
            held.add(new Held(number, full));
            return;
        }
        awaitInFlight();
        String uploadId = multipart();
        inFlightFile = full;
        inFlight = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return objects.uploadPart(upload.blobId(), uploadId, number, full, 0, upload.partSize());
                    } finally {
                        delete(full);
                    }
                },
                executor);
    }

    private void awaitInFlight() {
        if (inFlight == null) {
            return;
        }
        try {
            stored.add(inFlight.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof StorageException s
                    ? s
                    : new StorageException("could not store a part of " + upload.id(), e.getCause());
        } finally {
            inFlight = null;
            inFlightFile = null;
        }
    }

    private Path newFile() {
        try {
            return Files.createTempFile(dir, upload.id() + "-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a spool file", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover spool file is removed when the instance starts next
        }
    }
}
