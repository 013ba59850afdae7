package dev.depot.transcode.archive;

import java.util.UUID;

/** The archive's manifest is not in the store: it was discarded; there is nothing to build. */
class ArchiveGoneException extends RuntimeException {

    ArchiveGoneException(UUID archiveId, Throwable cause) {
        super("the manifest of archive " + archiveId + " is not in the store", cause);
    }
}
