package dev.depot.upload.store;

import java.util.UUID;

/**
 * What the object store holds of one open upload: parts of {@code partSize} bytes in the multipart
 * upload of the blob's object, then {@code tailSize} bytes in the tail object.
 *
 * @param multipartId the multipart upload, started with the first full part; null before
 * @param tailKey the tail object, null when the stored bytes end on a part boundary
 */
record StoredUpload(UUID id, UUID blobId, long partSize, String multipartId, String tailKey, long tailSize) {

    /** The number of the part being filled when {@code offset} bytes are stored. */
    int nextPart(long offset) {
        return Math.toIntExact((offset - tailSize) / partSize) + 1;
    }
}
