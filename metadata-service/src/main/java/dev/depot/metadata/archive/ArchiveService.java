package dev.depot.metadata.archive;

import dev.depot.contracts.ObjectKeys;
import dev.depot.contracts.archives.v1.ArchiveDiscarded;
import dev.depot.contracts.archives.v1.ArchiveFinished;
import dev.depot.contracts.archives.v1.ArchiveManifest;
import dev.depot.contracts.archives.v1.ArchiveProgressed;
import dev.depot.contracts.archives.v1.ArchiveRequested;
import dev.depot.kit.events.EventPublisher;
import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import dev.depot.metadata.access.AccessPolicy;
import dev.depot.metadata.access.Action;
import dev.depot.metadata.access.Caller;
import dev.depot.metadata.activity.ActivityLog;
import dev.depot.metadata.activity.ActivitySubject;
import dev.depot.metadata.live.LivePush;
import dev.depot.metadata.paging.TimeCursor;
import dev.depot.metadata.ticket.LinkProperties;
import dev.depot.metadata.ticket.TicketIssuer;
import dev.depot.metadata.tree.Item;
import dev.depot.metadata.tree.Names;
import dev.depot.metadata.tree.TreeService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Zip archives of selections, as the control plane sees them: a request is checked (every item
 * readable by the caller, within the limits), laid out as a manifest in the object store and
 * announced to the worker in the transaction that records it; the worker's reports move it on; it
 * expires after its time and its objects are deleted by the worker.
 */
@Service
public class ArchiveService {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveService.class);
    static final int SWEEP_BATCH = 100;
    private static final String DEFAULT_NAME = "Depot archive";

    /** An archive and, when it is ready, where to download it. */
    record Described(Archive archive, TicketIssuer.Issued download) {}

    private final ArchiveRepository archives;
    private final SelectionRepository selections;
    private final TreeService tree;
    private final ManifestStore manifests;
    private final AccessPolicy policy;
    private final TicketIssuer tickets;
    private final EventPublisher events;
    private final ActivityLog activity;
    private final LivePush live;
    private final TransactionTemplate tx;
    private final ArchiveProperties properties;
    private final LinkProperties links;
    private final Clock clock;

    ArchiveService(
            ArchiveRepository archives,
            SelectionRepository selections,
            TreeService tree,
            ManifestStore manifests,
            AccessPolicy policy,
            TicketIssuer tickets,
            EventPublisher events,
            ActivityLog activity,
            LivePush live,
            TransactionTemplate tx,
            ArchiveProperties properties,
            LinkProperties links,
            Clock clock) {
        this.archives = archives;
        this.selections = selections;
        this.tree = tree;
        this.manifests = manifests;
        this.policy = policy;
        this.tickets = tickets;
        this.events = events;
        this.activity = activity;
        this.live = live;
        this.tx = tx;
        this.properties = properties;
        this.links = links;
        this.clock = clock;
    }

    /** Records an archive of the selected items and asks for it to be built. */
    Described request(Caller caller, List<UUID> itemIds, String rawName) {
        if (itemIds.size() > properties.maxItems()) {
            throw new DepotException(
                    CommonProblem.VALIDATION_FAILED,
                    "An archive can select at most " + properties.maxItems() + " items.");
        }
        String name = rawName == null || rawName.isBlank() ? null : Names.normalize(rawName);
        List<Item> selected = readable(caller, new ArrayList<>(new LinkedHashSet<>(itemIds)));
        // An item inside a selected folder comes with the folder.
        Set<UUID> folderIds = new HashSet<>();
        selected.stream().filter(Item::isFolder).forEach(f -> folderIds.add(f.id()));
        List<Item> top = selected.stream()
                .filter(i -> i.ancestors().stream().noneMatch(folderIds::contains))
                .toList();
        List<UUID> topIds = top.stream().map(Item::id).toList();
        List<UUID> folders = top.stream().filter(Item::isFolder).map(Item::id).toList();

        SelectionRepository.Totals totals = selections.totals(topIds, folders);
        if (totals.entries() > properties.maxEntries()
                || totals.bytes() > properties.maxBytes().toBytes()) {
            throw new DepotException(
                    MetadataProblem.ARCHIVE_TOO_LARGE,
                    "An archive holds at most "
                            + properties.maxEntries()
                            + " files and folders and "
                            + properties.maxBytes().toBytes()
                            + " bytes; this selection has "
                            + totals.entries()
                            + " and "
                            + totals.bytes()
                            + ".",
                    Map.of(
                            "entries",
                            totals.entries(),
                            "totalBytes",
                            totals.bytes(),
                            "maxEntries",
                            properties.maxEntries(),
                            "maxBytes",
                            properties.maxBytes().toBytes()));
        }
        List<SelectionRepository.Row> rows = selections.rows(topIds, folders);
        Set<UUID> found = new HashSet<>();
        rows.forEach(r -> found.add(r.id()));
        for (Item item : top) {
            if (!found.contains(item.id())) {
                throw notFound(item.id());
            }
        }
        List<ArchiveManifest.Entry> entries = Selection.entries(topIds, rows);
        long bytes = entries.stream().mapToLong(ArchiveManifest.Entry::size).sum();

        Instant now = clock.instant();
        Archive archive = new Archive(
                UUID.randomUUID(),
                caller.userId(),
                name != null ? name : defaultName(top),
                Archive.PREPARING,
                entries.size(),
                bytes,
                0,
                0,
                null,
                null,
                now,
                null,
                now.plus(properties.ttl()));
        try {
            manifests.put(archive.id(), entries);
        } catch (RuntimeException e) {
            LOG.error("manifest of archive {} not stored", archive.id(), e);
            throw new DepotException(CommonProblem.BACKEND_UNAVAILABLE, "Storage is unavailable; try again shortly.");
        }
        try {
            tx.executeWithoutResult(s -> {
                archives.insert(archive);
                announce(archive.id(), archive.ownerId(), archive.entries(), archive.totalBytes(), now);
                record(
                        caller,
                        archive,
                        "requested",
                        Map.of(
                                "items",
                                topIds.size(),
                                "entries",
                                archive.entries(),
                                "totalBytes",
                                archive.totalBytes()));
            });
        } catch (RuntimeException e) {
            deleteManifestQuietly(archive.id());
            throw e;
        }
        LOG.info("archive {} requested: {} entries, {} bytes", archive.id(), archive.entries(), archive.totalBytes());
        return new Described(archive, null);
    }

    /** An archive of the caller's, with a fresh download URL when it is ready. */
    Described describe(Caller caller, UUID id) {
        return described(visible(caller, id));
    }

    /** The caller's archives not yet expired nor deleted, newest first, before a position. */
    List<Described> list(Caller caller, TimeCursor before, int limit) {
        return archives.page(caller.userId(), before, limit).stream()
                .map(this::described)
                .toList();
    }

    private Described described(Archive archive) {
        if (!archive.isReady()) {
            return new Described(archive, null);
        }
        Instant expires = clock.instant().plus(links.downloadTtl());
        if (expires.isAfter(archive.expiresAt())) {
            expires = archive.expiresAt();
        }
        return new Described(
                archive,
                tickets.archive(
                        archive.id(),
                        archive.ownerId(),
                        archive.size(),
                        archive.fileName(),
                        archive.readyAt(),
                        expires));
    }

    /** Deletes an archive at once; the worker deletes its objects. */
    void delete(Caller caller, UUID id) {
        tx.executeWithoutResult(s -> {
            Archive archive = archives.lock(id)
                    .filter(a -> !a.isGone() && policy.allows(caller, a.ownerId(), Action.WRITE))
                    .orElseThrow(() -> archiveNotFound());
            archives.markDeleted(archive.id());
            discard(archive, ArchiveDiscarded.Reason.DELETED);
            pushState(archive.withStatus(Archive.DELETED));
            record(caller, archive, "deleted", Map.of());
        });
    }

    /** An entry in the owner's activity log, in the transaction of the change. */
    private void record(Caller caller, Archive archive, String verb, Map<String, Object> details) {
        activity.record(
                caller.userId(),
                ActivitySubject.of("archive", archive.id(), archive.ownerId(), archive.fileName()),
                verb,
                details);
    }

    void progressed(ArchiveProgressed report) {
        tx.executeWithoutResult(
                s -> archives.progress(report.archiveId(), report.entriesDone(), report.bytesDone(), clock.instant())
                        .ifPresent(this::pushState));
    }

    /**
     * Archives whose build went quiet (no progress for {@code stall-after}: the worker died, or its
     * report was lost) are asked for again; after the last attempt they fail, so none stays
     * "preparing" until it expires. Returns how many were looked at.
     */
    public int retryStalled() {
        Instant now = clock.instant();
        return tx.execute(s -> {
            List<ArchiveRepository.Stalled> stalled =
                    archives.lockStalled(now.minus(properties.stallAfter()), SWEEP_BATCH);
            for (ArchiveRepository.Stalled archive : stalled) {
                if (archive.attempts() >= properties.attempts()) {
                    LOG.warn("archive {} not built after {} attempts: failed", archive.id(), archive.attempts());
                    archives.failed(archive.id(), "The archive could not be built. Ask for it again.")
                            .ifPresent(this::pushState);
                } else {
                    LOG.info("archive {} went quiet: asking again (attempt {})", archive.id(), archive.attempts() + 1);
                    archives.askedAgain(archive.id(), now);
                    announce(archive.id(), archive.ownerId(), archive.entries(), archive.totalBytes(), now);
                }
            }
            return stalled.size();
        });
    }

    /** Asks the worker to build an archive (in the caller's transaction, through the outbox). */
    private void announce(UUID id, UUID ownerId, int entries, long totalBytes, Instant now) {
        events.publish(
                ArchiveRequested.TYPE,
                id.toString(),
                new ArchiveRequested(id, ownerId, ObjectKeys.archiveManifest(id), entries, totalBytes, now));
    }

    /**
     * The worker's outcome. A redelivered report finds the archive settled and changes nothing; the
     * report of an archive that expired or was deleted meanwhile has its zip deleted again.
     */
    void finished(ArchiveFinished report) {
        tx.executeWithoutResult(s -> {
            Archive archive = archives.lock(report.archiveId()).orElse(null);
            if (archive == null) {
                LOG.warn("archive {} finished but is unknown", report.archiveId());
                return;
            }
            if (archive.isGone()) {
                LOG.info("archive {} finished after it was {}: deleting it again", archive.id(), archive.status());
                discard(
                        archive,
                        Archive.DELETED.equals(archive.status())
                                ? ArchiveDiscarded.Reason.DELETED
                                : ArchiveDiscarded.Reason.EXPIRED);
                return;
            }
            Optional<Archive> settled = report.outcome() == ArchiveFinished.Outcome.READY
                    ? archives.ready(archive.id(), report.size(), clock.instant())
                    : archives.failed(
                            archive.id(), report.failure() == null ? "The archive failed." : report.failure());
            settled.ifPresent(this::pushState);
            LOG.info(
                    "archive {} {}{}",
                    archive.id(),
                    report.outcome(),
                    settled.isEmpty() ? " (already " + archive.status() + ")" : "");
        });
    }

    /** Expires archives past their time and forgets long-gone ones; returns how many expired. */
    public int expire() {
        Instant now = clock.instant();
        int expired = tx.execute(s -> {
            List<Archive> due = archives.lockExpired(now, SWEEP_BATCH);
            for (Archive archive : due) {
                archives.markExpired(archive.id());
                discard(archive, ArchiveDiscarded.Reason.EXPIRED);
                pushState(archive.withStatus(Archive.EXPIRED));
            }
            return due.size();
        });
        if (expired < SWEEP_BATCH) {
            archives.forgetGone(now.minus(properties.keepExpired()));
        }
        return expired;
    }

    /** Shows the owner's open pages the archive as it now is (in the transaction of the change). */
    private void pushState(Archive archive) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("id", archive.id().toString());
        state.put("name", archive.fileName());
        state.put("status", archive.status());
        state.put("entries", archive.entries());
        state.put("totalBytes", archive.totalBytes());
        state.put("entriesDone", archive.entriesDone());
        state.put("bytesDone", archive.bytesDone());
        state.put("size", archive.size());
        state.put("error", archive.error());
        state.put("createdAt", archive.createdAt().toString());
        state.put("expiresAt", archive.expiresAt().toString());
        live.push(archive.ownerId(), "archive", archive.id(), state);
    }

    private void discard(Archive archive, ArchiveDiscarded.Reason reason) {
        events.publish(
                ArchiveDiscarded.TYPE,
                archive.id().toString(),
                new ArchiveDiscarded(archive.id(), archive.ownerId(), reason, clock.instant()));
    }

    /** The selected items, each live and readable by the caller, else 404 naming the first. */
    private List<Item> readable(Caller caller, List<UUID> ids) {
        List<Item> found = tree.findAll(ids);
        Set<UUID> ok = new HashSet<>();
        for (Item item : found) {
            if (item.isLive()
                    && (item.isFolder() || item.currentVersionId() != null)
                    && policy.allows(caller, item.ownerId(), Action.READ)) {
                ok.add(item.id());
            }
        }
        for (UUID id : ids) {
            if (!ok.contains(id)) {
                throw notFound(id);
            }
        }
        return found;
    }

    private Archive visible(Caller caller, UUID id) {
        return archives.find(id)
                .filter(a -> !Archive.DELETED.equals(a.status()) && policy.allows(caller, a.ownerId(), Action.READ))
                .orElseThrow(ArchiveService::archiveNotFound);
    }

    private static String defaultName(List<Item> top) {
        if (top.size() != 1) {
            return DEFAULT_NAME;
        }
        Item only = top.getFirst();
        if (only.isRoot()) {
            return DEFAULT_NAME;
        }
        int dot = only.name().lastIndexOf('.');
        return only.isFolder() || dot <= 0 ? only.name() : only.name().substring(0, dot);
    }

    private void deleteManifestQuietly(UUID archiveId) {
        try {
            manifests.delete(archiveId);
        } catch (RuntimeException e) {
            LOG.warn("manifest of unrecorded archive {} not deleted: {}", archiveId, e.toString());
        }
    }

    private static DepotException notFound(UUID id) {
        return new DepotException(
                MetadataProblem.ITEM_NOT_FOUND, "No such file or folder: " + id + ".", Map.of("itemId", id));
    }

    private static DepotException archiveNotFound() {
        return new DepotException(MetadataProblem.ARCHIVE_NOT_FOUND, "No such archive.");
    }
}
