package dev.depot.metadata.search;

import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Where a page of ranked hits ended: the last hit's score and id. */
record ScoreCursor(double score, UUID id) {

    String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((score + "\n" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, {@code null} for none, or a 400 {@code INVALID_CURSOR}. */
    static ScoreCursor decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("two parts");
            }
            return new ScoreCursor(Double.parseDouble(parts[0]), UUID.fromString(parts[1]));
        } catch (IllegalArgumentException e) {
            throw new DepotException(MetadataProblem.INVALID_CURSOR, "Invalid search cursor.");
        }
    }
}
