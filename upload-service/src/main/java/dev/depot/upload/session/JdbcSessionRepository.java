package dev.depot.upload.session;

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

/** {@link SessionRepository} in Postgres. */
@Repository
class JdbcSessionRepository implements SessionRepository {

    private static final String COLUMNS = "id, file_id, version_id, blob_id, owner_id, length, "
            + "declared_sha256, stored, metadata, state, expires_at";

    private final JdbcClient jdbc;

    JdbcSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(UploadSession s, Instant now) {
        return jdbc.sql("""
        INSERT INTO sessions (id, file_id, version_id, blob_id, owner_id, length, declared_sha256,
          metadata, expires_at, created_at, updated_at)
        VALUES (:id, :file, :version, :blob, :owner, :length, :sha256, :metadata, :expires, :now,
          :now)
        ON CONFLICT (version_id) DO NOTHING""")
                        .param("id", s.id())
                        .param("file", s.fileId())
                        .param("version", s.versionId())
                        .param("blob", s.blobId())
                        .param("owner", s.ownerId())
                        .param("length", s.length())
                        .param("sha256", s.declaredSha256())
                        .param("metadata", s.metadata())
                        .param("expires", Timestamp.from(s.expiresAt()))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    @Override
    public Optional<UploadSession> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sessions WHERE id = :id")
                .param("id", id)
                .query(JdbcSessionRepository::map)
                .optional();
    }

    @Override
    public Optional<UUID> idOfVersion(UUID versionId) {
        return jdbc.sql("SELECT id FROM sessions WHERE version_id = :v")
                .param("v", versionId)
                .query(UUID.class)
                .optional();
    }

    @Override
    public boolean advance(UUID id, long expected, long stored, Instant now) {
        return jdbc.sql("""
        UPDATE sessions SET stored = :stored, state = CASE WHEN :stored = length
          THEN 'completed' ELSE 'open' END, updated_at = :now
        WHERE id = :id AND stored = :expected AND state = 'open'""")
                        .param("stored", stored)
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .param("expected", expected)
                        .update()
                == 1;
    }

    @Override
    public boolean end(UUID id, UploadSession.State state, Instant now) {
        return jdbc.sql("""
        UPDATE sessions SET state = :state, updated_at = :now WHERE id = :id AND state = 'open'""")
                        .param("state", state.column())
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    @Override
    public List<UploadSession> lockExpired(Instant now, int limit) {
        return jdbc.sql("SELECT "
                        + COLUMNS
                        + " FROM sessions WHERE state = 'open' "
                        + "AND expires_at <= :now ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(JdbcSessionRepository::map)
                .list();
    }

    @Override
    public int deleteEndedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM sessions WHERE state <> 'open' AND updated_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }

    private static UploadSession map(ResultSet rs, int row) throws SQLException {
        return new UploadSession(
                rs.getObject("id", UUID.class),
                rs.getObject("file_id", UUID.class),
                rs.getObject("version_id", UUID.class),
                rs.getObject("blob_id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                rs.getLong("length"),
                rs.getString("declared_sha256"),
                rs.getLong("stored"),
                rs.getString("metadata"),
                UploadSession.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                rs.getTimestamp("expires_at").toInstant());
    }
}
