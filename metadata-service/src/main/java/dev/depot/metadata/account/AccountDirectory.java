package dev.depot.metadata.account;

import dev.depot.metadata.quota.QuotaProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The users this service knows: each has a root folder and a quota ledger, created once, by the
 * {@code user-registered} event or by the user's first request, whichever comes first.
 */
@Repository
public class AccountDirectory {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final QuotaProperties quota;
    private final Clock clock;

    /** Root folders of the accounts known to exist (a root folder never changes). */
    private final Map<UUID, UUID> roots = new ConcurrentHashMap<>();

    AccountDirectory(JdbcClient jdbc, TransactionTemplate tx, QuotaProperties quota, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.quota = quota;
        this.clock = clock;
    }

    public void ensure(UUID userId, String username) {
        if (roots.containsKey(userId)) {
            return;
        }
        tx.executeWithoutResult(s -> {
            UUID root = UUID.randomUUID();
            Timestamp now = Timestamp.from(clock.instant());
            int created = jdbc.sql("INSERT INTO accounts (user_id, username, root_folder_id, created_at)"
                            + " VALUES (?, ?, ?, ?) ON CONFLICT (user_id) DO NOTHING")
                    .params(userId, username == null ? userId.toString() : username, root, now)
                    .update();
            if (created == 1) {
                jdbc.sql("INSERT INTO items (id, owner_id, parent_id, ancestors, kind, name, name_key,"
                                + " created_at, modified_at) VALUES (?, ?, NULL, '{}', 'folder', '/', '/', ?, ?)")
                        .params(root, userId, now, now)
                        .update();
                jdbc.sql("INSERT INTO quota_ledgers (user_id, limit_bytes) VALUES (?, ?)")
                        .params(userId, quota.defaultLimit().toBytes())
                        .update();
            }
        });
        rootFolder(userId);
    }

    public Optional<UUID> rootFolder(UUID userId) {
        UUID known = roots.get(userId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<UUID> root = jdbc.sql("SELECT root_folder_id FROM accounts WHERE user_id = ?")
                .param(userId)
                .query(UUID.class)
                .optional();
        root.ifPresent(id -> roots.put(userId, id));
        return root;
    }

    /** The account is gone; its rows are removed once its trash has been purged. */
    public void forget(UUID userId) {
        roots.remove(userId);
    }
}
