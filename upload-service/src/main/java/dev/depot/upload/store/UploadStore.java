package dev.depot.upload.store;

import java.io.InputStream;
import java.util.UUID;

/**
 * Where the bytes of uploads go, as the tus side sees it: an upload is created, written to at its
 * offset one request at a time, then finished into the blob's object, or aborted. How the bytes are
 * kept in between (parts, a tail of bytes short of a part, local spool files, reading the object
 * back for its digest) is the store's own business.
 *
 * <p>The caller keeps the offset and decides which writer wins: a write's bytes count only once it
 * is {@linkplain Write#record() recorded} in the transaction that advances the offset. Every step
 * that reaches the object store can be repeated after a failure.
 */
public interface UploadStore {

    /**
     * Prepares an upload of {@code length} bytes into the blob's object; runs in the caller's
     * transaction, the one that creates the upload.
     */
    void create(UUID uploadId, UUID blobId, long length);

    /**
     * Reads {@code body} to its end and holds its bytes as the ones after the first {@code offset}. A
     * failing body is the caller's concern: the store reads until {@code -1}.
     *
     * @param verifyFirst whether nothing may reach the object store before {@link Write#keep()} or
     *     {@link Write#finish(boolean)} (the caller checks the bytes first)
     * @return the write, to keep, finish or drop; the caller closes it
     */
    Write write(UUID uploadId, long offset, InputStream body, boolean verifyFirst);

    /**
     * Removes whatever is stored of an upload, its object included; what is already gone is no error,
     * and what cannot be removed is only left behind as garbage.
     */
    void abort(UUID uploadId);

    /** The bytes of one request. Closing a write that was not recorded drops them. */
    interface Write extends AutoCloseable {

        /** The upload's offset with this write's bytes. */
        long offset();

        /** Stores the bytes so that the next write continues after them. */
        void keep();

        /**
         * Stores the bytes as the end of the upload and completes the blob's object.
         *
         * @param sha256Required whether the digest is needed even if the object must be read back for
         *     it (the bytes did not all pass through this instance)
         */
        Finished finish(boolean sha256Required);

        /**
         * Records what {@link #keep()} or {@link #finish(boolean)} stored; called in the caller's
         * transaction after it advanced the offset, so it commits or rolls back with it.
         */
        void record();

        @Override
        void close();
    }

    /**
     * A completed object.
     *
     * @param sha256 its hex SHA-256, or null when it was not required and not known
     */
    record Finished(long size, String sha256) {}
}
