package dev.depot.transcode.processing;

import java.io.InputStream;
import java.util.UUID;

/** Where the stored bytes of a blob are read from. */
interface BlobSource {

    /**
     * Opens the bytes of a blob for streaming; the caller closes the stream.
     *
     * @throws BlobGoneException when the store has no such blob
     * @throws StorageUnavailableException when the store cannot be read (retry later)
     */
    InputStream open(UUID blobId);
}
