package dev.depot.download.store;

/** The object store did not answer as it should; the download may be tried again later. */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
