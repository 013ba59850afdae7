package dev.depot.metadata.trash;

import dev.depot.metadata.paging.TimeCursor;
import dev.depot.metadata.quota.QuotaLedger.Delta;
import dev.depot.metadata.tree.Item;
import dev.depot.metadata.tree.ItemRows;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whole subtrees in and out of the trash, one statement each. Every item trashed together shares
 * the {@code trash_root_id} of the item the user deleted, so it comes back together.
 */
@Repository
class TrashRepository {

    /** What a purge frees and which blobs it may release. */
    record Purged(long storedBytes, long reservedBytes, List<UUID> blobIds) {}

    private static final String SIZES = " SELECT"
            + " coalesce(sum(v.size) FILTER (WHERE v.id = m.current_version_id), 0),"
            + " coalesce(sum(v.size) FILTER (WHERE v.id <> m.current_version_id"
            + " AND v.status <> 'uploading'), 0)"
            + " FROM changed m JOIN versions v ON v.file_id = m.id";

    private final JdbcClient jdbc;

    TrashRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Trashes an item and its live descendants; returns the ledger change. */
    Delta trash(UUID rootId, UUID actorId, Instant now) {
        long[] sizes = jdbc.sql("WITH changed AS (UPDATE items SET deleted_at = ?, deleted_by = ?,"
                        + " trash_root_id = ? WHERE (id = ? OR ancestors @> ARRAY[?]::uuid[])"
                        + " AND deleted_at IS NULL RETURNING id, current_version_id)"
                        + SIZES)
                .params(Timestamp.from(now), actorId, rootId, rootId, rootId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        return new Delta(-sizes[0], -sizes[1], sizes[0] + sizes[1], 0);
    }

    /** Takes a trash group out of the trash; returns the ledger change. */
    Delta restore(UUID rootId) {
        long[] sizes = jdbc.sql("WITH changed AS (UPDATE items SET deleted_at = NULL,"
                        + " deleted_by = NULL, trash_root_id = NULL WHERE trash_root_id = ?"
                        + " RETURNING id, current_version_id)"
                        + SIZES)
                .param(rootId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        return new Delta(sizes[0], sizes[1], -sizes[0] - sizes[1], 0);
    }

    /** Deletes a trashed item with everything below it for good. */
    Purged purge(UUID rootId) {
        Purged purged = jdbc.sql("SELECT"
                        + " coalesce(sum(v.size) FILTER (WHERE v.status <> 'uploading'), 0),"
                        + " coalesce(sum(v.size) FILTER (WHERE v.status = 'uploading'), 0),"
                        + " coalesce(array_agg(DISTINCT v.blob_id), '{}'::uuid[])"
                        + " FROM items i JOIN versions v ON v.file_id = i.id"
                        + " WHERE i.id = ? OR i.ancestors @> ARRAY[?]::uuid[]")
                .params(rootId, rootId)
                .query((rs, n) -> new Purged(rs.getLong(1), rs.getLong(2), blobIds(rs.getArray(3))))
                .single();
        jdbc.sql("DELETE FROM items WHERE id = ? OR ancestors @> ARRAY[?]::uuid[]")
                .params(rootId, rootId)
                .update();
        return purged;
    }

    /** A trash group's root, locked, if it is one. */
    Optional<Item> lockTrashRoot(UUID id) {
        return jdbc.sql("SELECT "
                        + ItemRows.COLUMNS
                        + " FROM items"
                        + " WHERE id = ? AND trash_root_id = id FOR UPDATE")
                .param(id)
                .query(ItemRows::map)
                .optional();
    }

    /** The caller's trash, most recently deleted first. */
    List<Item> page(UUID ownerId, TimeCursor before, int limit) {
        String after = before == null ? "" : " AND (deleted_at, id) < (:at, :id)";
        var statement = jdbc.sql("SELECT "
                        + ItemRows.COLUMNS
                        + " FROM items"
                        + " WHERE owner_id = :owner AND deleted_at IS NOT NULL AND trash_root_id = id"
                        + after
                        + " ORDER BY deleted_at DESC, id DESC LIMIT :n")
                .param("owner", ownerId)
                .param("n", limit);
        if (before != null) {
            statement = statement.param("at", Timestamp.from(before.at())).param("id", before.id());
        }
        return statement.query(ItemRows::map).list();
    }

    /** Trash groups deleted before {@code cutoff}, skipping those another purger holds. */
    List<Item> lockExpired(Instant cutoff, int limit) {
        return jdbc.sql("SELECT "
                        + ItemRows.COLUMNS
                        + " FROM items"
                        + " WHERE deleted_at < ? AND trash_root_id = id"
                        + " ORDER BY deleted_at LIMIT ? FOR UPDATE SKIP LOCKED")
                .params(Timestamp.from(cutoff), limit)
                .query(ItemRows::map)
                .list();
    }

    List<UUID> trashRoots(UUID ownerId) {
        return jdbc.sql("SELECT id FROM items WHERE owner_id = ? AND trash_root_id = id")
                .param(ownerId)
                .query(UUID.class)
                .list();
    }

    List<UUID> liveChildren(UUID folderId) {
        return jdbc.sql("SELECT id FROM items WHERE parent_id = ? AND deleted_at IS NULL")
                .param(folderId)
                .query(UUID.class)
                .list();
    }

    void markAccountDeleted(UUID userId, Instant now) {
        jdbc.sql("UPDATE accounts SET deleted_at = ? WHERE user_id = ? AND deleted_at IS NULL")
                .params(Timestamp.from(now), userId)
                .update();
    }

    /** Removes deleted accounts whose trash is purged (root folder and ledger go with them). */
    int removeEmptiedAccounts(Instant cutoff) {
        return jdbc.sql("DELETE FROM accounts a WHERE a.deleted_at < ? AND NOT EXISTS"
                        + " (SELECT 1 FROM items i WHERE i.owner_id = a.user_id AND i.parent_id IS NOT NULL)")
                .param(Timestamp.from(cutoff))
                .update();
    }

    private static List<UUID> blobIds(Array array) throws SQLException {
        return Arrays.asList((UUID[]) array.getArray());
    }
}
