package dev.depot.metadata.tree;

import java.util.List;

/** One page of a list; pass {@code nextCursor} back as {@code cursor} for the next one. */
public record Page<T>(List<T> items, String nextCursor) {}
