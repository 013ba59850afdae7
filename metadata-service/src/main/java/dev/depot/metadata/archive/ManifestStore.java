package dev.depot.metadata.archive;

import dev.depot.contracts.archives.v1.ArchiveManifest;
import java.util.List;
import java.util.UUID;

/** Where archive manifests are written for the worker ({@code archives/<id>/manifest}). */
interface ManifestStore {

    void put(UUID archiveId, List<ArchiveManifest.Entry> entries);

    /** Deletes a manifest nobody will read (its archive was never recorded); missing is fine. */
    void delete(UUID archiveId);
}
