package dev.depot.metadata.download;

import dev.depot.contracts.ticket.Ticket;
import dev.depot.kit.problem.CommonProblem;
import dev.depot.kit.problem.DepotException;
import dev.depot.metadata.MetadataProblem;
import dev.depot.metadata.access.AccessPolicy;
import dev.depot.metadata.access.Action;
import dev.depot.metadata.access.Caller;
import dev.depot.metadata.activity.ReadActivity;
import dev.depot.metadata.ticket.LinkProperties;
import dev.depot.metadata.ticket.TicketIssuer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Signed download URLs: one indexed read decides, an HMAC signs, nothing touches blob storage.
 * Only media that browsers cannot run as active content may be shown inline.
 */
@Service
public class DownloadUrlService {

  private static final Set<String> INLINE_TYPES = Set.of("image/png", "image/jpeg", "image/gif",
      "image/webp", "image/avif", "image/bmp", "application/pdf", "text/plain");

  /** The facts a download URL needs, in one row. */
  private record Target(UUID ownerId, String name, boolean live, UUID versionId, int number,
      UUID blobId, String mimeType, boolean stored, long size, Instant createdAt) {}

  private final JdbcClient jdbc;
  private final AccessPolicy policy;
  private final TicketIssuer tickets;
  private final ReadActivity activity;
  private final LinkProperties links;
  private final Clock clock;

  DownloadUrlService(JdbcClient jdbc, AccessPolicy policy, TicketIssuer tickets,
      ReadActivity activity, LinkProperties links, Clock clock) {
    this.jdbc = jdbc;
    this.policy = policy;
    this.tickets = tickets;
    this.activity = activity;
    this.links = links;
    this.clock = clock;
  }

  TicketIssuer.Issued issue(Caller caller, UUID fileId, UUID versionId, boolean inline,
      Duration expiresIn) {
    Duration ttl = expiresIn == null ? links.downloadTtl() : expiresIn;
    if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(links.maxDownloadTtl()) > 0) {
      throw new DepotException(CommonProblem.VALIDATION_FAILED, "expiresIn is between 1 and "
          + links.maxDownloadTtl().toSeconds() + " seconds.");
    }
    Target target = target(fileId, versionId)
        .filter(t -> policy.allows(caller, t.ownerId(), Action.READ))
        .orElseThrow(() -> versionId == null
            ? new DepotException(MetadataProblem.FILE_NOT_FOUND, "No such file.")
            : new DepotException(MetadataProblem.VERSION_NOT_FOUND, "No such version."));
    return sign(fileId, target, inline, ttl, caller.userId(), Map.of());
  }

  /**
   * A download URL of a file's current version for whoever holds one of its share links (the
   * link was checked by the caller); empty when the file is gone or in the trash.
   */
  public Optional<TicketIssuer.Issued> issueShared(UUID fileId, UUID shareLinkId) {
    return target(fileId, null).map(target -> sign(fileId, target, false, links.downloadTtl(),
        null, Map.of("shareLinkId", shareLinkId.toString())));
  }

  /** The live file's version (its current one unless named), in one indexed read. */
  private Optional<Target> target(UUID fileId, UUID versionId) {
    return jdbc.sql("SELECT i.owner_id, i.name, i.deleted_at IS NULL, v.id, v.number,"
            + " v.blob_id, v.mime_type, v.status <> 'uploading', v.size, v.created_at"
            + " FROM items i JOIN versions v ON v.file_id = i.id"
            + " AND v.id = coalesce(?, i.current_version_id) WHERE i.id = ? AND i.kind = 'file'")
        .params(versionId, fileId)
        .query((rs, n) -> new Target(rs.getObject(1, UUID.class), rs.getString(2),
            rs.getBoolean(3), rs.getObject(4, UUID.class), rs.getInt(5),
            rs.getObject(6, UUID.class), rs.getString(7), rs.getBoolean(8), rs.getLong(9),
            rs.getTimestamp(10).toInstant()))
        .optional()
        .filter(Target::live);
  }

  private TicketIssuer.Issued sign(UUID fileId, Target target, boolean inline, Duration ttl,
      UUID actorId, Map<String, Object> details) {
    if (!target.stored()) {
      throw new DepotException(MetadataProblem.VERSION_NOT_AVAILABLE,
          "This version's upload has not completed.");
    }
    boolean shownInline = inline && INLINE_TYPES.contains(target.mimeType());
    TicketIssuer.Issued issued = tickets.download(fileId, target.versionId(), target.blobId(),
        target.ownerId(), target.size(), new Ticket.Delivery(target.name(), target.mimeType(),
            shownInline, target.createdAt()), clock.instant().plus(ttl));
    Map<String, Object> recorded = new HashMap<>(details);
    recorded.put("version", target.number());
    recorded.put("expiresAt", issued.expiresAt().toString());
    activity.record(target.ownerId(), actorId, "file.download-url-issued", fileId,
        target.name(), recorded);
    return issued;
  }
}
