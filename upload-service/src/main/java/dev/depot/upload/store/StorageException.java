package dev.depot.upload.store;

/** The object store refused or could not be reached; the request may be repeated. */
public class StorageException extends RuntimeException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
