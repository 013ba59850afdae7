package dev.depot.metadata;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** PostgreSQL array literals for query parameters ({@code CAST(? AS uuid[])}). */
public final class SqlArrays {

    private SqlArrays() {}

    public static String uuidArray(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
