package dev.depot.metadata.blob;

import dev.depot.metadata.SqlArrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code blobs} rows that no version refers to any more. */
@Repository
class BlobRepository {

    private final JdbcClient jdbc;

    BlobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deletes the blobs among {@code candidates} that no version refers to any more, and returns
     * them: their objects can go.
     */
    List<UUID> releaseUnreferenced(List<UUID> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("DELETE FROM blobs b WHERE b.id = ANY(CAST(? AS uuid[]))"
                        + " AND NOT EXISTS (SELECT 1 FROM versions v WHERE v.blob_id = b.id) RETURNING b.id")
                .param(SqlArrays.uuidArray(candidates))
                .query(UUID.class)
                .list();
    }
}
