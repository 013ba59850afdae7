package dev.depot.metadata.download;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a download URL is made of: a file and one of its versions, read together. */
@Repository
class DownloadTargetRepository {

    /** The facts a download URL needs, in one row. */
    record Target(
            UUID ownerId,
            String name,
            boolean live,
            UUID versionId,
            int number,
            UUID blobId,
            String mimeType,
            boolean stored,
            long size,
            Instant createdAt) {}

    private final JdbcClient jdbc;

    DownloadTargetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The file's version (its current one unless named), in one indexed read. */
    Optional<Target> find(UUID fileId, UUID versionId) {
        return jdbc.sql("SELECT i.owner_id, i.name, i.deleted_at IS NULL, v.id, v.number,"
                        + " v.blob_id, v.mime_type, v.status <> 'uploading', v.size, v.created_at"
                        + " FROM items i JOIN versions v ON v.file_id = i.id"
                        + " AND v.id = coalesce(?, i.current_version_id) WHERE i.id = ? AND i.kind = 'file'")
                .params(versionId, fileId)
                .query((rs, n) -> new Target(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getObject(4, UUID.class),
                        rs.getInt(5),
                        rs.getObject(6, UUID.class),
                        rs.getString(7),
                        rs.getBoolean(8),
                        rs.getLong(9),
                        rs.getTimestamp(10).toInstant()))
                .optional();
    }
}
