package dev.depot.upload.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Upload sessions. Every change of what is stored names the {@code stored} value it expects, so of
 * two writers of one upload (on two instances) only one can win.
 */
interface SessionRepository {

    /** Inserts a session; false if its version already has one. */
    boolean insert(UploadSession session, Instant now);

    Optional<UploadSession> find(UUID id);

    Optional<UUID> idOfVersion(UUID versionId);

    /**
     * Records that an open session that still has {@code expected} bytes now has {@code stored}
     * (complete when that is its length); false if another request or the expiry got there first.
     */
    boolean advance(UUID id, long expected, long stored, Instant now);

    /** Ends an open session (terminated, expired or failed); false if it was no longer open. */
    boolean end(UUID id, UploadSession.State state, Instant now);

    /** Open sessions past their expiry, locked for this transaction (skipping locked ones). */
    List<UploadSession> lockExpired(Instant now, int limit);

    /** Forgets sessions that ended before {@code cutoff}. */
    int deleteEndedBefore(Instant cutoff);
}
