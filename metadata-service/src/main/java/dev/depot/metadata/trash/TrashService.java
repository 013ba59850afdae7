package dev.depot.metadata.trash;

import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import dev.depot.metadata.access.AccessPolicy;
import dev.depot.metadata.access.Action;
import dev.depot.metadata.access.Caller;
import dev.depot.metadata.account.AccountDirectory;
import dev.depot.metadata.activity.ActivityLog;
import dev.depot.metadata.blob.BlobReleaser;
import dev.depot.metadata.paging.Page;
import dev.depot.metadata.paging.TimeCursor;
import dev.depot.metadata.quota.QuotaLedger;
import dev.depot.metadata.tree.Item;
import dev.depot.metadata.tree.OnConflict;
import dev.depot.metadata.tree.TreeService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trash: deleting moves a whole subtree there in one statement; restoring brings it back to
 * where it was (or to the root folder if that place is gone, renamed on a name clash); purging
 * deletes it for good and releases its blobs through an event.
 */
@Service
public class TrashService {

    private static final Logger LOG = LoggerFactory.getLogger(TrashService.class);
    private static final int PURGE_BATCH = 50;

    private final TrashRepository trash;
    private final TreeService tree;
    private final AccessPolicy policy;
    private final AccountDirectory accounts;
    private final QuotaLedger ledger;
    private final BlobReleaser blobs;
    private final ActivityLog activity;
    private final TransactionTemplate tx;
    private final TrashProperties properties;
    private final Clock clock;

    TrashService(
            TrashRepository trash,
            TreeService tree,
            AccessPolicy policy,
            AccountDirectory accounts,
            QuotaLedger ledger,
            BlobReleaser blobs,
            ActivityLog activity,
            TransactionTemplate tx,
            TrashProperties properties,
            Clock clock) {
        this.trash = trash;
        this.tree = tree;
        this.policy = policy;
        this.accounts = accounts;
        this.ledger = ledger;
        this.blobs = blobs;
        this.activity = activity;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    public void trash(Caller caller, Item.Kind kind, UUID id) {
        tx.executeWithoutResult(s -> {
            Item item = kind == Item.Kind.FOLDER
                    ? tree.folder(caller, id, Action.WRITE)
                    : tree.file(caller, id, Action.WRITE);
            if (item.isRoot()) {
                throw new DepotException(MetadataProblem.ROOT_FOLDER_IMMUTABLE, "The root folder cannot be deleted.");
            }
            tree.lockTree(item.ownerId());
            ledger.apply(item.ownerId(), trash.trash(item.id(), caller.userId(), clock.instant()));
            activity.record(caller.userId(), item, "trashed", Map.of("parentId", item.parentId()));
        });
    }

    Page<Item> list(Caller caller, int limit, String cursor) {
        TimeCursor after = TimeCursor.decode(cursor);
        return Page.of(
                trash.page(caller.userId(), after, limit + 1),
                limit,
                last -> new TimeCursor(last.deletedAt(), last.id()).encode());
    }

    /** Restores a trash group; answers the restored item (its name may have changed). */
    Item restore(Caller caller, UUID id) {
        return tree.placing(() -> {
            Item item = trashRoot(caller, id);
            tree.lockTree(item.ownerId());
            Item parent = tree.find(item.parentId())
                    .filter(Item::isLive)
                    .orElseGet(
                            () -> tree.find(accounts.rootFolder(item.ownerId()).orElseThrow())
                                    .orElseThrow());
            String name = tree.placeName(parent, item.name(), OnConflict.RENAME, item.id());
            tree.move(item, parent, name, item.modifiedAt());
            ledger.apply(item.ownerId(), trash.restore(item.id()));
            Item restored = tree.find(item.id()).orElseThrow();
            activity.record(caller.userId(), restored, "restored", Map.of("parentId", parent.id()));
            return restored;
        });
    }

    void purge(Caller caller, UUID id) {
        tx.executeWithoutResult(s -> {
            Item item = trashRoot(caller, id);
            purge(caller.userId(), item);
        });
    }

    /** Empties the caller's trash; answers how many trash groups were purged. */
    int empty(Caller caller) {
        List<UUID> roots = trash.trashRoots(caller.userId());
        for (UUID root : roots) {
            tx.executeWithoutResult(s -> trash.lockTrashRoot(root).ifPresent(item -> purge(caller.userId(), item)));
        }
        return roots.size();
    }

    /** Moves everything a deleted account owns to the trash; the purge job finishes the work. */
    public void trashAccount(UUID userId) {
        tx.executeWithoutResult(s -> {
            accounts.rootFolder(userId).ifPresent(root -> {
                tree.lockTree(userId);
                Instant now = clock.instant();
                for (UUID child : trash.liveChildren(root)) {
                    ledger.apply(userId, trash.trash(child, null, now));
                }
                trash.markAccountDeleted(userId, now);
            });
        });
        accounts.forget(userId);
    }

    /** Purges trash groups older than the retention period, a batch per transaction. */
    public int purgeExpired() {
        Instant cutoff = clock.instant().minus(properties.retention());
        int purged = 0;
        int batch;
        do {
            batch = tx.execute(s -> {
                List<Item> expired = trash.lockExpired(cutoff, PURGE_BATCH);
                expired.forEach(item -> purge(null, item));
                return expired.size();
            });
            purged += batch;
        } while (batch == PURGE_BATCH);
        int accountsRemoved = tx.execute(s -> trash.removeEmptiedAccounts(cutoff));
        if (purged > 0 || accountsRemoved > 0) {
            LOG.info("trash purge: {} expired items and {} deleted accounts removed", purged, accountsRemoved);
        }
        return purged;
    }

    private void purge(UUID actorId, Item item) {
        TrashRepository.Purged purged = trash.purge(item.id());
        ledger.apply(item.ownerId(), new QuotaLedger.Delta(0, 0, -purged.storedBytes(), -purged.reservedBytes()));
        blobs.release(item.ownerId(), purged.blobIds());
        activity.record(actorId, item, actorId == null ? "auto-purged" : "purged", Map.of());
    }

    private Item trashRoot(Caller caller, UUID id) {
        return trash.lockTrashRoot(id)
                .filter(i -> policy.allows(caller, i.ownerId(), Action.WRITE))
                .orElseThrow(() ->
                        new DepotException(MetadataProblem.TRASH_ITEM_NOT_FOUND, "This item is not in your trash."));
    }
}
