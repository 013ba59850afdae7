package dev.depot.metadata.search;

import dev.depot.metadata.SqlArrays;
import dev.depot.metadata.tree.Item;
import dev.depot.metadata.tree.ItemRows;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Name search in tiers, each bounded so that a query costs about the same over a thousand files or
 * a million: names starting with the text (a covering index in name order, the table never read)
 * and, unless those alone fill the page, names containing every word of it (trigram index); only
 * when both find nothing, the same with misspelt words corrected from the owners' word dictionary.
 * Each tier contributes at most {@link #CANDIDATES} items; candidates are ranked by prefix match,
 * then trigram similarity, then id.
 */
@Repository
class SearchRepository {

    /** A hit with its score (kept in the cursor so pages follow the ranking). */
    record Hit(Item item, double score) {}

    static final int CANDIDATES = 500;
    private static final Map<String, String> FAMILIES =
            Map.of("image", "image/%", "video", "video/%", "audio", "audio/%", "text", "text/%");
    private static final String DOCUMENT_TYPES = "'application/pdf', 'application/msword',"
            + " 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',"
            + " 'application/vnd.oasis.opendocument.text', 'application/rtf'";

    /** U+10FFFF: in byte order, every name starting with a prefix sorts below prefix + this. */
    private static final String HIGHEST_CHARACTER = "\uDBFF\uDFFF";

    private static final int TRIGRAM_MIN = 3;
    private static final int FUZZY_MIN = 4;

    /** A prefix match scores above 1, any other name at most 1. */
    private static final String SCORE =
            "(CASE WHEN name_key LIKE :prefix THEN 1.0 ELSE 0.0 END" + " + similarity(name_key, :key))::float8";

    /** What ranks after the cursor. */
    private static final String AFTER = "(score < :afterScore OR (score = :afterScore" + " AND id > :afterId))";

    private final JdbcClient jdbc;

    SearchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Hit> search(List<UUID> owners, SearchQuery q, ScoreCursor after, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String scope = scope(owners, q, params);
        params.put("prefix", escapeLike(q.text()) + "%");
        params.put("from", q.text());
        params.put("to", q.text() + HIGHEST_CHARACTER);
        params.put("cap", CANDIDATES);
        // a range, not LIKE: only the name-ordered index serves it, and stops after :cap rows
        String tiers = "prefix AS MATERIALIZED (SELECT id, name_key FROM items WHERE "
                + scope
                + " AND name_key >= :from AND name_key < :to ORDER BY name_key LIMIT :cap),"
                + " candidates AS (SELECT id, name_key FROM prefix";
        List<String> words = words(q.text());
        if (!words.isEmpty()) {
            // A name starting with the text ranks above every name that only contains its words:
            // when the prefix tier alone fills the page, the other tier is not looked at.
            tiers += " UNION ("
                    + containing(scope, words, params)
                    + " AND (SELECT count(*) FROM (SELECT 1 FROM (SELECT id, "
                    + SCORE
                    + " AS score"
                    + " FROM prefix) scored"
                    + (after == null ? "" : " WHERE " + AFTER)
                    + " LIMIT :n) enough) < :n LIMIT :cap)";
        }
        List<Hit> hits = ranked(tiers + ")", params, after, limit);
        if (hits.isEmpty() && after == null && !words.isEmpty()) {
            List<String> corrected = corrected(owners, words);
            if (!corrected.equals(words)) {
                hits = ranked(
                        "candidates AS (" + containing(scope, corrected, params) + " LIMIT :cap)", params, null, limit);
            }
        }
        return hits;
    }

    /** The names containing every one of the words; the caller adds conditions and the limit. */
    private static String containing(String scope, List<String> words, Map<String, Object> params) {
        List<String> likes = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            params.put("word" + i, "%" + escapeLike(words.get(i)) + "%");
            likes.add("name_key LIKE :word" + i);
        }
        return "SELECT id, name_key FROM items WHERE " + scope + " AND " + String.join(" AND ", likes);
    }

    /**
     * The words with each misspelt one replaced by the closest word of the owners' names (from the
     * {@code name_words} dictionary, not from the names themselves, so a typo costs one small lookup
     * per word). Words with digits, and words the dictionary knows, stay as they are.
     */
    private List<String> corrected(List<UUID> owners, List<String> words) {
        List<String> result = new ArrayList<>();
        for (String word : words) {
            boolean letters = word.codePoints().allMatch(Character::isLetter);
            result.add(
                    !letters || word.length() < FUZZY_MIN
                            ? word
                            : jdbc.sql("SELECT word FROM"
                                            + " name_words WHERE owner_id = ANY(CAST(:owners AS uuid[])) AND word % :word"
                                            + " ORDER BY word = :word DESC, similarity(word, :word) DESC, word LIMIT 1")
                                    .param("owners", SqlArrays.uuidArray(owners))
                                    .param("word", word)
                                    .query(String.class)
                                    .optional()
                                    .orElse(word));
        }
        return result;
    }

    /**
     * Ranks the {@code candidates} that {@code tiers} (common table expressions) define on their
     * names alone and reads whole rows for the page only (the tiers may bring a thousand candidates;
     * reading each row would cost more than the ranking).
     */
    private List<Hit> ranked(String tiers, Map<String, Object> params, ScoreCursor after, int limit) {
        String sql = "WITH "
                + tiers
                + ", ranked AS (SELECT id, score FROM"
                + " (SELECT id, "
                + SCORE
                + " AS score FROM candidates) scored"
                + (after == null ? "" : " WHERE " + AFTER)
                + " ORDER BY score DESC, id LIMIT :n)"
                + " SELECT items."
                + ItemRows.COLUMNS
                + ", ranked.score FROM items JOIN ranked ON ranked.id = items.id"
                + " ORDER BY ranked.score DESC, items.id";
        var statement = jdbc.sql(sql).params(params).param("n", limit);
        if (after != null) {
            statement = statement.param("afterScore", after.score()).param("afterId", after.id());
        }
        return statement
                .query((rs, n) -> new Hit(ItemRows.map(rs, n), rs.getDouble("score")))
                .list();
    }

    /** What every tier requires: readable, live, complete, not a root folder, the filters. */
    private static String scope(List<UUID> owners, SearchQuery q, Map<String, Object> params) {
        params.put("owners", SqlArrays.uuidArray(owners));
        params.put("key", q.text());
        // one owner: an equality, so that the (owner, name) index yields names in order
        StringBuilder sql = new StringBuilder(
                owners.size() == 1
                        ? "owner_id = (CAST(:owners AS uuid[]))[1]"
                        : "owner_id = ANY(CAST(:owners AS uuid[]))");
        sql.append(" AND deleted_at IS NULL AND parent_id IS NOT NULL"
                + " AND (kind = 'folder' OR current_version_id IS NOT NULL)");
        if (q.type() != null) {
            sql.append(
                    switch (q.type()) {
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
        return type.equals("folder") || type.equals("file") || type.equals("document") || FAMILIES.containsKey(type);
    }
}
