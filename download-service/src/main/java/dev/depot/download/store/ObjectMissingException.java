package dev.depot.download.store;

/** The object a valid ticket names is not stored (purged after the ticket was issued). */
public class ObjectMissingException extends RuntimeException {

    public ObjectMissingException(String key) {
        super("no object " + key);
    }
}
