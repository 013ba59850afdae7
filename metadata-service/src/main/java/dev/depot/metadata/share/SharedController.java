package dev.depot.metadata.share;

import dev.depot.kit.openapi.Refusals;
import dev.depot.metadata.ticket.TicketIssuer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What anyone holding a share link's token may do, without an account: see the file ({@code GET
 * /api/shared/{token}}) and get a signed download URL ({@code GET
 * /api/shared/{token}/download-url}, rate-limited per link at the gateway).
 */
@RestController
@Tag(name = "Shared files")
class SharedController {

    record SharedFileResponse(
            String name,
            long size,
            String mimeType,
            Instant modifiedAt,
            @Nullable Instant expiresAt) {}

    record SharedDownloadResponse(URI url, Instant expiresAt) {}

    private final ShareLinkService shares;

    SharedController(ShareLinkService shares) {
        this.shares = shares;
    }

    @GetMapping("/api/shared/{token}")
    @Operation(operationId = "getSharedFile", summary = "The file a share link shows (no account needed)")
    @Refusals("SHARE_LINK_NOT_FOUND")
    SharedFileResponse file(@PathVariable String token) {
        ShareLinkRepository.Shared shared = shares.open(token);
        return new SharedFileResponse(
                shared.name(),
                shared.size(),
                shared.mimeType(),
                shared.modifiedAt(),
                shared.link().expiresAt());
    }

    @GetMapping("/api/shared/{token}/download-url")
    @Operation(
            operationId = "getSharedDownloadUrl",
            summary = "A signed download URL of the shared file (no account needed)")
    @Refusals("SHARE_LINK_NOT_FOUND")
    SharedDownloadResponse downloadUrl(@PathVariable String token) {
        TicketIssuer.Issued issued = shares.download(token);
        return new SharedDownloadResponse(issued.url(), issued.expiresAt());
    }
}
