package dev.depot.metadata.tree;

import static dev.depot.metadata.SqlArrays.uuidArray;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code items} table: folders and files with their materialized paths. */
@Repository
class ItemRepository {

    private final JdbcClient jdbc;

    ItemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Item> find(UUID id) {
        return jdbc.sql("SELECT " + ItemRows.COLUMNS + " FROM items WHERE id = ?")
                .param(id)
                .query(ItemRows::map)
                .optional();
    }

    /** The item, its row locked until the transaction ends. */
    public Optional<Item> lock(UUID id) {
        return jdbc.sql("SELECT " + ItemRows.COLUMNS + " FROM items WHERE id = ? FOR UPDATE")
                .param(id)
                .query(ItemRows::map)
                .optional();
    }

    /** Items by id, in the order given (missing ids are skipped). */
    public List<Item> findAll(List<UUID> ids) {
        return jdbc.sql("SELECT "
                        + ItemRows.COLUMNS
                        + " FROM items WHERE id = ANY(CAST(? AS uuid[]))"
                        + " ORDER BY array_position(CAST(? AS uuid[]), id)")
                .param(uuidArray(ids))
                .param(uuidArray(ids))
                .query(ItemRows::map)
                .list();
    }

    /** The live item of a folder whose name collides with {@code key}. */
    public Optional<Item> liveChild(UUID parentId, String key) {
        return jdbc.sql("SELECT "
                        + ItemRows.COLUMNS
                        + " FROM items"
                        + " WHERE parent_id = ? AND name_key = ? AND deleted_at IS NULL")
                .param(parentId)
                .param(key)
                .query(ItemRows::map)
                .optional();
    }

    /** Keys of a folder's live items that start with {@code prefix} (for "name (n)" choices). */
    Set<String> liveKeysStartingWith(UUID parentId, String prefix) {
        return new HashSet<>(jdbc.sql("SELECT name_key FROM items WHERE parent_id = ?"
                        + " AND deleted_at IS NULL AND starts_with(name_key, ?)")
                .param(parentId)
                .param(prefix)
                .query(String.class)
                .list());
    }

    /**
     * Inserts an item; a live sibling with the same key (taken since the name was placed) makes it
     * throw {@link DuplicateKeyException}, which {@link TreeService#placing} retries.
     */
    public void insert(Item item) {
        int inserted = jdbc.sql("INSERT INTO items (id, owner_id, parent_id, ancestors, kind, name, name_key,"
                        + " size, mime_type, content_status, current_version_id, created_at, modified_at)"
                        + " VALUES (:id, :owner, :parent, CAST(:ancestors AS uuid[]), :kind, :name, :key,"
                        + " :size, :mime, :status, :version, :created, :modified)"
                        + " ON CONFLICT (parent_id, name_key) WHERE deleted_at IS NULL DO NOTHING")
                .param("id", item.id())
                .param("owner", item.ownerId())
                .param("parent", item.parentId())
                .param("ancestors", uuidArray(item.ancestors()))
                .param("kind", item.kind().column())
                .param("name", item.name())
                .param("key", Names.key(item.name()))
                .param("size", item.size())
                .param("mime", item.mimeType())
                .param("status", item.status())
                .param("version", item.currentVersionId())
                .param("created", Timestamp.from(item.createdAt()))
                .param("modified", Timestamp.from(item.modifiedAt()))
                .update();
        if (inserted == 0) {
            throw new DuplicateKeyException("\"" + item.name() + "\" was taken concurrently");
        }
    }

    /** Makes a version its file's current one: the file takes its size and type. */
    /** Makes a stored version the file's current one ({@code status} is the version's). */
    public void makeCurrent(UUID fileId, UUID versionId, long size, String mimeType, String status, Instant now) {
        jdbc.sql("UPDATE items SET current_version_id = ?, size = ?, mime_type = ?,"
                        + " content_status = ?, modified_at = ? WHERE id = ?")
                .params(versionId, size, mimeType, status, Timestamp.from(now), fileId)
                .update();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM items WHERE id = ?").param(id).update();
    }

    /**
     * Moves an item under {@code parent} with the given name, rewriting the path of every descendant
     * in one statement.
     */
    public void move(Item item, Item parent, String name, Instant now) {
        List<UUID> ancestors = parent.childAncestors();
        jdbc.sql("UPDATE items SET parent_id = ?, ancestors = CAST(? AS uuid[]), name = ?,"
                        + " name_key = ?, modified_at = ? WHERE id = ?")
                .params(parent.id(), uuidArray(ancestors), name, Names.key(name), Timestamp.from(now), item.id())
                .update();
        if (item.isFolder()) {
            jdbc.sql("UPDATE items SET ancestors = CAST(? AS uuid[])"
                            + " || ancestors[array_position(ancestors, ?):] WHERE ancestors @> ARRAY[?]::uuid[]")
                    .params(uuidArray(ancestors), item.id(), item.id())
                    .update();
        }
    }

    /** How many levels lie below a folder (0 when it has no subfolders). */
    int subtreeHeight(Item folder) {
        return jdbc.sql("SELECT coalesce(max(cardinality(ancestors)) - ?, 0) FROM items"
                        + " WHERE ancestors @> ARRAY[?]::uuid[]")
                .params(folder.depth(), folder.id())
                .query(Integer.class)
                .single();
    }

    /** Serialises structural changes of one owner's tree (moves cannot then race into a cycle). */
    public void lockTree(UUID ownerId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 7))")
                .param(ownerId.toString())
                .query(Object.class)
                .single();
    }
}
