package dev.depot.metadata.tree;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * How an {@code items} row reads as an {@link Item}, for the features whose own queries list items
 * (children, search, trash).
 */
public final class ItemRows {

    public static final String COLUMNS = "id, owner_id, parent_id, ancestors, kind, name, size,"
            + " mime_type, content_status, current_version_id, created_at, modified_at, deleted_at,"
            + " trash_root_id";

    private ItemRows() {}

    public static Item map(ResultSet rs, int row) throws SQLException {
        Array ancestors = rs.getArray("ancestors");
        Timestamp deleted = rs.getTimestamp("deleted_at");
        return new Item(
                rs.getObject("id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                rs.getObject("parent_id", UUID.class),
                Arrays.asList((UUID[]) ancestors.getArray()),
                Item.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                rs.getString("name"),
                rs.getLong("size"),
                rs.getString("mime_type"),
                rs.getString("content_status"),
                rs.getObject("current_version_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("modified_at").toInstant(),
                deleted == null ? null : deleted.toInstant(),
                rs.getObject("trash_root_id", UUID.class));
    }
}
