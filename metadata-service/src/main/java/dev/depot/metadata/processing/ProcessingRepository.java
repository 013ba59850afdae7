package dev.depot.metadata.processing;

import dev.depot.metadata.SqlArrays;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The processing state of versions and what it found out about their blobs. */
@Repository
class ProcessingRepository {

    /** A file whose current version was settled, and its owner, who is told. */
    record Settled(UUID fileId, UUID ownerId, UUID versionId) {}

    /** A version waiting for processing, with what a new request for it needs. */
    record Waiting(
            UUID fileId,
            UUID versionId,
            UUID blobId,
            UUID ownerId,
            long size,
            String mimeType,
            String sha256,
            int attempts) {}

    private final JdbcClient jdbc;

    ProcessingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Settles every version of the blob still processing: status, sniffed type and checksum; the
     * files whose current version it is follow, and are returned.
     */
    List<Settled> settle(UUID blobId, String status, String mimeType, String sha256, String previews, Instant now) {
        jdbc.sql("UPDATE blobs SET previews = CAST(? AS jsonb), processed_at = ?,"
                        + " sha256 = coalesce(sha256, ?) WHERE id = ?")
                .params(previews, Timestamp.from(now), sha256, blobId)
                .update();
        List<UUID> settled = jdbc.sql("UPDATE versions SET status = ?, mime_type = ?,"
                        + " sha256 = coalesce(sha256, ?), processing_since = NULL"
                        + " WHERE blob_id = ? AND status = 'processing' RETURNING id")
                .params(status, mimeType, sha256, blobId)
                .query(UUID.class)
                .list();
        if (settled.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("UPDATE items SET content_status = ?, mime_type = ?"
                        + " WHERE current_version_id = ANY(CAST(? AS uuid[]))"
                        + " RETURNING id, owner_id, current_version_id")
                .params(status, mimeType, SqlArrays.uuidArray(settled))
                .query(ProcessingRepository::settled)
                .list();
    }

    private static Settled settled(ResultSet rs, int row) throws SQLException {
        return new Settled(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class));
    }

    /** Versions processing since before {@code cutoff}, locked (skipping locked ones). */
    List<Waiting> lockStuck(Instant cutoff, int limit) {
        return jdbc.sql("SELECT v.file_id, v.id, v.blob_id, b.owner_id, v.size, v.mime_type,"
                        + " v.sha256, v.processing_attempts FROM versions v JOIN blobs b ON b.id = v.blob_id"
                        + " WHERE v.status = 'processing' AND v.processing_since < ?"
                        + " ORDER BY v.processing_since LIMIT ? FOR UPDATE OF v SKIP LOCKED")
                .params(Timestamp.from(cutoff), limit)
                .query((rs, n) -> new Waiting(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getInt(8)))
                .list();
    }

    void retry(UUID versionId, Instant now) {
        jdbc.sql("UPDATE versions SET processing_attempts = processing_attempts + 1,"
                        + " processing_since = ? WHERE id = ?")
                .params(Timestamp.from(now), versionId)
                .update();
    }

    /** Gives up on one version: downloadable, without previews. Returns its file if current. */
    Optional<Settled> fail(UUID versionId) {
        jdbc.sql("UPDATE versions SET status = 'failed', processing_since = NULL WHERE id = ?")
                .param(versionId)
                .update();
        return jdbc.sql("UPDATE items SET content_status = 'failed' WHERE current_version_id = ?"
                        + " RETURNING id, owner_id, current_version_id")
                .param(versionId)
                .query(ProcessingRepository::settled)
                .optional();
    }
}
