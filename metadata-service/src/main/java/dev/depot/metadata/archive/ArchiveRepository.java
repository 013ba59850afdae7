package dev.depot.metadata.archive;

import dev.depot.metadata.paging.TimeCursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code archives} table. Reports only ever move a {@code preparing} archive on. */
@Repository
class ArchiveRepository {

    private static final String COLUMNS = "id, owner_id, name, status, entries, total_bytes,"
            + " entries_done, bytes_done, size, error, created_at, ready_at, expires_at";

    private final JdbcClient jdbc;

    ArchiveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An archive still preparing that nothing was heard of for a while. */
    record Stalled(UUID id, UUID ownerId, int entries, long totalBytes, int attempts) {}

    void insert(Archive archive) {
        jdbc.sql("INSERT INTO archives (id, owner_id, name, status, entries, total_bytes,"
                        + " created_at, expires_at, touched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        archive.id(),
                        archive.ownerId(),
                        archive.name(),
                        archive.status(),
                        archive.entries(),
                        archive.totalBytes(),
                        Timestamp.from(archive.createdAt()),
                        Timestamp.from(archive.expiresAt()),
                        Timestamp.from(archive.createdAt()))
                .update();
    }

    Optional<Archive> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM archives WHERE id = ?")
                .param(id)
                .query(ArchiveRepository::map)
                .optional();
    }

    /** The owner's archives not yet expired nor deleted, newest first, before a position. */
    List<Archive> page(UUID ownerId, TimeCursor before, int limit) {
        String after = before == null ? "" : " AND (created_at, id) < (:at, :id)";
        var statement = jdbc.sql("SELECT "
                        + COLUMNS
                        + " FROM archives WHERE owner_id = :owner"
                        + " AND status IN ('preparing', 'ready', 'failed')"
                        + after
                        + " ORDER BY created_at DESC, id DESC LIMIT :n")
                .param("owner", ownerId)
                .param("n", limit);
        if (before != null) {
            statement = statement.param("at", Timestamp.from(before.at())).param("id", before.id());
        }
        return statement.query(ArchiveRepository::map).list();
    }

    Optional<Archive> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM archives WHERE id = ? FOR UPDATE")
                .param(id)
                .query(ArchiveRepository::map)
                .optional();
    }

    /** Progress of a build, and the archive it moved; a report after the outcome moves none. */
    Optional<Archive> progress(UUID id, int entriesDone, long bytesDone, Instant now) {
        return jdbc.sql("UPDATE archives SET entries_done = least(?, entries),"
                        + " bytes_done = least(?, total_bytes), touched_at = ?"
                        + " WHERE id = ? AND status = 'preparing' RETURNING "
                        + COLUMNS)
                .params(entriesDone, bytesDone, Timestamp.from(now), id)
                .query(ArchiveRepository::map)
                .optional();
    }

    /** Archives preparing with no news since {@code cutoff}, locked (skipping rows others hold). */
    List<Stalled> lockStalled(Instant cutoff, int limit) {
        return jdbc.sql("SELECT id, owner_id, entries, total_bytes, attempts FROM archives"
                        + " WHERE status = 'preparing' AND touched_at < ?"
                        + " ORDER BY touched_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(Timestamp.from(cutoff), limit)
                .query((rs, row) -> new Stalled(
                        rs.getObject("id", UUID.class),
                        rs.getObject("owner_id", UUID.class),
                        rs.getInt("entries"),
                        rs.getLong("total_bytes"),
                        rs.getInt("attempts")))
                .list();
    }

    void askedAgain(UUID id, Instant now) {
        jdbc.sql("UPDATE archives SET attempts = attempts + 1, touched_at = ? WHERE id = ?")
                .params(Timestamp.from(now), id)
                .update();
    }

    /** Settles a preparing archive as ready; empty when it was settled already. */
    Optional<Archive> ready(UUID id, long size, Instant now) {
        return jdbc.sql("UPDATE archives SET status = 'ready', size = ?, ready_at = ?,"
                        + " entries_done = entries, bytes_done = total_bytes, error = NULL"
                        + " WHERE id = ? AND status = 'preparing' RETURNING "
                        + COLUMNS)
                .params(size, Timestamp.from(now), id)
                .query(ArchiveRepository::map)
                .optional();
    }

    /** Settles a preparing archive as failed; empty when it was settled already. */
    Optional<Archive> failed(UUID id, String error) {
        return jdbc.sql("UPDATE archives SET status = 'failed', error = ?"
                        + " WHERE id = ? AND status = 'preparing' RETURNING "
                        + COLUMNS)
                .params(error, id)
                .query(ArchiveRepository::map)
                .optional();
    }

    void markDeleted(UUID id) {
        jdbc.sql("UPDATE archives SET status = 'deleted' WHERE id = ?")
                .param(id)
                .update();
    }

    /** Archives past their time and not yet expired, locked (skipping rows others hold). */
    List<Archive> lockExpired(Instant now, int limit) {
        return jdbc.sql("SELECT "
                        + COLUMNS
                        + " FROM archives"
                        + " WHERE status IN ('preparing', 'ready', 'failed') AND expires_at < ?"
                        + " ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(Timestamp.from(now), limit)
                .query(ArchiveRepository::map)
                .list();
    }

    void markExpired(UUID id) {
        jdbc.sql("UPDATE archives SET status = 'expired' WHERE id = ?")
                .param(id)
                .update();
    }

    /** Forgets expired and deleted archives whose time ended before {@code cutoff}. */
    int forgetGone(Instant cutoff) {
        return jdbc.sql("DELETE FROM archives WHERE status IN ('expired', 'deleted')" + " AND expires_at < ?")
                .param(Timestamp.from(cutoff))
                .update();
    }

    private static Archive map(ResultSet rs, int row) throws SQLException {
        long size = rs.getLong("size");
        Long sizeOrNull = rs.wasNull() ? null : size;
        Timestamp ready = rs.getTimestamp("ready_at");
        return new Archive(
                rs.getObject("id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                rs.getString("name"),
                rs.getString("status"),
                rs.getInt("entries"),
                rs.getLong("total_bytes"),
                rs.getInt("entries_done"),
                rs.getLong("bytes_done"),
                sizeOrNull,
                rs.getString("error"),
                rs.getTimestamp("created_at").toInstant(),
                ready == null ? null : ready.toInstant(),
                rs.getTimestamp("expires_at").toInstant());
    }
}
