package dev.depot.transcode.archive;

import dev.depot.contracts.archives.v1.ArchiveManifest;
import java.io.InputStream;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Stream;

/** Where manifests and blobs are read from and archives are written to. */
interface ArchiveStorage {

    /**
     * The manifest's entries, read as the stream is consumed; the caller closes it.
     *
     * @throws ArchiveGoneException when there is no manifest (the archive was discarded)
     */
    Stream<ArchiveManifest.Entry> manifest(UUID archiveId);

    /**
     * Opens a blob's bytes; the caller closes the stream.
     *
     * @throws EntryGoneException when the store has no such blob
     */
    InputStream open(UUID blobId);

    /**
     * Starts writing an archive; nothing is visible under its key until {@link
     * ArchiveUpload#complete()}.
     *
     * @param expectedSize about how big the archive will be (it chooses the part size)
     */
    ArchiveUpload begin(UUID archiveId, long expectedSize);

    /** The size of the archive if it is complete in the store; empty while it is not. */
    OptionalLong builtSize(UUID archiveId);

    /** Aborts unfinished uploads of the archive (left by a stopped worker); returns how many. */
    int abortUnfinished(UUID archiveId);

    /** Deletes the archive, its manifest and unfinished uploads; missing objects are fine. */
    void delete(UUID archiveId);
}
