package dev.depot.upload.session;

import dev.depot.contracts.ObjectKeys;
import dev.depot.contracts.ticket.Ticket;
import dev.depot.contracts.uploads.v1.UploadAbandoned;
import dev.depot.contracts.uploads.v1.UploadCompleted;
import dev.depot.kit.events.EventPublisher;
import dev.depot.kit.problem.DepotException;
import dev.depot.upload.UploadProblem;
import dev.depot.upload.lock.UploadLocks;
import dev.depot.upload.store.StorageException;
import dev.depot.upload.store.UploadStore;
import dev.depot.upload.store.UploadStore.StoredPart;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Upload sessions: creation from a verified ticket, writing bytes at an offset, termination and
 * expiry. What a session has stored only grows once its bytes are in the object store, and the
 * completion is announced in the same transaction that records it.
 */
@Service
public class UploadService {

  private static final Logger LOG = LoggerFactory.getLogger(UploadService.class);
  /** Reads start small (slow clients hold little memory) and grow for fast ones. */
  private static final int SMALL_BUFFER = 16 * 1024;
  private static final int LARGE_BUFFER = 256 * 1024;
  private static final long FAST_FILL_NANOS = 20_000_000;
  /** Expired sessions ended per transaction. */
  static final int EXPIRY_BATCH = 100;

  private final SessionRepository sessions;
  private final UploadStore store;
  private final UploadLocks locks;
  private final ContentDigests digests;
  private final SpoolDirectory spool;
  private final ExecutorService partUploads;
  private final EventPublisher events;
  private final TransactionTemplate tx;
  private final UploadProperties properties;
  private final Clock clock;

  UploadService(SessionRepository sessions, UploadStore store, UploadLocks locks,
      ContentDigests digests, SpoolDirectory spool, ExecutorService partUploads,
      EventPublisher events, TransactionTemplate tx, UploadProperties properties, Clock clock) {
    this.sessions = sessions;
    this.store = store;
    this.locks = locks;
    this.digests = digests;
    this.spool = spool;
    this.partUploads = partUploads;
    this.events = events;
    this.tx = tx;
    this.properties = properties;
    this.clock = clock;
  }

  /** Opens a session for the version a ticket allows uploading. */
  public UploadSession create(Ticket ticket, long length, String metadata) {
    if (length > properties.maxSize().toBytes() || length > ticket.maxBytes()) {
      throw new DepotException(UploadProblem.TOO_LARGE, "This upload may hold at most "
          + Math.min(ticket.maxBytes(), properties.maxSize().toBytes()) + " bytes.",
          Map.of("maxBytes", Math.min(ticket.maxBytes(), properties.maxSize().toBytes())));
    }
    if (length != ticket.maxBytes()) {
      throw new DepotException(UploadProblem.LENGTH_MISMATCH, "Upload-Length must be the "
          + ticket.maxBytes() + " bytes declared when the upload was started.",
          Map.of("expectedLength", ticket.maxBytes()));
    }
    Instant now = clock.instant();
    Instant ttl = now.plus(properties.sessionTtl());
    UploadSession session = new UploadSession(UUID.randomUUID(), ticket.fileId(),
        ticket.versionId(), ticket.blobId(), ticket.ownerId(), length, ticket.sha256(), 0,
        properties.partSizeFor(length), null, null, 0, metadata, UploadSession.State.OPEN,
        ticket.expiresAt().isBefore(ttl) ? ticket.expiresAt() : ttl);
    if (!sessions.insert(session, now)) {
      UUID existing = sessions.idOfVersion(ticket.versionId()).orElseThrow();
      throw new DepotException(UploadProblem.UPLOAD_EXISTS,
          "An upload already exists for this ticket; continue it at its location.",
          Map.of("location", "/api/uploads/" + existing));
    }
    LOG.info("upload {} created for file {} version {} ({} bytes)", session.id(),
        session.fileId(), session.versionId(), length);
    return session;
  }

  /** The session as it stands; ended sessions are gone (410), unknown ones not found (404). */
  public UploadSession get(UUID id) {
    UploadSession session = sessions.find(id).orElseThrow(UploadService::notFound);
    if (session.state() == UploadSession.State.OPEN && !clock.instant().isBefore(
        session.expiresAt())) {
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
   */
  public UploadSession write(UUID id, long offset, long declaredLength, InputStream body,
      Checksum checksum) {
    return locks.holding(id, () -> {
      UploadSession session = get(id);
      if (session.state() == UploadSession.State.COMPLETED) {
        if (offset == session.length() && declaredLength <= 0) {
          return session;
        }
        throw new DepotException(UploadProblem.COMPLETE,
            "This upload is complete; it accepts no more bytes.");
      }
      if (offset != session.stored()) {
        throw new DepotException(UploadProblem.OFFSET_MISMATCH, "Upload-Offset must be "
            + session.stored() + ", the number of bytes stored so far.",
            Map.of("expectedOffset", session.stored()));
      }
      long room = session.length() - session.stored();
      if (declaredLength > room) {
        throw tooLarge(room);
      }
      return writeOpen(session, room, body, checksum);
    });
  }

  /** Ends an open session at the client's request; its reservation is released. */
  public void terminate(UUID id) {
    locks.holding(id, () -> {
      UploadSession session = get(id);
      if (session.state() == UploadSession.State.COMPLETED) {
        throw new DepotException(UploadProblem.COMPLETE,
            "This upload is complete; delete the file instead.");
      }
      Boolean ended = tx.execute(s -> end(session, UploadSession.State.TERMINATED,
          UploadAbandoned.Reason.TERMINATED));
      if (!Boolean.TRUE.equals(ended)) {
        throw gone(UploadSession.State.TERMINATED);
      }
      discardStorage(session);
      return null;
    });
  }

  /** Ends sessions past their expiry; returns how many. */
  int expire() {
    Instant now = clock.instant();
    List<UploadSession> expired = tx.execute(s -> {
      List<UploadSession> found = sessions.lockExpired(now, EXPIRY_BATCH);
      found.forEach(session -> end(session, UploadSession.State.EXPIRED,
          UploadAbandoned.Reason.EXPIRED));
      return found;
    });
    expired.forEach(this::discardStorage);
    sessions.deleteEndedBefore(now.minus(properties.endedRetention()));
    return expired.size();
  }

  private UploadSession writeOpen(UploadSession session, long room, InputStream body,
      Checksum checksum) {
    MessageDigest content = digests.resume(session.id(), session.stored());
    MessageDigest check = checksum == null ? null : checksum.newDigest();
    try (PartWriter writer = new PartWriter(session, store, partUploads,
        () -> startMultipart(session), spool.path(), checksum != null)) {
      writer.prepare();
      Received received = receive(body, room, writer, content, check);
      if (received.tooLarge()) {
        throw tooLarge(room);
      }
      if (checksum != null) {
        if (received.interrupted()) {
          return session;
        }
        if (!checksum.matches(check)) {
          throw new DepotException(UploadProblem.CHECKSUM_MISMATCH, "The request body's "
              + checksum.algorithm() + " digest differs from Upload-Checksum; nothing of it "
              + "was stored.");
        }
        writer.release();
      }
      return commit(session, writer, session.stored() + received.bytes(), content);
    } catch (StorageException e) {
      LOG.warn("upload {}: object store failed", session.id(), e);
      get(session.id());
      throw new DepotException(UploadProblem.STORAGE_UNAVAILABLE,
          "The bytes could not be stored; send them again.");
    }
  }

  private record Received(long bytes, boolean interrupted, boolean tooLarge) {}

  private static Received receive(InputStream body, long room, PartWriter writer,
      MessageDigest content, MessageDigest check) {
    byte[] buffer = new byte[SMALL_BUFFER];
    long total = 0;
    int filled = 0;
    long started = System.nanoTime();
    try {
      while (total + filled < room) {
        int n = body.read(buffer, filled, (int) Math.min(buffer.length - filled,
            room - total - filled));
        if (n < 0) {
          break;
        }
        filled += n;
        if (filled == buffer.length) {
          total += flush(buffer, filled, writer, content, check);
          filled = 0;
          if (buffer.length == SMALL_BUFFER && System.nanoTime() - started < FAST_FILL_NANOS) {
            buffer = new byte[LARGE_BUFFER];
          }
          started = System.nanoTime();
        }
      }
      total += flush(buffer, filled, writer, content, check);
      return new Received(total, false, total == room && body.read() >= 0);
    } catch (IOException e) {
      total += flush(buffer, filled, writer, content, check);
      return new Received(total, true, false);
    }
  }

  private static int flush(byte[] buffer, int length, PartWriter writer, MessageDigest content,
      MessageDigest check) {
    if (length > 0) {
      writer.write(buffer, 0, length);
      if (content != null) {
        content.update(buffer, 0, length);
      }
      if (check != null) {
        check.update(buffer, 0, length);
      }
    }
    return length;
  }

  private UploadSession commit(UploadSession session, PartWriter writer, long stored,
      MessageDigest content) {
    List<StoredPart> parts = new ArrayList<>(writer.parts());
    boolean complete = stored == session.length();
    String seen = complete ? digests.finish(session.id(), content) : null;
    if (seen != null && session.declaredSha256() != null
        && !seen.equals(session.declaredSha256())) {
      fail(session, false);
    }
    String tailKey = null;
    long tailSize = 0;
    if (complete) {
      finish(session, writer, parts);
    } else if (writer.spooled() > 0) {
      tailKey = ObjectKeys.uploadTail(session.id(), stored);
      tailSize = writer.spooled();
      store.putTail(tailKey, writer.spool(), 0, tailSize);
    }
    String sha256 = complete && seen == null && session.declaredSha256() != null
        ? readBack(session) : seen;
    Instant now = clock.instant();
    String newTail = tailKey;
    long newTailSize = tailSize;
    Boolean advanced = tx.execute(s -> {
      if (!sessions.advance(session.id(), session.stored(), stored, newTail, newTailSize,
          parts, complete, now)) {
        return false;
      }
      if (complete) {
        events.publish(UploadCompleted.TYPE, session.fileId().toString(),
            new UploadCompleted(session.fileId(), session.versionId(), session.blobId(),
                session.length(), sha256, now));
      }
      return true;
    });
    if (!Boolean.TRUE.equals(advanced)) {
      get(session.id());
      throw new DepotException(UploadProblem.OFFSET_MISMATCH,
          "Another request wrote to this upload at the same time; ask for its offset again.");
    }
    if (!complete) {
      digests.save(session.id(), stored, content);
    }
    if (session.tailKey() != null) {
      partUploads.execute(() -> dropTail(session));
    }
    if (complete) {
      LOG.info("upload {} complete: {} bytes in blob {}", session.id(), stored,
          session.blobId());
    }
    return new UploadSession(session.id(), session.fileId(), session.versionId(),
        session.blobId(), session.ownerId(), session.length(), session.declaredSha256(), stored,
        session.partSize(),
        session.multipartId(), newTail, newTailSize, session.metadata(),
        complete ? UploadSession.State.COMPLETED : UploadSession.State.OPEN,
        session.expiresAt());
  }

  /**
   * The SHA-256 of a complete upload that this instance did not see whole (it was continued after
   * a restart, or on another instance), read back from the store when the uploader declared one:
   * a declared digest holds whichever instance took the bytes. Only then does the last request
   * wait for a read of the whole object.
   */
  private String readBack(UploadSession session) {
    long started = System.nanoTime();
    String sha256;
    try (InputStream in = store.openBlob(session.blobId())) {
      sha256 = ContentDigests.of(in);
    } catch (IOException e) {
      throw new StorageException("could not read back blob " + session.blobId(), e);
    }
    LOG.info("upload {}: SHA-256 read back from the store in {} ms", session.id(),
        (System.nanoTime() - started) / 1_000_000);
    if (!sha256.equals(session.declaredSha256())) {
      fail(session, true);
    }
    return sha256;
  }

  /**
   * The stored bytes are not what the uploader declared: the upload ends as failed (the
   * reservation is released), its bytes are deleted ({@code joined}: from the blob's object too)
   * and the client learns it from the last request.
   */
  private void fail(UploadSession session, boolean joined) {
    tx.executeWithoutResult(s -> end(session, UploadSession.State.FAILED,
        UploadAbandoned.Reason.FAILED));
    discardStorage(session);
    if (joined) {
      try {
        store.deleteBlob(session.blobId());
      } catch (StorageException e) {
        LOG.warn("upload {}: could not delete blob {}: {}", session.id(), session.blobId(),
            e.getMessage());
      }
    }
    throw new DepotException(UploadProblem.CHECKSUM_MISMATCH, "The upload's SHA-256 differs "
        + "from the one declared when it was started; it was discarded. Start it again.",
        Map.of("declaredSha256", session.declaredSha256()));
  }

  /** Puts the last bytes in place: the whole blob, or the last part and the multipart join. */
  private void finish(UploadSession session, PartWriter writer, List<StoredPart> parts) {
    if (session.multipartId() == null && parts.isEmpty()) {
      store.putBlob(session.blobId(), writer.spool(), writer.spooled());
      return;
    }
    List<StoredPart> all = new ArrayList<>(sessions.parts(session.id()));
    all.addAll(parts);
    if (writer.spooled() > 0) {
      StoredPart last = writer.storeLastPart();
      parts.add(last);
      all.add(last);
    }
    store.completeMultipart(session.blobId(), writer.multipart(), all);
  }

  private String startMultipart(UploadSession session) {
    String started = store.beginMultipart(session.blobId());
    sessions.setMultipart(session.id(), started, clock.instant());
    return started;
  }

  private boolean end(UploadSession session, UploadSession.State state,
      UploadAbandoned.Reason reason) {
    Instant now = clock.instant();
    if (!sessions.end(session.id(), state, now)) {
      return false;
    }
    events.publish(UploadAbandoned.TYPE, session.fileId().toString(), new UploadAbandoned(
        session.fileId(), session.versionId(), session.blobId(), reason, now));
    LOG.info("upload {} {}", session.id(), state.column());
    return true;
  }

  /** Removes what an ended session left in the object store; failures only leave garbage. */
  private void discardStorage(UploadSession session) {
    digests.forget(session.id());
    try {
      String multipart = sessions.find(session.id()).map(UploadSession::multipartId)
          .orElse(session.multipartId());
      if (multipart != null) {
        store.abortMultipart(session.blobId(), multipart);
      }
      store.deleteTails(session.id());
    } catch (StorageException e) {
      LOG.warn("upload {}: could not discard its stored bytes: {}", session.id(),
          e.getMessage());
    }
  }

  /** Deletes the tail a request replaced (tail keys name the offset, so it is never reused). */
  private void dropTail(UploadSession replaced) {
    try {
      store.deleteTail(replaced.tailKey());
    } catch (StorageException e) {
      LOG.warn("upload {}: could not delete old tail {}: {}", replaced.id(), replaced.tailKey(),
          e.getMessage());
    }
  }

  private static DepotException tooLarge(long room) {
    return new DepotException(UploadProblem.TOO_LARGE, "Only " + room
        + " more bytes fit in this upload; nothing of this request was stored.",
        Map.of("remainingBytes", room));
  }

  private static DepotException notFound() {
    return new DepotException(UploadProblem.NOT_FOUND, "There is no upload at this address.");
  }

  private static DepotException gone(UploadSession.State state) {
    return new DepotException(UploadProblem.GONE, switch (state) {
      case TERMINATED -> "This upload was terminated.";
      case FAILED -> "This upload's bytes differed from the declared SHA-256; start it again.";
      default -> "This upload expired; start it again.";
    });
  }
}
