package dev.depot.metadata.search;

import java.time.Instant;
import java.util.UUID;

/**
 * A name search and its filters.
 *
 * @param text the searched name key (normalized, case folded)
 * @param type {@code folder}, {@code file}, or a media family ({@code image}, {@code video}, {@code
 *     audio}, {@code text}, {@code document})
 * @param folderId only items below this folder
 */
record SearchQuery(String text, String type, Instant modifiedAfter, Instant modifiedBefore, UUID folderId) {}
