package dev.depot.metadata.activity;

import dev.depot.contracts.events.EventEnvelope;
import dev.depot.contracts.files.v1.ActivityRecorded;
import dev.depot.metadata.paging.TimeCursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The {@code activity} table: the audit log, one row per event id. */
@Repository
class ActivityRepository {

  /** One line of the audit log. */
  record Entry(UUID id, UUID actorId, String action, String resourceKind, UUID resourceId,
      String resourceName, String details, Instant occurredAt) {}

  private static final String COLUMNS = "id, actor_id, action, resource_kind, resource_id,"
      + " resource_name, details::text AS details, occurred_at";

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final TransactionTemplate tx;
  private final JsonMapper json;

  ActivityRepository(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx,
      JsonMapper json) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.tx = tx;
    this.json = json;
  }

  /**
   * Stores entries in one batch and one transaction; an entry stored already (a redelivered
   * event) is skipped.
   */
  void insertAll(List<EventEnvelope<ActivityRecorded>> events) {
    List<Object[]> rows = events.stream().map(e -> {
      ActivityRecorded a = e.data();
      return new Object[] {e.id(), a.ownerId(), a.actorId(), a.action(), a.resourceKind(),
          a.resourceId(), a.resourceName(), json.writeValueAsString(a.details()),
          Timestamp.from(a.occurredAt())};
    }).toList();
    tx.executeWithoutResult(s -> batch.batchUpdate("INSERT INTO activity (id, owner_id,"
        + " actor_id, action, resource_kind, resource_id, resource_name, details, occurred_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?) ON CONFLICT (id) DO NOTHING",
        rows));
  }

  /** The owner's entries (about one resource, if given), newest first, before a position. */
  List<Entry> page(UUID ownerId, UUID resourceId, TimeCursor before, int limit) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM activity"
        + " WHERE owner_id = :owner");
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
    try (var rows = jdbc.sql("SELECT " + COLUMNS + " FROM activity WHERE owner_id = ?"
        + " ORDER BY occurred_at, id").param(ownerId).query(ActivityRepository::map).stream()) {
      rows.forEach(sink);
    }
  }

  private static Entry map(ResultSet rs, int row) throws SQLException {
    return new Entry(rs.getObject("id", UUID.class), rs.getObject("actor_id", UUID.class),
        rs.getString("action"), rs.getString("resource_kind"),
        rs.getObject("resource_id", UUID.class), rs.getString("resource_name"),
        rs.getString("details"), rs.getTimestamp("occurred_at").toInstant());
  }
}
