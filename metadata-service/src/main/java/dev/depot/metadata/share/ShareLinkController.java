package dev.depot.metadata.share;

import dev.depot.kit.openapi.Refusals;
import dev.depot.metadata.access.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A file owner's public links: {@code POST /api/files/{id}/share-links} makes one, {@code GET}
 * lists them, {@code DELETE /api/share-links/{id}} revokes one.
 */
@RestController
@Tag(name = "Share links")
class ShareLinkController {

    /**
     * @param expiresAt when the link stops working; by default never (until revoked)
     */
    record CreateShareLinkRequest(@Nullable Instant expiresAt) {}

    /**
     * A link. {@code url} is the page anyone can open; {@code downloads} counts the download URLs it
     * handed out.
     */
    record ShareLinkResponse(
            UUID id,
            UUID fileId,
            String token,
            URI url,
            Instant createdAt,
            @Nullable Instant expiresAt,
            boolean expired,
            long downloads,
            @Nullable Instant lastUsedAt) {}

    record ShareLinksResponse(List<ShareLinkResponse> items) {}

    private final ShareLinkService shares;

    ShareLinkController(ShareLinkService shares) {
        this.shares = shares;
    }

    @PostMapping("/api/files/{id}/share-links")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "createShareLink",
            summary = "Make a public link to a file (anyone holding it may download the file)")
    @Refusals({"EMAIL_NOT_VERIFIED", "FILE_NOT_FOUND", "SHARE_LINK_LIMIT"})
    ResponseEntity<ShareLinkResponse> create(
            Caller caller, @PathVariable UUID id, @RequestBody(required = false) CreateShareLinkRequest request) {
        ShareLink link = shares.create(caller, id, request == null ? null : request.expiresAt());
        return ResponseEntity.created(URI.create("/api/share-links/" + link.id()))
                .body(response(link));
    }

    @GetMapping("/api/files/{id}/share-links")
    @Operation(operationId = "listShareLinks", summary = "A file's public links, newest first")
    @Refusals({"MALFORMED_REQUEST", "FILE_NOT_FOUND"})
    ShareLinksResponse list(Caller caller, @PathVariable UUID id) {
        return new ShareLinksResponse(
                shares.list(caller, id).stream().map(this::response).toList());
    }

    @DeleteMapping("/api/share-links/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeShareLink", summary = "Revoke a public link at once")
    @Refusals({"MALFORMED_REQUEST", "SHARE_LINK_NOT_FOUND"})
    ResponseEntity<Void> revoke(Caller caller, @PathVariable UUID id) {
        shares.revoke(caller, id);
        return ResponseEntity.noContent().build();
    }

    private ShareLinkResponse response(ShareLink link) {
        return new ShareLinkResponse(
                link.id(),
                link.fileId(),
                link.token(),
                shares.page(link),
                link.createdAt(),
                link.expiresAt(),
                shares.expired(link),
                link.downloads(),
                link.lastUsedAt());
    }
}
