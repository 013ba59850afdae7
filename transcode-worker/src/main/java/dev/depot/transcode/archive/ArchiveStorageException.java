package dev.depot.transcode.archive;

/** The object store failed: transient as far as the worker knows, so the request is retried. */
class ArchiveStorageException extends RuntimeException {

    ArchiveStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
