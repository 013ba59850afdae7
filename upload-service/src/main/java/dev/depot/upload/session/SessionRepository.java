package dev.depot.upload.session;

import dev.depot.upload.store.UploadStore.StoredPart;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Upload sessions in Postgres. Every change of what is stored names the {@code stored} value it
 * expects, so of two writers of one upload (on two instances) only one can win.
 */
@Repository
class SessionRepository {

  private static final String COLUMNS = "id, file_id, version_id, blob_id, owner_id, length, "
      + "declared_sha256, stored, part_size, multipart_id, tail_key, tail_size, metadata, state, expires_at";

  private final JdbcClient jdbc;

  SessionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts a session; false if its version already has one. */
  boolean insert(UploadSession s, Instant now) {
    return jdbc.sql("""
        INSERT INTO sessions (id, file_id, version_id, blob_id, owner_id, length, declared_sha256,
          part_size, metadata, expires_at, created_at, updated_at)
        VALUES (:id, :file, :version, :blob, :owner, :length, :sha256, :partSize, :metadata,
          :expires, :now, :now)
        ON CONFLICT (version_id) DO NOTHING""")
        .param("id", s.id()).param("file", s.fileId()).param("version", s.versionId())
        .param("blob", s.blobId()).param("owner", s.ownerId()).param("length", s.length())
        .param("sha256", s.declaredSha256()).param("partSize", s.partSize()).param("metadata", s.metadata())
        .param("expires", Timestamp.from(s.expiresAt())).param("now", Timestamp.from(now))
        .update() == 1;
  }

  Optional<UploadSession> find(UUID id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM sessions WHERE id = :id").param("id", id)
        .query(SessionRepository::map).optional();
  }

  Optional<UUID> idOfVersion(UUID versionId) {
    return jdbc.sql("SELECT id FROM sessions WHERE version_id = :v").param("v", versionId)
        .query(UUID.class).optional();
  }

  List<StoredPart> parts(UUID id) {
    return jdbc.sql("SELECT number, etag, size FROM parts WHERE session_id = :id ORDER BY number")
        .param("id", id)
        .query((rs, n) -> new StoredPart(rs.getInt(1), rs.getString(2), rs.getLong(3))).list();
  }

  void setMultipart(UUID id, String multipartId, Instant now) {
    jdbc.sql("UPDATE sessions SET multipart_id = :mp, updated_at = :now WHERE id = :id")
        .param("mp", multipartId).param("now", Timestamp.from(now)).param("id", id).update();
  }

  /**
   * Records newly stored bytes of an open session that still has {@code expected} bytes;
   * false if another request or the expiry got there first.
   */
  boolean advance(UUID id, long expected, long stored, String tailKey, long tailSize,
      List<StoredPart> newParts, boolean completed, Instant now) {
    int changed = jdbc.sql("""
        UPDATE sessions SET stored = :stored, tail_key = :tailKey, tail_size = :tailSize,
          state = :state, updated_at = :now
        WHERE id = :id AND stored = :expected AND state = 'open'""")
        .param("stored", stored).param("tailKey", tailKey).param("tailSize", tailSize)
        .param("state", (completed ? UploadSession.State.COMPLETED : UploadSession.State.OPEN)
            .column())
        .param("now", Timestamp.from(now)).param("id", id).param("expected", expected)
        .update();
    if (changed == 0) {
      return false;
    }
    for (StoredPart p : newParts) {
      jdbc.sql("""
          INSERT INTO parts (session_id, number, etag, size) VALUES (:id, :n, :etag, :size)
          ON CONFLICT (session_id, number) DO UPDATE SET etag = :etag, size = :size""")
          .param("id", id).param("n", p.number()).param("etag", p.etag())
          .param("size", p.size()).update();
    }
    return true;
  }

  /** Ends an open session (terminated or expired); false if it was no longer open. */
  boolean end(UUID id, UploadSession.State state, Instant now) {
    return jdbc.sql("""
        UPDATE sessions SET state = :state, tail_key = NULL, tail_size = 0, updated_at = :now
        WHERE id = :id AND state = 'open'""")
        .param("state", state.column()).param("now", Timestamp.from(now)).param("id", id)
        .update() == 1;
  }

  /** Open sessions past their expiry, locked for this transaction (skipping locked ones). */
  List<UploadSession> lockExpired(Instant now, int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM sessions WHERE state = 'open' "
        + "AND expires_at <= :now ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED")
        .param("now", Timestamp.from(now)).param("limit", limit)
        .query(SessionRepository::map).list();
  }

  /** Forgets sessions that ended before {@code cutoff} (their parts go with them). */
  int deleteEndedBefore(Instant cutoff) {
    return jdbc.sql("DELETE FROM sessions WHERE state <> 'open' AND updated_at < :cutoff")
        .param("cutoff", Timestamp.from(cutoff)).update();
  }

  private static UploadSession map(ResultSet rs, int row) throws SQLException {
    return new UploadSession(rs.getObject("id", UUID.class), rs.getObject("file_id", UUID.class),
        rs.getObject("version_id", UUID.class), rs.getObject("blob_id", UUID.class),
        rs.getObject("owner_id", UUID.class), rs.getLong("length"),
        rs.getString("declared_sha256"), rs.getLong("stored"),
        rs.getLong("part_size"), rs.getString("multipart_id"), rs.getString("tail_key"),
        rs.getLong("tail_size"), rs.getString("metadata"),
        UploadSession.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
        rs.getTimestamp("expires_at").toInstant());
  }
}
