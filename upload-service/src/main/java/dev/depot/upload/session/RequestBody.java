package dev.depot.upload.session;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * A request body as the store reads it: it ends where the upload has no more room, or where the
 * client went away, and the checksum of what it passed on is computed on the way. What it saw is
 * asked afterwards: whether more bytes followed the room, whether the client broke off.
 */
final class RequestBody extends InputStream {

    private final InputStream in;
    private final Checksum checksum;
    private final MessageDigest digest;
    private long room;
    private boolean ended;
    private boolean tooLarge;
    private boolean interrupted;

    /**
     * @param checksum the digest the bytes must have, or null
     */
    RequestBody(InputStream in, long room, Checksum checksum) {
        this.in = in;
        this.room = room;
        this.checksum = checksum;
        this.digest = checksum == null ? null : checksum.newDigest();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (ended) {
            return -1;
        }
        if (length == 0) {
            return 0;
        }
        if (room == 0) {
            ended = true;
            tooLarge = moreFollows();
            return -1;
        }
        int n;
        try {
            n = in.read(buffer, offset, (int) Math.min(length, room));
        } catch (IOException e) {
            interrupted = true;
            ended = true;
            return -1;
        }
        if (n < 0) {
            ended = true;
            return -1;
        }
        room -= n;
        if (digest != null) {
            digest.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /** Whether the client sent more than the upload has room for. */
    boolean tooLarge() {
        return tooLarge;
    }

    /** Whether the client went away before the body ended. */
    boolean interrupted() {
        return interrupted;
    }

    /** Whether the bytes passed on have the checksum's digest. */
    boolean matchesChecksum() {
        return checksum.matches(digest);
    }

    /** Whether a byte follows the room (the body is too large). */
    private boolean moreFollows() {
        try {
            return in.read() >= 0;
        } catch (IOException e) {
            interrupted = true;
            return false;
        }
    }
}
