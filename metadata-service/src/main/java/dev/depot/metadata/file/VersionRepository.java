package dev.depot.metadata.file;

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

/** The {@code versions} and {@code blobs} tables. */
@Repository
class VersionRepository {

    private static final String COLUMNS = "id, file_id, number, blob_id, size, mime_type, sha256,"
            + " status, upload_expires_at, created_at, created_by";

    private final JdbcClient jdbc;

    VersionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Version> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM versions WHERE id = ?")
                .param(id)
                .query(VersionRepository::map)
                .optional();
    }

    public Optional<Version> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM versions WHERE id = ? FOR UPDATE")
                .param(id)
                .query(VersionRepository::map)
                .optional();
    }

    /** Newest first, uploads in progress included. */
    public List<Version> ofFile(UUID fileId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM versions WHERE file_id = ? ORDER BY number DESC")
                .param(fileId)
                .query(VersionRepository::map)
                .list();
    }

    public int nextNumber(UUID fileId) {
        return jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM versions WHERE file_id = ?")
                .param(fileId)
                .query(Integer.class)
                .single();
    }

    public void insertBlob(UUID blobId, UUID ownerId, long size, String sha256, boolean stored, Instant now) {
        jdbc.sql("INSERT INTO blobs (id, owner_id, size, sha256, stored, created_at)" + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(blobId, ownerId, size, sha256, stored, Timestamp.from(now))
                .update();
    }

    /** Inserts a version; one still processing (a copy of one) waits from its creation. */
    public void insert(Version v) {
        jdbc.sql("INSERT INTO versions ("
                        + COLUMNS
                        + ", processing_since)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        v.id(),
                        v.fileId(),
                        v.number(),
                        v.blobId(),
                        v.size(),
                        v.mimeType(),
                        v.sha256(),
                        v.status().column(),
                        v.uploadExpiresAt() == null ? null : Timestamp.from(v.uploadExpiresAt()),
                        Timestamp.from(v.createdAt()),
                        v.createdBy(),
                        v.status() == Version.Status.PROCESSING ? Timestamp.from(v.createdAt()) : null)
                .update();
    }

    /** The upload's bytes are stored: the version (now processing) and its blob say so. */
    public void markStored(Version v, String sha256, Instant now) {
        jdbc.sql("UPDATE versions SET status = 'processing', sha256 = coalesce(sha256, ?),"
                        + " upload_expires_at = NULL, processing_since = ?, processing_attempts = 1"
                        + " WHERE id = ?")
                .params(sha256, Timestamp.from(now), v.id())
                .update();
        jdbc.sql("UPDATE blobs SET stored = true, sha256 = coalesce(sha256, ?) WHERE id = ?")
                .params(sha256, v.blobId())
                .update();
    }

    /** Versions still uploading whose session expired before {@code cutoff}. */
    public List<UUID> uploadsExpiredBefore(Instant cutoff) {
        return jdbc.sql("SELECT id FROM versions WHERE status = 'uploading'"
                        + " AND upload_expires_at < ? ORDER BY upload_expires_at LIMIT 500")
                .param(Timestamp.from(cutoff))
                .query(UUID.class)
                .list();
    }

    public void delete(UUID versionId) {
        jdbc.sql("DELETE FROM versions WHERE id = ?").param(versionId).update();
    }

    static Version map(ResultSet rs, int row) throws SQLException {
        Timestamp expires = rs.getTimestamp("upload_expires_at");
        return new Version(
                rs.getObject("id", UUID.class),
                rs.getObject("file_id", UUID.class),
                rs.getInt("number"),
                rs.getObject("blob_id", UUID.class),
                rs.getLong("size"),
                rs.getString("mime_type"),
                rs.getString("sha256"),
                Version.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
                expires == null ? null : expires.toInstant(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("created_by", UUID.class));
    }
}
