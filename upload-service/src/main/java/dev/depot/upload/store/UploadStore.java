package dev.depot.upload.store;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Where upload bytes go: full parts into a multipart upload of the blob's object, the bytes after
 * the last full part into a "tail" object between requests, small uploads straight into the
 * blob. Every call is idempotent, so a request that failed half-way can simply be repeated.
 */
public interface UploadStore {

  /** A part stored in a multipart upload. */
  record StoredPart(int number, String etag, long size) {}

  /** Starts the multipart upload of a blob's object; returns its id. */
  String beginMultipart(UUID blobId);

  /** Stores {@code size} bytes of {@code file} from {@code position} as part {@code number}. */
  StoredPart uploadPart(UUID blobId, String multipartId, int number, Path file, long position,
      long size);

  /** Joins the parts into the blob's object. */
  void completeMultipart(UUID blobId, String multipartId, List<StoredPart> parts);

  /** Drops a multipart upload and its parts; an unknown one is not an error. */
  void abortMultipart(UUID blobId, String multipartId);

  /** Stores the whole blob (uploads smaller than a part). */
  void putBlob(UUID blobId, Path file, long size);

  /** Reads the blob's stored object; the caller closes the stream. */
  InputStream openBlob(UUID blobId);

  /** Deletes the blob's object; a missing one is not an error. */
  void deleteBlob(UUID blobId);

  /** Keeps the bytes after the last full part until the next request. */
  void putTail(String key, Path file, long position, long size);

  /** Appends a stored tail to {@code file}. */
  void appendTail(String key, Path file);

  /** Deletes one tail object (the one a later request replaced). */
  void deleteTail(String key);

  /** Deletes every tail object of a session, whatever requests left behind. */
  void deleteTails(UUID sessionId);
}
