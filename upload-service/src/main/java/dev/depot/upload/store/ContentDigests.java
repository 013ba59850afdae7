package dev.depot.upload.store;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The SHA-256 of each upload, computed as its bytes stream through this instance. The state of a
 * digest cannot be stored, so an upload continued elsewhere (another instance, or after a
 * restart) completes without one: its last request reads the stored object back when the
 * uploader declared a digest, and otherwise post-processing computes it.
 */
@Component
class ContentDigests {

  private static final int READ_BUFFER = 256 * 1024;

  private record Partial(long stored, MessageDigest digest) {}

  private final Map<UUID, Partial> partials = new ConcurrentHashMap<>();

  /** A digest of the first {@code stored} bytes to continue with, or null if it is unknown. */
  MessageDigest resume(UUID uploadId, long stored) {
    if (stored == 0) {
      return sha256();
    }
    Partial partial = partials.get(uploadId);
    if (partial == null || partial.stored() != stored) {
      return null;
    }
    try {
      return (MessageDigest) partial.digest().clone();
    } catch (CloneNotSupportedException e) {
      return null;
    }
  }

  void save(UUID uploadId, long stored, MessageDigest digest) {
    if (digest == null) {
      partials.remove(uploadId);
    } else {
      partials.put(uploadId, new Partial(stored, digest));
    }
  }

  /** The hex digest of a finished upload, forgetting its state; null if it was unknown. */
  String finish(UUID uploadId, MessageDigest digest) {
    partials.remove(uploadId);
    return digest == null ? null : HexFormat.of().formatHex(digest.digest());
  }

  /** The hex digest of everything {@code in} holds. */
  static String of(InputStream in) throws IOException {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[READ_BUFFER];
    for (int n; (n = in.read(buffer)) >= 0; ) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  void forget(UUID uploadId) {
    partials.remove(uploadId);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
