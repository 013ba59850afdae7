package dev.depot.metadata.tree;

import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import dev.depot.metadata.access.AccessPolicy;
import dev.depot.metadata.access.Action;
import dev.depot.metadata.access.Caller;
import dev.depot.metadata.activity.ActivityLog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What folders and files have in common: finding them for a caller, placing a name in a folder
 * under a conflict policy, renaming and moving.
 */
@Service
public class TreeService {

    private static final int NAME_ATTEMPTS = 3;

    private final ItemRepository items;
    private final AccessPolicy policy;
    private final ActivityLog activity;
    private final TransactionTemplate tx;
    private final Clock clock;

    TreeService(ItemRepository items, AccessPolicy policy, ActivityLog activity, TransactionTemplate tx, Clock clock) {
        this.items = items;
        this.policy = policy;
        this.activity = activity;
        this.tx = tx;
        this.clock = clock;
    }

    /** A live folder the caller may act on, else 404. */
    public Item folder(Caller caller, UUID id, Action action) {
        return items.find(id)
                .filter(i -> i.isFolder() && i.isLive() && policy.allows(caller, i.ownerId(), action))
                .orElseThrow(() -> notFound(Item.Kind.FOLDER));
    }

    /** A live, complete file the caller may act on, else 404. */
    public Item file(Caller caller, UUID id, Action action) {
        return items.find(id)
                .filter(i -> !i.isFolder()
                        && i.isLive()
                        && i.currentVersionId() != null
                        && policy.allows(caller, i.ownerId(), action))
                .orElseThrow(() -> notFound(Item.Kind.FILE));
    }

    /** The folders from the root down to (and including) this item's parent. */
    public List<Item> breadcrumbs(Item item) {
        return items.findAll(item.ancestors());
    }

    /**
     * The name {@code wanted} becomes in {@code parent} under {@code onConflict}, or a 409 naming the
     * item that holds it. ({@code newVersion} is the uploads' business and fails here.)
     */
    public String placeName(Item parent, String wanted, OnConflict onConflict, UUID movingId) {
        return TreeRules.placeName(
                wanted,
                items.liveChild(parent.id(), Names.key(wanted)),
                movingId,
                onConflict,
                prefix -> items.liveKeysStartingWith(parent.id(), prefix));
    }

    public static DepotException conflict(Item holder) {
        return TreeRules.conflict(holder);
    }

    /**
     * Runs a write that places a name; a concurrent writer that took the name between the check and
     * the write makes the whole transaction run again, so the policy is applied to fresh data.
     */
    public <T> T placing(Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return tx.execute(s -> write.get());
            } catch (DuplicateKeyException e) {
                if (attempt == NAME_ATTEMPTS) {
                    throw new DepotException(
                            MetadataProblem.NAME_CONFLICT, "The name was taken by a concurrent change; try again.");
                }
            }
        }
    }

    public Item createFolder(Caller caller, UUID parentId, String rawName, OnConflict onConflict) {
        String wanted = Names.normalize(rawName);
        return placing(() -> {
            Item parent = folder(caller, parentId, Action.WRITE);
            TreeRules.requireDepth(parent.depth() + 1);
            Instant now = clock.instant();
            Item folder = new Item(
                    UUID.randomUUID(),
                    parent.ownerId(),
                    parent.id(),
                    parent.childAncestors(),
                    Item.Kind.FOLDER,
                    placeName(parent, wanted, onConflict, null),
                    0,
                    null,
                    null,
                    null,
                    now,
                    now,
                    null,
                    null);
            items.insert(folder);
            activity.record(caller.userId(), folder, "created", Map.of("parentId", parent.id()));
            return folder;
        });
    }

    /**
     * Renames and/or moves an item (a {@code null} name or parent keeps it). Moving a folder into its
     * own subtree is refused; every descendant's path follows in the same transaction.
     */
    public Item update(
            Caller caller, Item.Kind kind, UUID id, String rawName, UUID newParentId, OnConflict onConflict) {
        String wanted = rawName == null ? null : Names.normalize(rawName);
        return placing(() -> {
            Item item = kind == Item.Kind.FOLDER ? folder(caller, id, Action.WRITE) : file(caller, id, Action.WRITE);
            TreeRules.requireMovable(item);
            items.lockTree(item.ownerId());
            UUID parentId = newParentId == null ? item.parentId() : newParentId;
            Item parent = folder(caller, parentId, Action.WRITE);
            boolean moving = !parentId.equals(item.parentId());
            if (moving) {
                TreeRules.requireOutside(item, parent);
                if (item.isFolder()) {
                    TreeRules.requireDepth(parent.depth() + 1 + items.subtreeHeight(item));
                }
            }
            String name = placeName(parent, wanted == null ? item.name() : wanted, onConflict, item.id());
            Instant now = clock.instant();
            items.move(item, parent, name, now);
            Item updated = items.find(id).orElseThrow();
            if (!name.equals(item.name())) {
                activity.record(caller.userId(), updated, "renamed", Map.of("oldName", item.name()));
            }
            if (moving) {
                activity.record(
                        caller.userId(),
                        updated,
                        "moved",
                        Map.of("fromParentId", item.parentId(), "toParentId", parent.id()));
            }
            return updated;
        });
    }

    // The items themselves, for the features that change them inside their own transaction
    // (uploads, copies, the trash, share links, archives): they go through here, not the table.

    public Optional<Item> find(UUID id) {
        return items.find(id);
    }

    /** The item, its row locked until the transaction ends. */
    public Optional<Item> lock(UUID id) {
        return items.lock(id);
    }

    /** Items by id, in the order given (missing ids are skipped). */
    public List<Item> findAll(List<UUID> ids) {
        return items.findAll(ids);
    }

    /** The live item of a folder whose name collides with {@code key}. */
    public Optional<Item> liveChild(UUID parentId, String key) {
        return items.liveChild(parentId, key);
    }

    /** Inserts an item (inside {@link #placing}: a name taken concurrently retries the write). */
    public void insert(Item item) {
        items.insert(item);
    }

    /** Makes a stored version the file's current one ({@code status} is the version's). */
    public void makeCurrent(UUID fileId, UUID versionId, long size, String mimeType, String status, Instant now) {
        items.makeCurrent(fileId, versionId, size, mimeType, status, now);
    }

    public void delete(UUID id) {
        items.delete(id);
    }

    /** Moves an item under {@code parent} with the given name, its descendants' paths with it. */
    public void move(Item item, Item parent, String name, Instant now) {
        items.move(item, parent, name, now);
    }

    /** Serialises structural changes of one owner's tree (moves cannot then race into a cycle). */
    public void lockTree(UUID ownerId) {
        items.lockTree(ownerId);
    }

    public static DepotException notFound(Item.Kind kind) {
        return kind == Item.Kind.FOLDER
                ? new DepotException(MetadataProblem.FOLDER_NOT_FOUND, "No such folder.")
                : new DepotException(MetadataProblem.FILE_NOT_FOUND, "No such file.");
    }
}
