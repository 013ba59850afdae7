package dev.depot.auth.session;

import dev.depot.auth.token.OpaqueTokens;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code sessions} and {@code refresh_tokens} tables. */
@Repository
class SessionRepository {

    /**
     * What a presented refresh token leads to, its row locked until the transaction ends; {@code usedAt} is when it was
     * replaced (null: it is the current one).
     */
    record RefreshTarget(UUID sessionId, UUID userId, Instant usedAt, boolean sessionLive) {

        boolean used() {
            return usedAt != null;
        }
    }

    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void open(UUID sessionId, UUID userId, ClientInfo client, Instant now, Instant expiresAt) {
        jdbc.sql("INSERT INTO sessions (id, user_id, user_agent, ip_address, created_at,"
                        + " last_used_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .param(sessionId)
                .param(userId)
                .param(client.userAgent())
                .param(client.address())
                .param(Timestamp.from(now))
                .param(Timestamp.from(now))
                .param(Timestamp.from(expiresAt))
                .update();
    }

    void addRefreshToken(UUID sessionId, String token, Instant now) {
        jdbc.sql("INSERT INTO refresh_tokens (token_hash, session_id, issued_at) VALUES (?, ?, ?)")
                .param(OpaqueTokens.hash(token))
                .param(sessionId)
                .param(Timestamp.from(now))
                .update();
    }

    Optional<RefreshTarget> lockRefreshToken(String token, Instant now) {
        return jdbc.sql("SELECT s.id, s.user_id, t.used_at,"
                        + " (s.revoked_at IS NULL AND s.expires_at > :now) AS live"
                        + " FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id"
                        + " WHERE t.token_hash = :hash FOR UPDATE OF t, s")
                .param("now", Timestamp.from(now))
                .param("hash", OpaqueTokens.hash(token))
                .query((rs, row) -> new RefreshTarget(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        usedAt(rs.getTimestamp("used_at")),
                        rs.getBoolean("live")))
                .optional();
    }

    Optional<RefreshTarget> findRefreshToken(String token) {
        return jdbc.sql("SELECT s.id, s.user_id, t.used_at,"
                        + " s.revoked_at IS NULL AS live"
                        + " FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id"
                        + " WHERE t.token_hash = :hash")
                .param("hash", OpaqueTokens.hash(token))
                .query((rs, row) -> new RefreshTarget(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        usedAt(rs.getTimestamp("used_at")),
                        rs.getBoolean("live")))
                .optional();
    }

    private static Instant usedAt(Timestamp usedAt) {
        return usedAt == null ? null : usedAt.toInstant();
    }

    /** Whether a refresh token of the session was replaced after {@code since}: the family went on from there. */
    boolean replacedSince(UUID sessionId, Instant since) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM refresh_tokens WHERE session_id = ? AND used_at > ?)")
                .param(sessionId)
                .param(Timestamp.from(since))
                .query(Boolean.class)
                .single();
    }

    void markUsed(String token, Instant now) {
        jdbc.sql("UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ?")
                .param(Timestamp.from(now))
                .param(OpaqueTokens.hash(token))
                .update();
    }

    void touch(UUID sessionId, ClientInfo client, Instant now, Instant expiresAt) {
        jdbc.sql("UPDATE sessions SET last_used_at = ?, expires_at = ?, ip_address = ?,"
                        + " user_agent = coalesce(?, user_agent) WHERE id = ?")
                .param(Timestamp.from(now))
                .param(Timestamp.from(expiresAt))
                .param(client.address())
                .param(client.userAgent())
                .param(sessionId)
                .update();
    }

    /** Ends one of the user's sessions; false if it is not theirs or already ended. */
    boolean revoke(UUID userId, UUID sessionId, Instant now) {
        return jdbc.sql("UPDATE sessions SET revoked_at = ? WHERE id = ? AND user_id = ?" + " AND revoked_at IS NULL")
                        .param(Timestamp.from(now))
                        .param(sessionId)
                        .param(userId)
                        .update()
                == 1;
    }

    /** Ends every live session of the user except {@code keep} (may be null); returns their ids. */
    List<UUID> revokeAll(UUID userId, UUID keep, Instant now) {
        return jdbc.sql("UPDATE sessions SET revoked_at = :now WHERE user_id = :user"
                        + " AND revoked_at IS NULL AND id IS DISTINCT FROM CAST(:keep AS uuid) RETURNING id")
                .param("now", Timestamp.from(now))
                .param("user", userId)
                .param("keep", keep)
                .query(UUID.class)
                .list();
    }

    List<Session> live(UUID userId, Instant now, int limit) {
        return jdbc.sql("SELECT id, user_agent, ip_address, created_at, last_used_at FROM sessions"
                        + " WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?"
                        + " ORDER BY last_used_at DESC, id LIMIT ?")
                .param(userId)
                .param(Timestamp.from(now))
                .param(limit)
                .query((rs, row) -> new Session(
                        rs.getObject("id", UUID.class),
                        rs.getString("user_agent"),
                        rs.getString("ip_address"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_used_at").toInstant()))
                .list();
    }

    int deleteEnded(Instant before) {
        return jdbc.sql("DELETE FROM sessions WHERE expires_at < :before OR revoked_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }
}
