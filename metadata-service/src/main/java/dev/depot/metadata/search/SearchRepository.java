package dev.depot.metadata.search;

import dev.depot.metadata.tree.Item;
import dev.depot.metadata.tree.ItemRepository;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Name search in tiers, each bounded so that a query costs about the same over a thousand files
 * or a million: names starting with the text (prefix index, in name order), names containing
 * every word of it (trigram index), and only when both find nothing, names similar to it (typos,
 * trigram similarity). Each tier contributes at most {@link #CANDIDATES} items; candidates are
 * ranked by prefix match, then trigram similarity, then id.
 */
@Repository
class SearchRepository {

  /** A hit with its score (kept in the cursor so pages follow the ranking). */
  record Hit(Item item, double score) {}

  static final int CANDIDATES = 500;
  private static final Map<String, String> FAMILIES = Map.of(
      "image", "image/%", "video", "video/%", "audio", "audio/%", "text", "text/%");
  private static final String DOCUMENT_TYPES = "'application/pdf', 'application/msword',"
      + " 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',"
      + " 'application/vnd.oasis.opendocument.text', 'application/rtf'";
  /** U+10FFFF: in byte order, every name starting with a prefix sorts below prefix + this. */
  private static final String HIGHEST_CHARACTER = "\uDBFF\uDFFF";
  private static final int TRIGRAM_MIN = 3;
  private static final int FUZZY_MIN = 4;

  private final JdbcClient jdbc;

  SearchRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Hit> search(List<UUID> owners, SearchQuery q, Double afterScore, UUID afterId,
      int limit) {
    Map<String, Object> params = new LinkedHashMap<>();
    String scope = scope(owners, q, params);
    params.put("prefix", escapeLike(q.text()) + "%");
    params.put("from", q.text());
    params.put("to", q.text() + HIGHEST_CHARACTER);
    params.put("cap", CANDIDATES);
    // a range, not LIKE: only the name-ordered index serves it, and stops after :cap rows
    StringBuilder tiers = new StringBuilder("(SELECT id FROM items WHERE " + scope
        + " AND name_key >= :from AND name_key < :to ORDER BY name_key LIMIT :cap)");
    List<String> words = words(q.text());
    if (!words.isEmpty()) {
      List<String> likes = new ArrayList<>();
      for (int i = 0; i < words.size(); i++) {
        params.put("word" + i, "%" + escapeLike(words.get(i)) + "%");
        likes.add("name_key LIKE :word" + i);
      }
      tiers.append(" UNION (SELECT id FROM items WHERE ").append(scope).append(" AND ")
          .append(String.join(" AND ", likes)).append(" LIMIT :cap)");
    }
    List<Hit> hits = ranked(tiers.toString(), params, afterScore, afterId, limit);
    if (hits.isEmpty() && afterId == null && q.text().length() >= FUZZY_MIN) {
      hits = ranked("(SELECT id FROM items WHERE " + scope + " AND name_key % :key LIMIT :cap)",
          params, null, null, limit);
    }
    return hits;
  }

  private List<Hit> ranked(String candidates, Map<String, Object> params, Double afterScore,
      UUID afterId, int limit) {
    String sql = "SELECT * FROM (SELECT " + ItemRepository.COLUMNS
        + ", (CASE WHEN name_key LIKE :prefix THEN 1.0 ELSE 0.0 END"
        + " + similarity(name_key, :key))::float8 AS score"
        + " FROM items WHERE id IN (" + candidates + ")) hits"
        + (afterId == null ? "" : " WHERE (score < :afterScore OR (score = :afterScore"
            + " AND id > :afterId))")
        + " ORDER BY score DESC, id LIMIT :n";
    var statement = jdbc.sql(sql).params(params).param("n", limit);
    if (afterId != null) {
      statement = statement.param("afterScore", afterScore).param("afterId", afterId);
    }
    return statement.query((rs, n) -> new Hit(ItemRepository.map(rs, n), rs.getDouble("score")))
        .list();
  }

  /** What every tier requires: readable, live, complete, not a root folder, the filters. */
  private static String scope(List<UUID> owners, SearchQuery q, Map<String, Object> params) {
    params.put("owners", ItemRepository.uuidArray(owners));
    params.put("key", q.text());
    // one owner: an equality, so that the (owner, name) index yields names in order
    StringBuilder sql = new StringBuilder(owners.size() == 1
        ? "owner_id = (CAST(:owners AS uuid[]))[1]" : "owner_id = ANY(CAST(:owners AS uuid[]))");
    sql.append(" AND deleted_at IS NULL AND parent_id IS NOT NULL"
        + " AND (kind = 'folder' OR current_version_id IS NOT NULL)");
    if (q.type() != null) {
      sql.append(switch (q.type()) {
        case "folder" -> " AND kind = 'folder'";
        case "file" -> " AND kind = 'file'";
        case "document" -> " AND mime_type IN (" + DOCUMENT_TYPES + ")";
        default -> " AND mime_type LIKE :family";
      });
      if (FAMILIES.containsKey(q.type())) {
        params.put("family", FAMILIES.get(q.type()));
      }
    }
    if (q.modifiedAfter() != null) {
      sql.append(" AND modified_at >= :after");
      params.put("after", Timestamp.from(q.modifiedAfter()));
    }
    if (q.modifiedBefore() != null) {
      sql.append(" AND modified_at < :before");
      params.put("before", Timestamp.from(q.modifiedBefore()));
    }
    if (q.folderId() != null) {
      sql.append(" AND ancestors @> ARRAY[CAST(:folder AS uuid)]");
      params.put("folder", q.folderId());
    }
    return sql.toString();
  }

  /** The query's words that the trigram index can look up (three characters or more). */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String word : text.split("\\s+")) {
      if (word.length() >= TRIGRAM_MIN && !words.contains(word)) {
        words.add(word);
      }
    }
    return words;
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  static boolean knownType(String type) {
    return type.equals("folder") || type.equals("file") || type.equals("document")
        || FAMILIES.containsKey(type);
  }
}
