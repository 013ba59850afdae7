package dev.depot.transcode.processing;

/** Where preview images go. Writing a key again replaces the object, so reprocessing is safe. */
interface PreviewStore {

    /**
     * Stores a JPEG under the given object key.
     *
     * @throws StorageUnavailableException when the store refuses (retry later)
     */
    void put(String objectKey, byte[] jpeg);
}
