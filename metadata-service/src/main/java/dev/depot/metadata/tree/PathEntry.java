package dev.depot.metadata.tree;

import java.util.List;
import java.util.UUID;

/** One step of a breadcrumb trail, from the root folder down. */
public record PathEntry(UUID id, String name) {

    public static List<PathEntry> of(List<Item> folders) {
        return folders.stream().map(f -> new PathEntry(f.id(), f.name())).toList();
    }
}
