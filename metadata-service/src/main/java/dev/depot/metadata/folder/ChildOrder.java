package dev.depot.metadata.folder;

import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import java.util.Locale;

/** How a folder's children are ordered: folders always come first, then the sort key, then id. */
record ChildOrder(Key key, boolean descending) {

    enum Key {
        NAME("name_key"),
        SIZE("size"),
        MODIFIED("modified_at");

        final String column;

        Key(String column) {
            this.column = column;
        }
    }

    static ChildOrder of(String sort, String order) {
        Key key;
        try {
            key = Key.valueOf(sort.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DepotException(CommonProblem.VALIDATION_FAILED, "sort is one of name, size, modified.");
        }
        if (!order.equals("asc") && !order.equals("desc")) {
            throw new DepotException(CommonProblem.VALIDATION_FAILED, "order is asc or desc.");
        }
        return new ChildOrder(key, order.equals("desc"));
    }
}
