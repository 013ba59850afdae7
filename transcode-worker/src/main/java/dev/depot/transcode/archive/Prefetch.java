package dev.depot.transcode.archive;

import dev.depot.contracts.archives.v1.ArchiveManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Walks the manifest a few entries ahead of the zip writer: small files are read into memory
 * concurrently (so 70,000 small files are not 70,000 round trips one after another), big ones are
 * left to stream when their turn comes. At most {@code window} entries, and so at most {@code
 * window × maxSize} bytes, are held ahead.
 */
final class Prefetch implements AutoCloseable {

    /** An entry and, for a small file, its bytes being fetched; {@code bytes} is null otherwise. */
    record Ahead(ArchiveManifest.Entry entry, Future<byte[]> bytes) {

        /** The fetched bytes, waiting for them if needed. */
        byte[] await() {
            try {
                return bytes.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ArchiveStorageException("interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new ArchiveStorageException("blob " + entry.blobId() + " not read", e.getCause());
            } catch (CancellationException e) {
                throw new ArchiveStorageException("prefetch cancelled", e);
            }
        }
    }

    private final Iterator<ArchiveManifest.Entry> entries;
    private final ArchiveStorage storage;
    private final int window;
    private final long maxSize;
    private final Deque<Ahead> ahead = new ArrayDeque<>();
    private final ExecutorService fetchers = Executors.newVirtualThreadPerTaskExecutor();

    Prefetch(Iterator<ArchiveManifest.Entry> entries, ArchiveStorage storage, int window, long maxSize) {
        this.entries = entries;
        this.storage = storage;
        this.window = window;
        this.maxSize = maxSize;
    }

    boolean hasNext() {
        fill();
        return !ahead.isEmpty();
    }

    Ahead next() {
        fill();
        Ahead next = ahead.poll();
        fill();
        return next;
    }

    private void fill() {
        while (ahead.size() < window && entries.hasNext()) {
            ArchiveManifest.Entry entry = entries.next();
            boolean small = !entry.isFolder() && entry.size() <= maxSize;
            ahead.add(new Ahead(entry, small ? fetchers.submit(() -> read(entry)) : null));
        }
    }

    private byte[] read(ArchiveManifest.Entry entry) {
        try (InputStream in = storage.open(entry.blobId())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("blob " + entry.blobId() + " not read", e);
        }
    }

    @Override
    public void close() {
        ahead.forEach(a -> {
            if (a.bytes() != null) {
                a.bytes().cancel(true);
            }
        });
        fetchers.shutdownNow();
    }
}
