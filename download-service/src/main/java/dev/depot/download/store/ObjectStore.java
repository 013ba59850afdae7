package dev.depot.download.store;

import java.io.InputStream;

/** Reads stored objects; the S3 adapter is the only implementation. */
public interface ObjectStore {

  /**
   * Opens {@code length} bytes of the object at {@code key} from {@code offset}. The caller
   * closes the stream; closing it early releases the connection at once.
   *
   * @throws ObjectMissingException if no such object is stored
   */
  InputStream read(String key, long offset, long length);
}
