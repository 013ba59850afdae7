package dev.depot.contracts.archives.v1;

import dev.depot.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A zip archive of a selection was asked for. Its entries are in the manifest object (a selection
 * of 70,000 files does not fit in one record); the archive is written to {@code
 * ObjectKeys.archive(archiveId)}. Building it again gives the same archive, so a redelivered
 * request only rebuilds it. Keyed by archive id.
 *
 * @param manifestKey the object holding the manifest ({@code ObjectKeys.archiveManifest})
 * @param entries how many lines the manifest has (files and folders)
 * @param totalBytes the sum of the files' sizes
 */
public record ArchiveRequested(
        UUID archiveId, UUID ownerId, String manifestKey, int entries, long totalBytes, Instant requestedAt) {

    public static final String TOPIC = "depot.archives.archive-requested.v1";
    public static final EventType<ArchiveRequested> TYPE = new EventType<>(TOPIC, ArchiveRequested.class);
}
