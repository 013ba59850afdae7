package dev.depot.upload.store;

import java.util.List;
import java.util.UUID;

/** The object store as the upload side sees it. */
interface BlobStore {

    /** Deletes the blobs' objects and previews; objects already gone are not an error. */
    void delete(List<UUID> blobIds);
}
