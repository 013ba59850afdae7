package dev.depot.metadata.paging;

import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

/** Where a newest-first page ended: a time (to the microsecond, as stored) and an id. */
public record TimeCursor(Instant at, UUID id) {

    public String encode() {
        String raw = ChronoUnit.MICROS.between(Instant.EPOCH, at) + "\n" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, {@code null} for none, or a 400 {@code INVALID_CURSOR}. */
    public static TimeCursor decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("two parts");
            }
            return new TimeCursor(
                    Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new DepotException(
                    MetadataProblem.INVALID_CURSOR,
                    "This cursor does not belong to this listing; start again without one.");
        }
    }
}
