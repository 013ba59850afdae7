package dev.depot.metadata.share;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code share_links} table, and what a link shows of its file. */
@Repository
class ShareLinkRepository {

    private static final String COLUMNS = "s.id, s.token, s.file_id, s.owner_id, s.created_by,"
            + " s.created_at, s.expires_at, s.downloads, s.last_used_at";

    /** A link that works, and its file's current version as anyone holding it sees it. */
    record Shared(ShareLink link, String name, long size, String mimeType, Instant modifiedAt) {}

    private final JdbcClient jdbc;

    ShareLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ShareLink link) {
        jdbc.sql("INSERT INTO share_links (id, token, file_id, owner_id, created_by, created_at,"
                        + " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        link.id(),
                        link.token(),
                        link.fileId(),
                        link.ownerId(),
                        link.createdBy(),
                        Timestamp.from(link.createdAt()),
                        link.expiresAt() == null ? null : Timestamp.from(link.expiresAt()))
                .update();
    }

    /** The file's links, newest first, expired ones included (they say so). */
    List<ShareLink> ofFile(UUID fileId) {
        return jdbc.sql("SELECT "
                        + COLUMNS
                        + " FROM share_links s WHERE s.file_id = ?"
                        + " ORDER BY s.created_at DESC, s.id DESC")
                .param(fileId)
                .query(ShareLinkRepository::map)
                .list();
    }

    /** How many links the file has, its row locked so that two requests cannot pass the limit. */
    int countLocked(UUID fileId) {
        jdbc.sql("SELECT id FROM items WHERE id = ? FOR UPDATE")
                .param(fileId)
                .query()
                .listOfRows();
        return jdbc.sql("SELECT count(*) FROM share_links WHERE file_id = ?")
                .param(fileId)
                .query(Integer.class)
                .single();
    }

    Optional<ShareLink> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM share_links s WHERE s.id = ?")
                .param(id)
                .query(ShareLinkRepository::map)
                .optional();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM share_links WHERE id = ?").param(id).update();
    }

    /**
     * The link of a token if it works at {@code now}: not expired, its file live (not in the trash)
     * with a stored current version.
     */
    Optional<Shared> findWorking(String token, Instant now) {
        return jdbc.sql("SELECT "
                        + COLUMNS
                        + ", i.name, v.size, v.mime_type, i.modified_at"
                        + " FROM share_links s JOIN items i ON i.id = s.file_id AND i.deleted_at IS NULL"
                        + " JOIN versions v ON v.id = i.current_version_id AND v.status <> 'uploading'"
                        + " WHERE s.token = ? AND (s.expires_at IS NULL OR s.expires_at > ?)")
                .params(token, Timestamp.from(now))
                .query((rs, n) -> new Shared(
                        map(rs, n),
                        rs.getString("name"),
                        rs.getLong("size"),
                        rs.getString("mime_type"),
                        rs.getTimestamp("modified_at").toInstant()))
                .optional();
    }

    void used(UUID id, Instant now) {
        jdbc.sql("UPDATE share_links SET downloads = downloads + 1, last_used_at = ? WHERE id = ?")
                .params(Timestamp.from(now), id)
                .update();
    }

    private static ShareLink map(ResultSet rs, int row) throws SQLException {
        Timestamp expires = rs.getTimestamp("expires_at");
        Timestamp used = rs.getTimestamp("last_used_at");
        return new ShareLink(
                rs.getObject("id", UUID.class),
                rs.getString("token"),
                rs.getObject("file_id", UUID.class),
                rs.getObject("owner_id", UUID.class),
                rs.getObject("created_by", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                expires == null ? null : expires.toInstant(),
                rs.getLong("downloads"),
                used == null ? null : used.toInstant());
    }
}
