package dev.depot.auth.account;

import dev.depot.auth.AuthProblem;
import dev.depot.kit.problem.DepotException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. Name and address are unique regardless of case. */
@Repository
class AccountRepository {

    private static final String COLUMNS =
            "id, username, email, password_hash, email_verified_at," + " pending_email, created_at, updated_at";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Account account) {
        uniquely(() -> jdbc.sql("INSERT INTO users ("
                        + COLUMNS
                        + ")"
                        + " VALUES (:id, :username, :email, :hash, NULL, NULL, :now, :now)")
                .param("id", account.id())
                .param("username", account.username())
                .param("email", account.email())
                .param("hash", account.passwordHash())
                .param("now", Timestamp.from(account.createdAt()))
                .update());
    }

    public Optional<Account> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?")
                .param(id)
                .query(AccountRepository::map)
                .optional();
    }

    /** By email address if {@code login} has an {@code @}, else by username; any case. */
    public Optional<Account> findByLogin(String login) {
        String column = login.indexOf('@') >= 0 ? "email" : "username";
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE lower(" + column + ") = lower(?)")
                .param(login)
                .query(AccountRepository::map)
                .optional();
    }

    boolean emailInUse(String email, UUID except) {
        return jdbc.sql("SELECT count(*) FROM users WHERE lower(email) = lower(?) AND id <> ?")
                        .param(email)
                        .param(except)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void updateUsername(UUID id, String username, Instant now) {
        uniquely(() -> jdbc.sql("UPDATE users SET username = ?, updated_at = ? WHERE id = ?")
                .param(username)
                .param(Timestamp.from(now))
                .param(id)
                .update());
    }

    void updatePendingEmail(UUID id, String pendingEmail, Instant now) {
        jdbc.sql("UPDATE users SET pending_email = ?, updated_at = ? WHERE id = ?")
                .param(pendingEmail)
                .param(Timestamp.from(now))
                .param(id)
                .update();
    }

    /** The address is proven: it becomes the account's address (if it was pending) and verified. */
    void markVerified(UUID id, String email, Instant now) {
        uniquely(() -> jdbc.sql("UPDATE users SET email = :email, email_verified_at = :now,"
                        + " pending_email = CASE WHEN lower(pending_email) = lower(:email) THEN NULL"
                        + " ELSE pending_email END, updated_at = :now WHERE id = :id")
                .param("email", email)
                .param("now", Timestamp.from(now))
                .param("id", id)
                .update());
    }

    public void updatePasswordHash(UUID id, String hash, Instant now) {
        jdbc.sql("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?")
                .param(hash)
                .param(Timestamp.from(now))
                .param(id)
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM users WHERE id = ?").param(id).update();
    }

    private static void uniquely(Runnable write) {
        try {
            write.run();
        } catch (DuplicateKeyException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("users_username_key")) {
                throw new DepotException(AuthProblem.USERNAME_TAKEN, "That username is taken.");
            }
            throw new DepotException(AuthProblem.EMAIL_TAKEN, "That email address belongs to another account.");
        }
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("email"),
                rs.getString("password_hash"),
                instant(rs.getTimestamp("email_verified_at")),
                rs.getString("pending_email"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
