package dev.depot.transcode.archive;

/** A manifest path that would escape the archive's root (absolute, or with {@code ..}). */
class UnsafeManifestException extends RuntimeException {

    UnsafeManifestException(String message) {
        super(message);
    }
}
