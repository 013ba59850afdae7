package dev.depot.metadata.paging;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** One page of a list; pass {@code nextCursor} back as {@code cursor} for the next one. */
public record Page<T>(List<T> items, @Nullable String nextCursor) {

    /**
     * The page of {@code rows} read with {@code limit + 1}: the extra row, if any, only says that
     * more follow, and the cursor is taken from the last row kept.
     */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> cursorOf) {
        if (rows.size() <= limit) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<T> page = List.copyOf(rows.subList(0, limit));
        return new Page<>(page, cursorOf.apply(page.getLast()));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextCursor);
    }
}
