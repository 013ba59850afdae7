package dev.depot.metadata.download;

import dev.depot.kit.openapi.Refusals;
import dev.depot.metadata.access.Caller;
import dev.depot.metadata.ticket.TicketIssuer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/files/{id}/download-url}: a short-lived signed URL to the bytes. */
@RestController
@Tag(name = "Files")
class DownloadUrlController {

    record DownloadUrlResponse(URI url, Instant expiresAt) {}

    private final DownloadUrlService downloads;

    DownloadUrlController(DownloadUrlService downloads) {
        this.downloads = downloads;
    }

    @GetMapping("/api/files/{id}/download-url")
    @Operation(operationId = "getDownloadUrl", summary = "A signed download URL for the current (or a given) version")
    @Refusals({"MALFORMED_REQUEST", "VALIDATION_FAILED", "FILE_NOT_FOUND", "VERSION_NOT_FOUND", "VERSION_NOT_AVAILABLE"
    })
    DownloadUrlResponse downloadUrl(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) UUID versionId,
            @RequestParam(defaultValue = "false") boolean inline,
            @RequestParam(required = false) @Min(1) @Max(86_400) Integer expiresIn) {
        TicketIssuer.Issued issued = downloads.issue(
                caller, id, versionId, inline, expiresIn == null ? null : Duration.ofSeconds(expiresIn));
        return new DownloadUrlResponse(issued.url(), issued.expiresAt());
    }
}
