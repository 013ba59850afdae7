package dev.depot.metadata.share;

import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import dev.depot.metadata.access.AccessPolicy;
import dev.depot.metadata.access.Action;
import dev.depot.metadata.access.Caller;
import dev.depot.metadata.activity.ActivityLog;
import dev.depot.metadata.download.DownloadUrlService;
import dev.depot.metadata.ticket.TicketIssuer;
import dev.depot.metadata.tree.Item;
import dev.depot.metadata.tree.TreeService;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Public links to files. The owner makes, lists and revokes them; anyone holding a token sees the
 * file's name, size and type and gets a short-lived signed download URL of its current version. A
 * token that does not work (unknown, expired, revoked, its file in the trash or gone) answers "not
 * found", whatever the reason, so tokens cannot be probed.
 */
@Service
class ShareLinkService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");

    private final ShareLinkRepository links;
    private final TreeService tree;
    private final AccessPolicy policy;
    private final DownloadUrlService downloads;
    private final ActivityLog activity;
    private final TransactionTemplate tx;
    private final ShareProperties properties;
    private final Clock clock;

    ShareLinkService(
            ShareLinkRepository links,
            TreeService tree,
            AccessPolicy policy,
            DownloadUrlService downloads,
            ActivityLog activity,
            TransactionTemplate tx,
            ShareProperties properties,
            Clock clock) {
        this.links = links;
        this.tree = tree;
        this.policy = policy;
        this.downloads = downloads;
        this.activity = activity;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A new link to a file of the caller's, working until {@code expiresAt} (or revoked). An account
     * whose email address is not verified shares nothing.
     */
    ShareLink create(Caller caller, UUID fileId, Instant expiresAt) {
        if (!caller.emailVerified()) {
            throw new DepotException(
                    MetadataProblem.EMAIL_NOT_VERIFIED,
                    "Verify your email address to share files: follow the link we sent you.");
        }
        Instant now = clock.instant();
        long maxDays = properties.maxLifetime().toDays();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new DepotException(
                    CommonProblem.VALIDATION_FAILED,
                    "expiresAt "
                            + expiresAt
                            + " has already passed: give a time in the future, at most "
                            + maxDays
                            + " days away.");
        }
        if (expiresAt != null && expiresAt.isAfter(now.plus(properties.maxLifetime()))) {
            throw new DepotException(
                    CommonProblem.VALIDATION_FAILED,
                    "expiresAt "
                            + expiresAt
                            + " is more than "
                            + maxDays
                            + " days away: a link lasts at most "
                            + maxDays
                            + " days (or leave expiresAt out for a link without expiry).");
        }
        return tx.execute(s -> {
            Item file = shareable(caller, fileId);
            if (links.countLocked(fileId) >= properties.maxPerFile()) {
                throw new DepotException(
                        MetadataProblem.SHARE_LINK_LIMIT,
                        "A file has at most " + properties.maxPerFile() + " share links; revoke one first.",
                        Map.of("maxPerFile", properties.maxPerFile()));
            }
            ShareLink link = new ShareLink(
                    UUID.randomUUID(), newToken(), fileId, file.ownerId(), caller.userId(), now, expiresAt, 0, null);
            links.insert(link);
            Map<String, Object> details = new HashMap<>();
            details.put("shareLinkId", link.id().toString());
            if (expiresAt != null) {
                details.put("expiresAt", expiresAt.toString());
            }
            activity.record(caller.userId(), file, "share-link-created", details);
            return link;
        });
    }

    /** The links of a file of the caller's, newest first. */
    List<ShareLink> list(Caller caller, UUID fileId) {
        shareable(caller, fileId);
        return links.ofFile(fileId);
    }

    /** Ends a link at once. */
    void revoke(Caller caller, UUID linkId) {
        tx.executeWithoutResult(s -> {
            ShareLink link = links.find(linkId)
                    .filter(l -> policy.allows(caller, l.ownerId(), Action.WRITE))
                    .orElseThrow(() -> new DepotException(MetadataProblem.SHARE_LINK_NOT_FOUND, "No such share link."));
            links.delete(link.id());
            tree.find(link.fileId())
                    .ifPresent(file -> activity.record(
                            caller.userId(),
                            file,
                            "share-link-revoked",
                            Map.of("shareLinkId", link.id().toString())));
        });
    }

    /** What a working token shows of its file. */
    ShareLinkRepository.Shared open(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw notWorking();
        }
        return links.findWorking(token, clock.instant()).orElseThrow(ShareLinkService::notWorking);
    }

    /** A signed download URL of the shared file's current version; the link counts it. */
    TicketIssuer.Issued download(String token) {
        ShareLink link = open(token).link();
        TicketIssuer.Issued issued =
                downloads.issueShared(link.fileId(), link.id()).orElseThrow(ShareLinkService::notWorking);
        links.used(link.id(), clock.instant());
        return issued;
    }

    /** The page that shows a link's file to anyone. */
    URI page(ShareLink link) {
        return URI.create(properties.pageUrl().toString().replaceAll("/+$", "") + "/s/" + link.token());
    }

    boolean expired(ShareLink link) {
        return link.expiresAt() != null && !link.expiresAt().isAfter(clock.instant());
    }

    /** A live file of the caller's that they may share; else "not found", like any other. */
    private Item shareable(Caller caller, UUID fileId) {
        return tree.find(fileId)
                .filter(i -> !i.isFolder()
                        && i.isLive()
                        && i.currentVersionId() != null
                        && policy.allows(caller, i.ownerId(), Action.WRITE))
                .orElseThrow(() -> new DepotException(MetadataProblem.FILE_NOT_FOUND, "No such file."));
    }

    private static String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static DepotException notWorking() {
        return new DepotException(
                MetadataProblem.SHARE_LINK_NOT_FOUND, "This link does not work: it may have expired or been revoked.");
    }
}
