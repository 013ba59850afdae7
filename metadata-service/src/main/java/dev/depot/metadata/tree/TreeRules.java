package dev.depot.metadata.tree;

import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The folder tree's rules, decided from the items at hand: how deep folders nest, where an item may
 * move, and which name it takes in a folder under a conflict policy. {@link TreeService} reads the
 * items and applies these.
 */
final class TreeRules {

    /** Deepest nesting allowed below a root folder. */
    static final int MAX_DEPTH = 128;

    private static final int MAX_NUMBERED = 10_000;

    private TreeRules() {}

    /** Nothing may lie deeper than {@link #MAX_DEPTH} below its root folder, else a 409. */
    static void requireDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw new DepotException(
                    MetadataProblem.TREE_TOO_DEEP, "Folders can nest at most " + MAX_DEPTH + " levels deep.");
        }
    }

    /** A root folder keeps its name and place, else a 409. */
    static void requireMovable(Item item) {
        if (item.isRoot()) {
            throw new DepotException(
                    MetadataProblem.ROOT_FOLDER_IMMUTABLE, "The root folder cannot be renamed or moved.");
        }
    }

    /** An item cannot move into itself or below itself (a cycle), else a 409. */
    static void requireOutside(Item item, Item parent) {
        if (parent.id().equals(item.id()) || parent.ancestors().contains(item.id())) {
            throw new DepotException(
                    MetadataProblem.MOVE_INTO_ITSELF,
                    "\"" + item.name() + "\" cannot move into itself or one of its subfolders.");
        }
    }

    /**
     * The name {@code wanted} takes in a folder where {@code holder} is the live item with the same
     * key, if any: {@code wanted} itself when free or held by the item being moved ({@code
     * movingId}); under {@link OnConflict#RENAME} the first "wanted (n).ext" whose key is not among
     * {@code keysStartingWith} (the folder's keys starting with a prefix); otherwise a 409 naming the
     * holder.
     */
    static String placeName(
            String wanted,
            Optional<Item> holder,
            UUID movingId,
            OnConflict onConflict,
            Function<String, Set<String>> keysStartingWith) {
        if (holder.isEmpty() || holder.get().id().equals(movingId)) {
            return wanted;
        }
        if (onConflict != OnConflict.RENAME) {
            throw conflict(holder.get());
        }
        boolean keepExtension = !holder.get().isFolder();
        String first = Names.numbered(wanted, 1, keepExtension);
        Set<String> taken = keysStartingWith.apply(Names.key(first.substring(0, first.lastIndexOf(" ("))));
        for (int n = 1; n <= MAX_NUMBERED; n++) {
            String candidate = Names.numbered(wanted, n, keepExtension);
            if (!taken.contains(Names.key(candidate))) {
                return candidate;
            }
        }
        throw conflict(holder.get());
    }

    /** The 409 {@code NAME_CONFLICT} naming the item that holds the name. */
    static DepotException conflict(Item holder) {
        return new DepotException(
                MetadataProblem.NAME_CONFLICT,
                "\"" + holder.name() + "\" already exists in this folder.",
                Map.of(
                        "conflictingId",
                        holder.id(),
                        "conflictingKind",
                        holder.kind().column()));
    }
}
