package dev.depot.download;

import java.io.InputStream;
import java.util.Optional;

/** Reads stored blobs; the S3 adapter is the only implementation, tests may use another. */
interface BlobReader {

  record Blob(long size, InputStream content) {}

  /** Opens the blob at {@code key}, or empty when no such object is stored. */
  Optional<Blob> open(String key);
}
