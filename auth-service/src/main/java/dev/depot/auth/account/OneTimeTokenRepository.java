package dev.depot.auth.account;

import dev.depot.auth.token.OpaqueTokens;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Single-use secrets sent by email. Consuming one is one atomic statement: it works once. */
@Repository
class OneTimeTokenRepository {

    enum Purpose {
        VERIFY_EMAIL,
        RESET_PASSWORD
    }

    /** Whose token it was and the address it was sent to. */
    record Redeemed(UUID userId, String email) {}

    private final JdbcClient jdbc;

    OneTimeTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new token; earlier unused ones of the same purpose stop working. */
    String issue(UUID userId, Purpose purpose, String email, Instant now, Duration ttl) {
        revokeAll(userId, purpose, now);
        String token = OpaqueTokens.generate();
        jdbc.sql("INSERT INTO one_time_tokens (token_hash, user_id, purpose, email, created_at,"
                        + " expires_at) VALUES (?, ?, ?, ?, ?, ?)")
                .param(OpaqueTokens.hash(token))
                .param(userId)
                .param(purpose.name())
                .param(email)
                .param(Timestamp.from(now))
                .param(Timestamp.from(now.plus(ttl)))
                .update();
        return token;
    }

    Optional<Redeemed> redeem(String token, Purpose purpose, Instant now) {
        return jdbc.sql("UPDATE one_time_tokens SET used_at = :now WHERE token_hash = :hash"
                        + " AND purpose = :purpose AND used_at IS NULL AND expires_at > :now"
                        + " RETURNING user_id, email")
                .param("now", Timestamp.from(now))
                .param("hash", OpaqueTokens.hash(token))
                .param("purpose", purpose.name())
                .query((rs, row) -> new Redeemed(rs.getObject("user_id", UUID.class), rs.getString("email")))
                .optional();
    }

    void revokeAll(UUID userId, Purpose purpose, Instant now) {
        jdbc.sql("UPDATE one_time_tokens SET used_at = ? WHERE user_id = ? AND purpose = ?" + " AND used_at IS NULL")
                .param(Timestamp.from(now))
                .param(userId)
                .param(purpose.name())
                .update();
    }

    int deleteExpired(Instant before) {
        return jdbc.sql("DELETE FROM one_time_tokens WHERE expires_at < ?")
                .param(Timestamp.from(before))
                .update();
    }
}
