package dev.depot.metadata.download;

import dev.depot.contracts.ticket.Ticket;
import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import dev.depot.metadata.access.AccessPolicy;
import dev.depot.metadata.access.Action;
import dev.depot.metadata.access.Caller;
import dev.depot.metadata.activity.ActivityLog;
import dev.depot.metadata.activity.ActivitySubject;
import dev.depot.metadata.download.DownloadTargetRepository.Target;
import dev.depot.metadata.ticket.LinkProperties;
import dev.depot.metadata.ticket.TicketIssuer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Signed download URLs: one indexed read decides, an HMAC signs, nothing touches blob storage, and
 * one row in the owner's activity log records the issue. Only media that browsers cannot run as
 * active content may be shown inline.
 */
@Service
public class DownloadUrlService {

    private static final Set<String> INLINE_TYPES = Set.of(
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "image/avif",
            "image/bmp",
            "application/pdf",
            "text/plain");

    private final DownloadTargetRepository targets;
    private final AccessPolicy policy;
    private final TicketIssuer tickets;
    private final ActivityLog activity;
    private final LinkProperties links;
    private final Clock clock;

    DownloadUrlService(
            DownloadTargetRepository targets,
            AccessPolicy policy,
            TicketIssuer tickets,
            ActivityLog activity,
            LinkProperties links,
            Clock clock) {
        this.targets = targets;
        this.policy = policy;
        this.tickets = tickets;
        this.activity = activity;
        this.links = links;
        this.clock = clock;
    }

    TicketIssuer.Issued issue(Caller caller, UUID fileId, UUID versionId, boolean inline, Duration expiresIn) {
        Duration ttl = expiresIn == null ? links.downloadTtl() : expiresIn;
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(links.maxDownloadTtl()) > 0) {
            throw new DepotException(
                    CommonProblem.VALIDATION_FAILED,
                    "expiresIn is between 1 and " + links.maxDownloadTtl().toSeconds() + " seconds.");
        }
        Target target = target(fileId, versionId)
                .filter(t -> policy.allows(caller, t.ownerId(), Action.READ))
                .orElseThrow(() -> versionId == null
                        ? new DepotException(MetadataProblem.FILE_NOT_FOUND, "No such file.")
                        : new DepotException(MetadataProblem.VERSION_NOT_FOUND, "No such version."));
        return sign(fileId, target, inline, ttl, caller.userId(), Map.of());
    }

    /**
     * A download URL of a file's current version for whoever holds one of its share links (the link
     * was checked by the caller); empty when the file is gone or in the trash.
     */
    public Optional<TicketIssuer.Issued> issueShared(UUID fileId, UUID shareLinkId) {
        return target(fileId, null)
                .map(target -> sign(
                        fileId,
                        target,
                        false,
                        links.downloadTtl(),
                        null,
                        Map.of("shareLinkId", shareLinkId.toString())));
    }

    /** The live file's version (its current one unless named), in one indexed read. */
    private Optional<Target> target(UUID fileId, UUID versionId) {
        return targets.find(fileId, versionId).filter(Target::live);
    }

    private TicketIssuer.Issued sign(
            UUID fileId, Target target, boolean inline, Duration ttl, UUID actorId, Map<String, Object> details) {
        if (!target.stored()) {
            throw new DepotException(MetadataProblem.VERSION_NOT_AVAILABLE, "This version's upload has not completed.");
        }
        boolean shownInline = inline && INLINE_TYPES.contains(target.mimeType());
        TicketIssuer.Issued issued = tickets.download(
                fileId,
                target.versionId(),
                target.blobId(),
                target.ownerId(),
                target.size(),
                new Ticket.Delivery(target.name(), target.mimeType(), shownInline, target.createdAt()),
                clock.instant().plus(ttl));
        Map<String, Object> recorded = new HashMap<>(details);
        recorded.put("version", target.number());
        recorded.put("expiresAt", issued.expiresAt().toString());
        activity.record(
                actorId,
                ActivitySubject.of("file", fileId, target.ownerId(), target.name()),
                "download-url-issued",
                recorded);
        return issued;
    }
}
