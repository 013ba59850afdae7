package dev.depot.metadata.activity;

import dev.depot.metadata.paging.TimeCursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code activity} table: the audit log. */
@Repository
class ActivityRepository {

    /** One line of the audit log ({@code details} is a JSON object). */
    record Entry(
            UUID id,
            UUID ownerId,
            UUID actorId,
            String action,
            String resourceKind,
            UUID resourceId,
            String resourceName,
            String details,
            Instant occurredAt) {}

    private static final String COLUMNS = "id, owner_id, actor_id, action, resource_kind,"
            + " resource_id, resource_name, details::text AS details, occurred_at";

    private final JdbcClient jdbc;

    ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores an entry, in the caller's transaction when there is one. */
    void insert(Entry e) {
        jdbc.sql("INSERT INTO activity (id, owner_id, actor_id, action, resource_kind, resource_id,"
                        + " resource_name, details, occurred_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)")
                .params(
                        e.id(),
                        e.ownerId(),
                        e.actorId(),
                        e.action(),
                        e.resourceKind(),
                        e.resourceId(),
                        e.resourceName(),
                        e.details(),
                        Timestamp.from(e.occurredAt()))
                .update();
    }

    /** The owner's entries (about one resource, if given), newest first, before a position. */
    List<Entry> page(UUID ownerId, UUID resourceId, TimeCursor before, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM activity" + " WHERE owner_id = :owner");
        if (resourceId != null) {
            sql.append(" AND resource_id = :resource");
        }
        if (before != null) {
            sql.append(" AND (occurred_at, id) < (:at, :id)");
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC LIMIT :n");
        var statement = jdbc.sql(sql.toString()).param("owner", ownerId).param("n", limit);
        if (resourceId != null) {
            statement = statement.param("resource", resourceId);
        }
        if (before != null) {
            statement = statement.param("at", Timestamp.from(before.at())).param("id", before.id());
        }
        return statement.query(ActivityRepository::map).list();
    }

    /** Every entry of the owner, oldest first, streamed row by row. */
    void forEach(UUID ownerId, Consumer<Entry> sink) {
        try (var rows = jdbc
                .sql("SELECT " + COLUMNS + " FROM activity WHERE owner_id = ?" + " ORDER BY occurred_at, id")
                .param(ownerId)
                .query(ActivityRepository::map)
                .stream()) {
            rows.forEach(sink);
        }
    }

    private static Entry map(ResultSet rs, int row) throws SQLException {
        return new Entry(
                rs.getObject("id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                rs.getObject("actor_id", UUID.class),
                rs.getString("action"),
                rs.getString("resource_kind"),
                rs.getObject("resource_id", UUID.class),
                rs.getString("resource_name"),
                rs.getString("details"),
                rs.getTimestamp("occurred_at").toInstant());
    }
}
