package dev.depot.metadata.folder;

import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import dev.depot.metadata.paging.Page;
import dev.depot.metadata.tree.Item;
import dev.depot.metadata.tree.ItemRows;
import dev.depot.metadata.tree.Names;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Pages through a folder's live children with keyset pagination: folders first, then files, each
 * section read from its own index range, so a page costs the same at item 100 and at item 99,900.
 */
@Repository
class ChildrenRepository {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final JdbcClient jdbc;

    ChildrenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<Item> page(UUID folderId, ChildOrder order, int limit, String cursor) {
        Position after = cursor == null ? null : Position.decode(cursor, order);
        List<Item> rows = new ArrayList<>(limit + 1);
        for (int rank = after == null ? 0 : after.rank(); rank <= 1 && rows.size() <= limit; rank++) {
            Position from = after != null && after.rank() == rank ? after : null;
            rows.addAll(section(folderId, rank, order, from, limit + 1 - rows.size()));
        }
        return Page.of(rows, limit, last -> Position.of(last, order).encode(order));
    }

    private List<Item> section(UUID folderId, int rank, ChildOrder order, Position from, int n) {
        String column = order.key().column;
        String direction = order.descending() ? "DESC" : "ASC";
        StringBuilder sql = new StringBuilder("SELECT "
                + ItemRows.COLUMNS
                + " FROM items"
                + " WHERE parent_id = :parent AND deleted_at IS NULL AND rank = :rank"
                + " AND (kind = 'folder' OR current_version_id IS NOT NULL)");
        if (from != null) {
            sql.append(" AND (")
                    .append(column)
                    .append(", id) ")
                    .append(order.descending() ? "<" : ">")
                    .append(" (:value, :id)");
        }
        sql.append(" ORDER BY ")
                .append(column)
                .append(' ')
                .append(direction)
                .append(", id ")
                .append(direction)
                .append(" LIMIT :n");
        var statement = jdbc.sql(sql.toString())
                .param("parent", folderId)
                .param("rank", rank)
                .param("n", n);
        if (from != null) {
            statement = statement.param("value", from.value()).param("id", from.id());
        }
        return statement.query(ItemRows::map).list();
    }

    /** Where a page ended: section, sort value and id. */
    private record Position(int rank, Object value, UUID id) {

        static Position of(Item item, ChildOrder order) {
            Object value = switch (order.key()) {
                case NAME -> Names.key(item.name());
                case SIZE -> item.size();
                case MODIFIED -> Timestamp.from(item.modifiedAt());
            };
            return new Position(item.isFolder() ? 0 : 1, value, item.id());
        }

        String encode(ChildOrder order) {
            String value = switch (order.key()) {
                case NAME -> (String) this.value;
                case SIZE -> this.value.toString();
                case MODIFIED ->
                    Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, ((Timestamp) this.value).toInstant()));
            };
            String raw = order.key().name() + "\n" + rank + "\n" + id + "\n" + value;
            return ENCODER.encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor, ChildOrder order) {
            try {
                String[] parts =
                        new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 4);
                if (parts.length != 4 || !parts[0].equals(order.key().name())) {
                    throw invalid();
                }
                int rank = Integer.parseInt(parts[1]);
                if (rank != 0 && rank != 1) {
                    throw invalid();
                }
                Object value = switch (order.key()) {
                    case NAME -> parts[3];
                    case SIZE -> Long.parseLong(parts[3]);
                    case MODIFIED -> Timestamp.from(Instant.EPOCH.plus(Long.parseLong(parts[3]), ChronoUnit.MICROS));
                };
                return new Position(rank, value, UUID.fromString(parts[2]));
            } catch (IllegalArgumentException e) {
                throw invalid();
            }
        }

        private static DepotException invalid() {
            return new DepotException(
                    MetadataProblem.INVALID_CURSOR,
                    "This cursor does not belong to this listing; start again without one.");
        }
    }
}
