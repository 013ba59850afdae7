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
 * What this instance knows of the uploads it writes, as of the offset it last recorded for each:
 * what is stored where, and the SHA-256 of the bytes so far. A write at that offset starts from it
 * without asking the database; one that another instance moved on is looked up again. The state of
 * a digest cannot be stored, so an upload continued elsewhere (another instance, or after a
 * restart) completes without one: its object is read back if a digest is required.
 */
@Component
class UploadProgress {

    private static final int READ_BUFFER = 256 * 1024;

    /**
     * What is stored of an upload at an offset.
     *
     * @param sha256 the digest of the bytes so far, or null when some did not pass through here
     */
    record Known(StoredUpload upload, MessageDigest sha256) {}

    private record Entry(long offset, Known known) {}

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();

    /** What was recorded here at {@code offset}, with a digest of its own; null if unknown. */
    Known at(UUID uploadId, long offset) {
        Entry entry = entries.get(uploadId);
        if (entry == null || entry.offset() != offset) {
            return null;
        }
        return new Known(entry.known().upload(), copy(entry.known().sha256()));
    }

    void recorded(long offset, StoredUpload upload, MessageDigest sha256) {
        entries.put(upload.id(), new Entry(offset, new Known(upload, sha256)));
    }

    void forget(UUID uploadId) {
        entries.remove(uploadId);
    }

    /** A digest of no bytes yet. */
    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The hex digest of the bytes {@code digest} saw, or null if it is unknown. */
    static String hex(MessageDigest digest) {
        return digest == null ? null : HexFormat.of().formatHex(digest.digest());
    }

    /** The hex digest of everything {@code in} holds. */
    static String sha256Of(InputStream in) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[READ_BUFFER];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            digest.update(buffer, 0, n);
        }
        return hex(digest);
    }

    private static MessageDigest copy(MessageDigest digest) {
        if (digest == null) {
            return null;
        }
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            return null;
        }
    }
}
