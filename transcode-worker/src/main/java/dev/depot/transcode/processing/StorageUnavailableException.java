package dev.depot.transcode.processing;

/** The object store failed: transient as far as the worker knows, so the record is retried. */
class StorageUnavailableException extends RuntimeException {

    StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
