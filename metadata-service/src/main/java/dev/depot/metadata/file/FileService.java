package dev.depot.metadata.file;

import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import dev.depot.metadata.access.Action;
import dev.depot.metadata.access.Caller;
import dev.depot.metadata.activity.ActivityLog;
import dev.depot.metadata.blob.BlobReleaser;
import dev.depot.metadata.quota.QuotaLedger;
import dev.depot.metadata.tree.Item;
import dev.depot.metadata.tree.Names;
import dev.depot.metadata.tree.OnConflict;
import dev.depot.metadata.tree.TreeService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files and their versions. Versions are immutable and point at blobs, so a copy or a revert adds
 * rows, never bytes (each version still counts in full against the owner's quota).
 */
@Service
class FileService {

    record FileView(Item file, Version current, List<Item> path) {}

    private final TreeService tree;
    private final VersionRepository versions;
    private final QuotaLedger ledger;
    private final BlobReleaser blobs;
    private final ActivityLog activity;
    private final TransactionTemplate tx;
    private final Clock clock;

    FileService(
            TreeService tree,
            VersionRepository versions,
            QuotaLedger ledger,
            BlobReleaser blobs,
            ActivityLog activity,
            TransactionTemplate tx,
            Clock clock) {
        this.tree = tree;
        this.versions = versions;
        this.ledger = ledger;
        this.blobs = blobs;
        this.activity = activity;
        this.tx = tx;
        this.clock = clock;
    }

    FileView view(Caller caller, UUID id) {
        Item file = tree.file(caller, id, Action.READ);
        return new FileView(file, versions.find(file.currentVersionId()).orElseThrow(), tree.breadcrumbs(file));
    }

    /** A file's stored versions, newest first, and which one is current. */
    record Versions(List<Version> stored, UUID currentId) {}

    Versions versions(Caller caller, UUID id) {
        Item file = tree.file(caller, id, Action.READ);
        return new Versions(
                versions.ofFile(file.id()).stream().filter(Version::isStored).toList(), file.currentVersionId());
    }

    /** Copies the current version into a folder (the same one by default) as a new file. */
    Item copy(Caller caller, UUID id, UUID targetFolderId, String rawName, OnConflict onConflict) {
        String wanted = rawName == null ? null : Names.normalize(rawName);
        return tree.placing(() -> {
            Item source = tree.file(caller, id, Action.READ);
            Item folder =
                    tree.folder(caller, targetFolderId == null ? source.parentId() : targetFolderId, Action.WRITE);
            Version current = versions.find(source.currentVersionId()).orElseThrow();
            ledger.grow(folder.ownerId(), new QuotaLedger.Delta(current.size(), 0, 0, 0));
            Instant now = clock.instant();
            UUID fileId = UUID.randomUUID();
            String name = tree.placeName(folder, wanted == null ? source.name() : wanted, onConflict, null);
            Version first = new Version(
                    UUID.randomUUID(),
                    fileId,
                    1,
                    current.blobId(),
                    current.size(),
                    current.mimeType(),
                    current.sha256(),
                    current.status(),
                    null,
                    now,
                    caller.userId());
            // the current-version key is checked at commit, so the file can name its version first
            Item copy = new Item(
                    fileId,
                    folder.ownerId(),
                    folder.id(),
                    folder.childAncestors(),
                    Item.Kind.FILE,
                    name,
                    current.size(),
                    current.mimeType(),
                    current.status().column(),
                    first.id(),
                    now,
                    now,
                    null,
                    null);
            tree.insert(copy);
            versions.insert(first);
            activity.record(caller.userId(), copy, "copied", Map.of("sourceId", source.id()));
            return copy;
        });
    }

    /** Makes an old version current again, as a new version sharing its blob. */
    Version revert(Caller caller, UUID fileId, UUID versionId) {
        return tx.execute(s -> {
            Item file = lockedFile(caller, fileId);
            Version target = storedVersion(file, versionId);
            Version current = versions.find(file.currentVersionId()).orElseThrow();
            ledger.grow(file.ownerId(), QuotaLedger.Delta.madeCurrent(target.size(), current.size()));
            Instant now = clock.instant();
            Version revived = new Version(
                    UUID.randomUUID(),
                    file.id(),
                    versions.nextNumber(file.id()),
                    target.blobId(),
                    target.size(),
                    target.mimeType(),
                    target.sha256(),
                    target.status(),
                    null,
                    now,
                    caller.userId());
            versions.insert(revived);
            tree.makeCurrent(
                    file.id(),
                    revived.id(),
                    revived.size(),
                    revived.mimeType(),
                    revived.status().column(),
                    now);
            activity.record(
                    caller.userId(),
                    file,
                    "reverted",
                    Map.of("toVersion", target.number(), "newVersion", revived.number()));
            return revived;
        });
    }

    /** Deletes an old version for good (the current one cannot go). */
    void deleteVersion(Caller caller, UUID fileId, UUID versionId) {
        tx.executeWithoutResult(s -> {
            Item file = lockedFile(caller, fileId);
            Version version = storedVersion(file, versionId);
            if (version.id().equals(file.currentVersionId())) {
                throw new DepotException(
                        MetadataProblem.CURRENT_VERSION,
                        "The current version cannot be deleted; revert to another one first.");
            }
            versions.delete(version.id());
            ledger.apply(file.ownerId(), new QuotaLedger.Delta(0, -version.size(), 0, 0));
            blobs.release(file.ownerId(), List.of(version.blobId()));
            activity.record(caller.userId(), file, "version-deleted", Map.of("version", version.number()));
        });
    }

    private Item lockedFile(Caller caller, UUID fileId) {
        Item file = tree.file(caller, fileId, Action.WRITE);
        return tree.lock(file.id()).filter(Item::isLive).orElseThrow(() -> TreeService.notFound(Item.Kind.FILE));
    }

    private Version storedVersion(Item file, UUID versionId) {
        return versions.find(versionId)
                .filter(v -> v.fileId().equals(file.id()) && v.isStored())
                .orElseThrow(
                        () -> new DepotException(MetadataProblem.VERSION_NOT_FOUND, "This file has no such version."));
    }
}
