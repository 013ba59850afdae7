package dev.depot.metadata.archive;

import dev.depot.metadata.SqlArrays;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what a selection holds: the live, complete files and the live folders of the selected items
 * and of every folder below them (the materialized path finds a subtree in one indexed query).
 */
@Repository
class SelectionRepository {

    /** A live folder or complete file; {@code blobId} is null for folders. */
    record Row(
            UUID id,
            UUID parentId,
            boolean folder,
            String name,
            Instant modifiedAt,
            UUID blobId,
            long size,
            String mimeType) {}

    /** How much a selection holds, counted before it is read. */
    record Totals(long entries, long bytes) {}

    private static final String LIVE = " FROM items i LEFT JOIN versions v"
            + " ON v.id = i.current_version_id AND v.status <> 'uploading'"
            + " WHERE (i.id = ANY(CAST(:ids AS uuid[])) OR i.ancestors && CAST(:folders AS uuid[]))"
            + " AND i.deleted_at IS NULL AND (i.kind = 'folder' OR v.id IS NOT NULL)";

    private final JdbcClient jdbc;

    SelectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Totals totals(List<UUID> ids, List<UUID> folders) {
        return jdbc.sql("SELECT count(*), coalesce(sum(v.size), 0)" + LIVE)
                .param("ids", SqlArrays.uuidArray(ids))
                .param("folders", SqlArrays.uuidArray(folders))
                .query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    List<Row> rows(List<UUID> ids, List<UUID> folders) {
        return jdbc.sql("SELECT i.id, i.parent_id, i.kind = 'folder', i.name, i.modified_at,"
                        + " v.blob_id, coalesce(v.size, 0), v.mime_type"
                        + LIVE)
                .param("ids", SqlArrays.uuidArray(ids))
                .param("folders", SqlArrays.uuidArray(folders))
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getBoolean(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getObject(6, UUID.class),
                        rs.getLong(7),
                        rs.getString(8)))
                .list();
    }
}
