package dev.depot.metadata.archive;

import dev.depot.kit.openapi.Refusals;
import dev.depot.metadata.access.Caller;
import dev.depot.metadata.paging.Page;
import dev.depot.metadata.paging.TimeCursor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Zip archives of files and folders: {@code POST /api/archives} asks for one (it is built in the
 * background), {@code GET /api/archives/{id}} follows it and, once ready, hands out a signed
 * download URL, {@code DELETE} drops it before it expires; {@code GET /api/archives} lists the
 * caller's.
 */
@RestController
@Tag(name = "Archives")
class ArchiveController {

    /**
     * What to archive.
     *
     * @param items files and folders (folders with everything in them), at the top of the zip
     * @param name the archive's name (".zip" is added); by default the single item's name
     */
    record CreateArchiveRequest(
            @NotEmpty List<@NotNull UUID> items, @Nullable String name) {}

    /**
     * An archive. {@code status} is {@code preparing}, {@code ready}, {@code failed} or {@code
     * expired}; {@code downloadUrl} is given while it is ready (a fresh URL on every read).
     */
    record ArchiveResponse(
            UUID id,
            String name,
            String status,
            int entries,
            long totalBytes,
            int entriesDone,
            long bytesDone,
            @Nullable Long size,
            @Nullable String error,
            Instant createdAt,
            Instant expiresAt,
            @Nullable URI downloadUrl,
            @Nullable Instant downloadUrlExpiresAt) {

        static ArchiveResponse of(ArchiveService.Described described) {
            Archive a = described.archive();
            var download = described.download();
            return new ArchiveResponse(
                    a.id(),
                    a.fileName(),
                    a.status(),
                    a.entries(),
                    a.totalBytes(),
                    a.entriesDone(),
                    a.bytesDone(),
                    a.size(),
                    a.error(),
                    a.createdAt(),
                    a.expiresAt(),
                    download == null ? null : download.url(),
                    download == null ? null : download.expiresAt());
        }
    }

    private final ArchiveService archives;

    ArchiveController(ArchiveService archives) {
        this.archives = archives;
    }

    @PostMapping("/api/archives")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            operationId = "createArchive",
            summary = "Ask for a zip archive of files and folders (built in the background)")
    @Refusals({"INVALID_NAME", "ITEM_NOT_FOUND", "ARCHIVE_TOO_LARGE", "BACKEND_UNAVAILABLE"})
    ResponseEntity<ArchiveResponse> create(Caller caller, @Valid @RequestBody CreateArchiveRequest request) {
        ArchiveService.Described created = archives.request(caller, request.items(), request.name());
        return ResponseEntity.accepted()
                .location(URI.create("/api/archives/" + created.archive().id()))
                .body(ArchiveResponse.of(created));
    }

    @GetMapping("/api/archives")
    @Operation(operationId = "listArchives", summary = "The caller's archives not yet expired, newest first")
    @Refusals({"MALFORMED_REQUEST", "VALIDATION_FAILED", "INVALID_CURSOR"})
    Page<ArchiveResponse> list(
            Caller caller,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
            @RequestParam(required = false) String cursor) {
        return Page.of(
                        archives.list(caller, TimeCursor.decode(cursor), limit + 1),
                        limit,
                        last -> new TimeCursor(
                                        last.archive().createdAt(),
                                        last.archive().id())
                                .encode())
                .map(ArchiveResponse::of);
    }

    @GetMapping("/api/archives/{id}")
    @Operation(operationId = "getArchive", summary = "An archive's progress, and its download URL once it is ready")
    @Refusals({"MALFORMED_REQUEST", "ARCHIVE_NOT_FOUND"})
    ArchiveResponse get(Caller caller, @PathVariable UUID id) {
        return ArchiveResponse.of(archives.describe(caller, id));
    }

    @DeleteMapping("/api/archives/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteArchive", summary = "Delete an archive before it expires")
    @Refusals({"MALFORMED_REQUEST", "ARCHIVE_NOT_FOUND"})
    ResponseEntity<Void> delete(Caller caller, @PathVariable UUID id) {
        archives.delete(caller, id);
        return ResponseEntity.noContent().build();
    }
}
