package dev.depot.metadata.quota;

import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each user's storage by state: {@code live + versions + trash + reserved}. Growth is checked
 * against the limit in the same UPDATE that applies it, under the ledger row's lock, so concurrent
 * upload starts can never oversubscribe a quota.
 */
@Repository
public class QuotaLedger {

    /** A change of each counter, in bytes. */
    public record Delta(long live, long versions, long trash, long reserved) {

        public static final Delta NONE = new Delta(0, 0, 0, 0);

        public static Delta reserved(long bytes) {
            return new Delta(0, 0, 0, bytes);
        }

        /**
         * A version of {@code bytes} becomes a live file's current one; the one it replaces ({@code
         * replacedBytes}, 0 when there is none) stays as an old version.
         */
        public static Delta madeCurrent(long bytes, long replacedBytes) {
            return new Delta(bytes - replacedBytes, replacedBytes, 0, 0);
        }

        public long growth() {
            return live + versions + trash + reserved;
        }

        public Delta plus(Delta other) {
            return new Delta(
                    live + other.live, versions + other.versions, trash + other.trash, reserved + other.reserved);
        }

        public Delta negate() {
            return new Delta(-live, -versions, -trash, -reserved);
        }
    }

    public record Usage(long limit, long live, long versions, long trash, long reserved, boolean customLimit) {

        public long used() {
            return live + versions + trash + reserved;
        }

        /** What is left below the limit (none when a lowered limit leaves the user above it). */
        public long available() {
            return Math.max(0, limit - used());
        }

        /** The 413 {@code QUOTA_EXCEEDED} that refuses a growth this usage has no room for. */
        DepotException refusal(long growth) {
            return new DepotException(
                    MetadataProblem.QUOTA_EXCEEDED,
                    String.format(
                            "This needs %d bytes but only %d of your %d bytes are free.", growth, available(), limit),
                    Map.of("requiredBytes", growth, "availableBytes", available(), "limitBytes", limit));
        }
    }

    private final JdbcClient jdbc;

    QuotaLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Applies a change whose growth must fit in the limit, else answers 413 {@code QUOTA_EXCEEDED}
     * and changes nothing.
     */
    public void grow(UUID userId, Delta delta) {
        int updated = jdbc.sql(update(
                        "AND live_bytes + version_bytes + trash_bytes + reserved_bytes" + " + :growth <= limit_bytes"))
                .params(params(userId, delta))
                .update();
        if (updated == 0) {
            throw usage(userId).orElseThrow().refusal(delta.growth());
        }
    }

    /** Applies a change that moves or frees bytes (never refused). */
    public void apply(UUID userId, Delta delta) {
        if (!delta.equals(Delta.NONE)) {
            jdbc.sql(update("")).params(params(userId, delta)).update();
        }
    }

    public Optional<Usage> usage(UUID userId) {
        return jdbc.sql("SELECT limit_bytes, live_bytes, version_bytes, trash_bytes, reserved_bytes,"
                        + " custom_limit FROM quota_ledgers WHERE user_id = ?")
                .param(userId)
                .query((rs, n) -> new Usage(
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getBoolean(6)))
                .optional();
    }

    boolean setLimit(UUID userId, long limitBytes) {
        return jdbc.sql("UPDATE quota_ledgers SET limit_bytes = ?, custom_limit = true" + " WHERE user_id = ?")
                        .params(limitBytes, userId)
                        .update()
                == 1;
    }

    private static String update(String condition) {
        return "UPDATE quota_ledgers SET live_bytes = live_bytes + :live,"
                + " version_bytes = version_bytes + :versions, trash_bytes = trash_bytes + :trash,"
                + " reserved_bytes = reserved_bytes + :reserved WHERE user_id = :user "
                + condition;
    }

    private static Map<String, Object> params(UUID userId, Delta delta) {
        return Map.of(
                "user",
                userId,
                "live",
                delta.live(),
                "versions",
                delta.versions(),
                "trash",
                delta.trash(),
                "reserved",
                delta.reserved(),
                "growth",
                delta.growth());
    }
}
