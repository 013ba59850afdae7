package dev.depot.metadata.search;

import dev.depot.metadata.tree.Item;
import dev.depot.metadata.tree.ItemRepository;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Name search on trigram and prefix indexes. Rank: names starting with the text first, then
 * trigram similarity, then shorter names. Queries under three characters use the prefix index only.
 */
@Repository
class SearchRepository {

  /** A hit with its score (kept in the cursor so pages follow the ranking). */
  record Hit(Item item, double score) {}

  private static final Map<String, String> FAMILIES = Map.of(
      "image", "image/%", "video", "video/%", "audio", "audio/%", "text", "text/%");
  private static final String DOCUMENT_TYPES = "'application/pdf', 'application/msword',"
      + " 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',"
      + " 'application/vnd.oasis.opendocument.text', 'application/rtf'";
  private static final int TRIGRAM_MIN = 3;

  private final JdbcClient jdbc;

  SearchRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Hit> search(List<UUID> owners, SearchQuery q, Double afterScore, UUID afterId,
      int limit) {
    String key = q.text();
    String like = escapeLike(key);
    String match = key.length() < TRIGRAM_MIN ? "starts_with(name_key, :key)"
        : "(name_key LIKE :contains OR name_key % :key)";
    String score = "(CASE WHEN starts_with(name_key, :key) THEN 1.0 ELSE 0.0 END"
        + " + similarity(name_key, :key))::float8";
    StringBuilder sql = new StringBuilder("SELECT * FROM (SELECT " + ItemRepository.COLUMNS
        + ", " + score + " AS score FROM items WHERE owner_id = ANY(CAST(:owners AS uuid[]))"
        + " AND deleted_at IS NULL AND parent_id IS NOT NULL"
        + " AND (kind = 'folder' OR current_version_id IS NOT NULL) AND " + match);
    if (q.type() != null) {
      sql.append(switch (q.type()) {
        case "folder" -> " AND kind = 'folder'";
        case "file" -> " AND kind = 'file'";
        case "document" -> " AND mime_type IN (" + DOCUMENT_TYPES + ")";
        default -> " AND mime_type LIKE :family";
      });
    }
    if (q.modifiedAfter() != null) {
      sql.append(" AND modified_at >= :after");
    }
    if (q.modifiedBefore() != null) {
      sql.append(" AND modified_at < :before");
    }
    if (q.folderId() != null) {
      sql.append(" AND ancestors @> ARRAY[CAST(:folder AS uuid)]");
    }
    sql.append(") hits");
    if (afterId != null) {
      sql.append(" WHERE (score < :afterScore OR (score = :afterScore AND id > :afterId))");
    }
    sql.append(" ORDER BY score DESC, id LIMIT :n");
    var statement = jdbc.sql(sql.toString())
        .param("owners", ItemRepository.uuidArray(owners)).param("key", key)
        .param("n", limit);
    if (key.length() >= TRIGRAM_MIN) {
      statement = statement.param("contains", "%" + like + "%");
    }
    if (q.type() != null && FAMILIES.containsKey(q.type())) {
      statement = statement.param("family", FAMILIES.get(q.type()));
    }
    if (q.modifiedAfter() != null) {
      statement = statement.param("after", Timestamp.from(q.modifiedAfter()));
    }
    if (q.modifiedBefore() != null) {
      statement = statement.param("before", Timestamp.from(q.modifiedBefore()));
    }
    if (q.folderId() != null) {
      statement = statement.param("folder", q.folderId());
    }
    if (afterId != null) {
      statement = statement.param("afterScore", afterScore).param("afterId", afterId);
    }
    return statement.query((rs, n) -> new Hit(ItemRepository.map(rs, n), rs.getDouble("score")))
        .list();
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  static boolean knownType(String type) {
    return type.equals("folder") || type.equals("file") || type.equals("document")
        || FAMILIES.containsKey(type);
  }
}
