package dev.depot.upload.session;

import dev.depot.contracts.ticket.Ticket;
import dev.depot.contracts.uploads.v1.UploadAbandoned;
import dev.depot.contracts.uploads.v1.UploadCompleted;
import dev.depot.kit.events.EventPublisher;
import dev.depot.kit.problem.DepotException;
import dev.depot.upload.UploadProblem;
import dev.depot.upload.lock.UploadLocks;
import dev.depot.upload.store.StorageException;
import dev.depot.upload.store.UploadStore;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The tus side of uploads: sessions created from a verified ticket, bytes accepted at the offset
 * the session has reached, termination and expiry. The bytes themselves go to the {@link
 * UploadStore}; what a session has stored only grows once they are there, and the completion is
 * announced in the same transaction that records it.
 */
@Service
public class UploadService {

    private static final Logger LOG = LoggerFactory.getLogger(UploadService.class);

    /** Expired sessions ended per transaction. */
    static final int EXPIRY_BATCH = 100;

    private final SessionRepository sessions;
    private final UploadStore store;
    private final UploadLocks locks;
    private final EventPublisher events;
    private final TransactionOperations tx;
    private final UploadProperties properties;
    private final Clock clock;

    UploadService(
            SessionRepository sessions,
            UploadStore store,
            UploadLocks locks,
            EventPublisher events,
            TransactionOperations tx,
            UploadProperties properties,
            Clock clock) {
        this.sessions = sessions;
        this.store = store;
        this.locks = locks;
        this.events = events;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Opens a session for the version a ticket allows uploading, and stores the bytes the creation
     * request carries (creation-with-upload); a zero-byte upload is complete at once.
     *
     * @param declaredLength the request's Content-Length, or -1 when unknown
     * @param body the request's bytes, or null when it carries none
     * @param checksum the request's {@code Upload-Checksum}, or null
     */
    public UploadSession create(
            Ticket ticket, long length, String metadata, long declaredLength, InputStream body, Checksum checksum) {
        long maxBytes = Math.min(ticket.maxBytes(), properties.maxSize().toBytes());
        if (length > maxBytes) {
            throw new DepotException(
                    UploadProblem.TOO_LARGE,
                    "This upload may hold at most " + maxBytes + " bytes.",
                    Map.of("maxBytes", maxBytes));
        }
        if (length != ticket.maxBytes()) {
            throw new DepotException(
                    UploadProblem.LENGTH_MISMATCH,
                    "Upload-Length must be the " + ticket.maxBytes() + " bytes declared when the upload was started.",
                    Map.of("expectedLength", ticket.maxBytes()));
        }
        Instant now = clock.instant();
        Instant ttl = now.plus(properties.sessionTtl());
        UploadSession session = new UploadSession(
                UUID.randomUUID(),
                ticket.fileId(),
                ticket.versionId(),
                ticket.blobId(),
                ticket.ownerId(),
                length,
                ticket.sha256(),
                0,
                metadata,
                UploadSession.State.OPEN,
                ticket.expiresAt().isBefore(ttl) ? ticket.expiresAt() : ttl);
        Boolean created = tx.execute(s -> {
            if (!sessions.insert(session, now)) {
                return false;
            }
            store.create(session.id(), session.blobId(), length);
            return true;
        });
        if (!Boolean.TRUE.equals(created)) {
            UUID existing = sessions.idOfVersion(ticket.versionId()).orElseThrow();
            throw new DepotException(
                    UploadProblem.UPLOAD_EXISTS,
                    "An upload already exists for this ticket; continue it at its location.",
                    Map.of("location", "/api/uploads/" + existing));
        }
        LOG.info(
                "upload {} created for file {} version {} ({} bytes)",
                session.id(),
                session.fileId(),
                session.versionId(),
                length);
        if (body == null && length > 0) {
            return session;
        }
        if (declaredLength > length) {
            throw tooLarge(length);
        }
        return writeOpen(session, body == null ? InputStream.nullInputStream() : body, checksum);
    }

    /** The session as it stands; ended sessions are gone (410), unknown ones not found (404). */
    public UploadSession get(UUID id) {
        UploadSession session = sessions.find(id).orElseThrow(UploadService::notFound);
        if (session.state() == UploadSession.State.OPEN && !clock.instant().isBefore(session.expiresAt())) {
            throw gone(UploadSession.State.EXPIRED);
        }
        if (session.state() == UploadSession.State.TERMINATED
                || session.state() == UploadSession.State.EXPIRED
                || session.state() == UploadSession.State.FAILED) {
            throw gone(session.state());
        }
        return session;
    }

    /**
     * Writes a request body at {@code offset}. Bytes received before the client went away are kept
     * (unless a checksum must be verified); a body that fails its checksum changes nothing.
     *
     * @param declaredLength the request's Content-Length, or -1 when unknown
     * @param checksum the request's {@code Upload-Checksum}, or null
     */
    public UploadSession write(UUID id, long offset, long declaredLength, InputStream body, Checksum checksum) {
        return locks.holding(id, () -> {
            UploadSession session = get(id);
            if (session.state() == UploadSession.State.COMPLETED) {
                if (offset == session.length() && declaredLength <= 0) {
                    return session;
                }
                throw new DepotException(UploadProblem.COMPLETE, "This upload is complete; it accepts no more bytes.");
            }
            if (offset != session.stored()) {
                throw new DepotException(
                        UploadProblem.OFFSET_MISMATCH,
                        "Upload-Offset must be " + session.stored() + ", the number of bytes stored so far.",
                        Map.of("expectedOffset", session.stored()));
            }
            long room = session.length() - session.stored();
            if (declaredLength > room) {
                throw tooLarge(room);
            }
            return writeOpen(session, body, checksum);
        });
    }

    /** Ends an open session at the client's request; its reservation is released. */
    public void terminate(UUID id) {
        locks.holding(id, () -> {
            UploadSession session = get(id);
            if (session.state() == UploadSession.State.COMPLETED) {
                throw new DepotException(UploadProblem.COMPLETE, "This upload is complete; delete the file instead.");
            }
            Boolean ended =
                    tx.execute(s -> end(session, UploadSession.State.TERMINATED, UploadAbandoned.Reason.TERMINATED));
            if (!Boolean.TRUE.equals(ended)) {
                throw gone(UploadSession.State.TERMINATED);
            }
            store.abort(session.id());
            return null;
        });
    }

    /** Ends sessions past their expiry; returns how many. */
    int expire() {
        Instant now = clock.instant();
        List<UploadSession> expired = tx.execute(s -> {
            List<UploadSession> found = sessions.lockExpired(now, EXPIRY_BATCH);
            found.forEach(session -> end(session, UploadSession.State.EXPIRED, UploadAbandoned.Reason.EXPIRED));
            return found;
        });
        expired.forEach(session -> store.abort(session.id()));
        sessions.deleteEndedBefore(now.minus(properties.endedRetention()));
        return expired.size();
    }

    private UploadSession writeOpen(UploadSession session, InputStream in, Checksum checksum) {
        long room = session.length() - session.stored();
        RequestBody body = new RequestBody(in, room, checksum);
        try (UploadStore.Write write = store.write(session.id(), session.stored(), body, checksum != null)) {
            if (body.tooLarge()) {
                throw tooLarge(room);
            }
            if (checksum != null) {
                if (body.interrupted()) {
                    return session;
                }
                if (!body.matchesChecksum()) {
                    throw new DepotException(
                            UploadProblem.CHECKSUM_MISMATCH,
                            "The request body's "
                                    + checksum.algorithm()
                                    + " digest differs from Upload-Checksum; nothing of it "
                                    + "was stored.");
                }
            }
            if (write.offset() < session.length()) {
                if (write.offset() == session.stored()) {
                    return session; // nothing arrived, nothing changes
                }
                write.keep();
                return advance(session, write, null);
            }
            UploadStore.Finished finished = write.finish(session.declaredSha256() != null);
            if (session.declaredSha256() != null && !session.declaredSha256().equals(finished.sha256())) {
                fail(session);
            }
            return advance(session, write, finished.sha256());
        } catch (StorageException e) {
            LOG.warn("upload {}: object store failed", session.id(), e);
            get(session.id());
            throw new DepotException(
                    UploadProblem.STORAGE_UNAVAILABLE, "The bytes could not be stored; send them again.");
        }
    }

    /**
     * Records the bytes the write stored, unless another request got there first; a write that
     * completes the upload announces it.
     *
     * @param sha256 the completed upload's digest, or null (post-processing computes it)
     */
    private UploadSession advance(UploadSession session, UploadStore.Write write, String sha256) {
        UploadSession advanced = session.storedUpTo(write.offset());
        boolean complete = advanced.state() == UploadSession.State.COMPLETED;
        Instant now = clock.instant();
        Boolean recorded = tx.execute(s -> {
            if (!sessions.advance(session.id(), session.stored(), advanced.stored(), now)) {
                return false;
            }
            write.record();
            if (complete) {
                events.publish(
                        UploadCompleted.TYPE,
                        session.fileId().toString(),
                        new UploadCompleted(
                                session.fileId(),
                                session.versionId(),
                                session.blobId(),
                                session.length(),
                                sha256,
                                now));
            }
            return true;
        });
        if (!Boolean.TRUE.equals(recorded)) {
            get(session.id());
            throw new DepotException(
                    UploadProblem.OFFSET_MISMATCH,
                    "Another request wrote to this upload at the same time; ask for its offset again.");
        }
        if (complete) {
            LOG.info("upload {} complete: {} bytes in blob {}", session.id(), advanced.stored(), session.blobId());
        }
        return advanced;
    }

    /**
     * The stored bytes are not what the uploader declared: the upload ends as failed (the reservation
     * is released), its bytes are deleted and the client learns it from the last request.
     */
    private void fail(UploadSession session) {
        tx.executeWithoutResult(s -> end(session, UploadSession.State.FAILED, UploadAbandoned.Reason.FAILED));
        store.abort(session.id());
        throw new DepotException(
                UploadProblem.CHECKSUM_MISMATCH,
                "The upload's SHA-256 differs "
                        + "from the one declared when it was started; it was discarded. Start it again.",
                Map.of("declaredSha256", session.declaredSha256()));
    }

    private boolean end(UploadSession session, UploadSession.State state, UploadAbandoned.Reason reason) {
        Instant now = clock.instant();
        if (!sessions.end(session.id(), state, now)) {
            return false;
        }
        events.publish(
                UploadAbandoned.TYPE,
                session.fileId().toString(),
                new UploadAbandoned(session.fileId(), session.versionId(), session.blobId(), reason, now));
        LOG.info("upload {} {}", session.id(), state.column());
        return true;
    }

    private static DepotException tooLarge(long room) {
        return new DepotException(
                UploadProblem.TOO_LARGE,
                "Only " + room + " more bytes fit in this upload; nothing of this request was stored.",
                Map.of("remainingBytes", room));
    }

    private static DepotException notFound() {
        return new DepotException(UploadProblem.NOT_FOUND, "There is no upload at this address.");
    }

    private static DepotException gone(UploadSession.State state) {
        return new DepotException(
                UploadProblem.GONE,
                switch (state) {
                    case TERMINATED -> "This upload was terminated.";
                    case FAILED -> "This upload's bytes differed from the declared SHA-256; start it again.";
                    default -> "This upload expired; start it again.";
                });
    }
}
