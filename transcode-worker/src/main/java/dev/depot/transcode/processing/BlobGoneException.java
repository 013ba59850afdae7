package dev.depot.transcode.processing;

import java.util.UUID;

/**
 * The blob is not in the store: it was purged before it could be processed. There is nothing to do;
 * if the version still exists, metadata-service asks again after its deadline and finally marks it
 * failed.
 */
class BlobGoneException extends RuntimeException {

    BlobGoneException(UUID blobId, Throwable cause) {
        super("blob " + blobId + " is not in the store", cause);
    }
}
