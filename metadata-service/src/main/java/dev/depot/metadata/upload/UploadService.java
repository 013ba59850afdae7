package dev.depot.metadata.upload;

import dev.depot.contracts.uploads.v1.UploadCompleted;
import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.access.Action;
import dev.depot.metadata.access.Caller;
import dev.depot.metadata.activity.ActivityLog;
import dev.depot.metadata.blob.BlobReleaser;
import dev.depot.metadata.file.Version;
import dev.depot.metadata.file.VersionService;
import dev.depot.metadata.processing.ProcessingService;
import dev.depot.metadata.quota.QuotaLedger;
import dev.depot.metadata.quota.QuotaLedger.Delta;
import dev.depot.metadata.ticket.LinkProperties;
import dev.depot.metadata.ticket.TicketIssuer;
import dev.depot.metadata.tree.Item;
import dev.depot.metadata.tree.Names;
import dev.depot.metadata.tree.OnConflict;
import dev.depot.metadata.tree.TreeService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * Upload starts and their outcomes. A start checks permission, name and quota, reserves the size
 * and creates a pending version (invisible until its bytes are stored); the upload's completion or
 * abandonment arrives as an event and settles the reservation.
 */
@Service
class UploadService {

    record Started(Item file, Version version, TicketIssuer.Issued upload) {}

    /** What a client declares about the bytes it is about to send. */
    record Declared(long size, String mimeType, String sha256) {}

    private static final Logger LOG = LoggerFactory.getLogger(UploadService.class);
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");
    private static final String DEFAULT_TYPE = "application/octet-stream";

    private final TreeService tree;
    private final VersionService versions;
    private final QuotaLedger ledger;
    private final BlobReleaser blobs;
    private final TicketIssuer tickets;
    private final ActivityLog activity;
    private final ProcessingService processing;
    private final LinkProperties links;
    private final TransactionTemplate tx;
    private final Clock clock;

    UploadService(
            TreeService tree,
            VersionService versions,
            QuotaLedger ledger,
            BlobReleaser blobs,
            TicketIssuer tickets,
            ActivityLog activity,
            ProcessingService processing,
            LinkProperties links,
            TransactionTemplate tx,
            Clock clock) {
        this.tree = tree;
        this.versions = versions;
        this.ledger = ledger;
        this.blobs = blobs;
        this.tickets = tickets;
        this.activity = activity;
        this.processing = processing;
        this.links = links;
        this.tx = tx;
        this.clock = clock;
    }

    /** Starts uploading a new file into a folder (or a new version, under {@code newVersion}). */
    Started start(Caller caller, UUID folderId, String rawName, Declared raw, OnConflict onConflict) {
        String wanted = Names.normalize(rawName);
        Declared declared = validate(raw);
        return tree.placing(() -> {
            Item folder = tree.folder(caller, folderId, Action.WRITE);
            Optional<Item> holder = tree.liveChild(folder.id(), Names.key(wanted));
            if (holder.isPresent() && onConflict == OnConflict.NEW_VERSION) {
                if (holder.get().isFolder()) {
                    throw TreeService.conflict(holder.get());
                }
                return addVersion(caller, tree.lock(holder.get().id()).orElseThrow(), declared);
            }
            String name = tree.placeName(folder, wanted, onConflict, null);
            Instant now = clock.instant();
            Item file = new Item(
                    UUID.randomUUID(),
                    folder.ownerId(),
                    folder.id(),
                    folder.childAncestors(),
                    Item.Kind.FILE,
                    name,
                    0,
                    declared.mimeType(),
                    null,
                    null,
                    now,
                    now,
                    null,
                    null);
            tree.insert(file);
            return addVersion(caller, file, declared);
        });
    }

    /** Starts uploading a new version of an existing file. */
    Started startVersion(Caller caller, UUID fileId, Declared raw) {
        Declared declared = validate(raw);
        return tx.execute(s -> {
            Item file = tree.file(caller, fileId, Action.WRITE);
            return addVersion(caller, tree.lock(file.id()).orElseThrow(), declared);
        });
    }

    private Started addVersion(Caller caller, Item file, Declared declared) {
        ledger.grow(file.ownerId(), Delta.reserved(declared.size()));
        Instant now = clock.instant();
        Instant expires = now.plus(links.uploadTtl());
        UUID blobId = UUID.randomUUID();
        versions.insertBlob(blobId, file.ownerId(), declared.size(), declared.sha256(), false, now);
        Version version = new Version(
                UUID.randomUUID(),
                file.id(),
                versions.nextNumber(file.id()),
                blobId,
                declared.size(),
                declared.mimeType(),
                declared.sha256(),
                Version.Status.UPLOADING,
                expires,
                now,
                caller.userId());
        versions.insert(version);
        return new Started(
                file,
                version,
                tickets.upload(
                        file.id(), version.id(), blobId, file.ownerId(), declared.size(), declared.sha256(), expires));
    }

    /**
     * The bytes are stored: the version becomes visible (current if it is the newest) and is
     * processed next.
     */
    void completed(UploadCompleted event) {
        tx.executeWithoutResult(s -> {
            Optional<Version> found =
                    versions.lock(event.versionId()).filter(v -> v.status() == Version.Status.UPLOADING);
            if (found.isEmpty()) {
                if (versions.find(event.versionId()).isEmpty()) {
                    LOG.info("upload {} completed for a version that is gone; its blob is released", event.versionId());
                    blobs.announce(null, List.of(event.blobId()));
                }
                return;
            }
            Version version = found.get();
            if (event.size() != version.size()
                    || (version.sha256() != null
                            && event.sha256() != null
                            && !version.sha256().equals(event.sha256()))) {
                LOG.warn(
                        "upload {} stored {} bytes (sha256 {}) but {} (sha256 {}) were declared",
                        version.id(),
                        event.size(),
                        event.sha256(),
                        version.size(),
                        version.sha256());
                abandon(version);
                return;
            }
            Item file = tree.lock(version.fileId()).orElseThrow();
            versions.markStored(version, event.sha256(), clock.instant());
            processing.request(version, file.ownerId(), event.sha256());
            Version current = file.currentVersionId() == null
                    ? null
                    : versions.find(file.currentVersionId()).orElseThrow();
            UploadSettlement settlement = UploadSettlement.of(version, current, file.isLive());
            if (settlement.makesCurrent()) {
                tree.makeCurrent(
                        file.id(),
                        version.id(),
                        version.size(),
                        version.mimeType(),
                        Version.Status.PROCESSING.column(),
                        clock.instant());
            }
            ledger.apply(file.ownerId(), settlement.delta());
            activity.record(
                    version.createdBy(), file, "uploaded", Map.of("version", version.number(), "size", version.size()));
        });
    }

    /** The upload will never complete: its reservation, version and blob go. */
    void abandoned(UUID versionId) {
        tx.executeWithoutResult(s -> versions.lock(versionId)
                .filter(v -> v.status() == Version.Status.UPLOADING)
                .ifPresent(this::abandon));
    }

    /** Abandons uploads whose session expired long ago without any word from the upload side. */
    int expireStale(Instant cutoff) {
        List<UUID> stale = versions.uploadsExpiredBefore(cutoff);
        stale.forEach(this::abandoned);
        return stale.size();
    }

    private void abandon(Version version) {
        Item file = tree.lock(version.fileId()).orElseThrow();
        versions.delete(version.id());
        ledger.apply(file.ownerId(), Delta.reserved(-version.size()));
        blobs.release(file.ownerId(), List.of(version.blobId()));
        if (file.currentVersionId() == null && versions.ofFile(file.id()).isEmpty()) {
            tree.delete(file.id());
        }
    }

    private static Declared validate(Declared declared) {
        if (declared.size() < 0) {
            throw invalid("size must be zero or more bytes.");
        }
        String type = DEFAULT_TYPE;
        if (declared.mimeType() != null && !declared.mimeType().isBlank()) {
            try {
                MimeType parsed = MimeTypeUtils.parseMimeType(declared.mimeType());
                if (parsed.isWildcardType() || parsed.isWildcardSubtype()) {
                    throw invalid("mimeType must name one type, not a wildcard.");
                }
                type = (parsed.getType() + "/" + parsed.getSubtype()).toLowerCase(Locale.ROOT);
            } catch (InvalidMimeTypeException e) {
                throw invalid("mimeType is not a media type.");
            }
        }
        String sha256 = declared.sha256() == null ? null : declared.sha256().toLowerCase(Locale.ROOT);
        if (sha256 != null && !SHA256.matcher(sha256).matches()) {
            throw invalid("sha256 is 64 hexadecimal digits.");
        }
        return new Declared(declared.size(), type, sha256);
    }

    private static DepotException invalid(String detail) {
        return new DepotException(CommonProblem.VALIDATION_FAILED, detail);
    }
}
