package dev.depot.transcode.archive;

import java.util.UUID;

/** A selected file's blob is not in the store any more (purged after it was selected). */
class EntryGoneException extends RuntimeException {

    EntryGoneException(UUID blobId, Throwable cause) {
        super("blob " + blobId + " is not in the store", cause);
    }
}
