package dev.depot.metadata.upload;

import dev.depot.kit.openapi.Refusals;
import dev.depot.metadata.access.Caller;
import dev.depot.metadata.account.AccountDirectory;
import dev.depot.metadata.tree.OnConflict;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Upload starts: {@code POST /api/files} for a new file, {@code POST /api/files/{id}/versions} for
 * a new version. The answer says where to send the bytes (tus) and with which ticket.
 */
@RestController
@Tag(name = "Uploads")
class UploadController {

    record StartUploadRequest(
            @Nullable UUID folderId,
            @NotNull String name,
            @NotNull @PositiveOrZero Long size,
            @Nullable String mimeType,
            @Nullable String sha256,
            @Nullable OnConflict onConflict) {}

    record StartVersionRequest(
            @NotNull @PositiveOrZero Long size,
            @Nullable String mimeType,
            @Nullable String sha256) {}

    /**
     * Where and how to upload: send the bytes with tus to {@code uploadUrl}, presenting {@code
     * ticket}, before {@code expiresAt}; at most {@code maxBytes}.
     */
    record UploadResponse(
            UUID fileId,
            UUID versionId,
            int versionNumber,
            String name,
            UUID folderId,
            URI uploadUrl,
            String ticket,
            long maxBytes,
            Instant expiresAt) {

        static UploadResponse of(UploadService.Started s) {
            return new UploadResponse(
                    s.file().id(),
                    s.version().id(),
                    s.version().number(),
                    s.file().name(),
                    s.file().parentId(),
                    s.upload().url(),
                    s.upload().ticket(),
                    s.version().size(),
                    s.upload().expiresAt());
        }
    }

    private final UploadService uploads;
    private final AccountDirectory accounts;

    UploadController(UploadService uploads, AccountDirectory accounts) {
        this.uploads = uploads;
        this.accounts = accounts;
    }

    @PostMapping("/api/files")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "startUpload",
            summary = "Start uploading a file into a folder (the root folder by default)")
    @Refusals({"INVALID_NAME", "FOLDER_NOT_FOUND", "NAME_CONFLICT", "QUOTA_EXCEEDED"})
    ResponseEntity<UploadResponse> start(Caller caller, @Valid @RequestBody StartUploadRequest request) {
        UUID folder = request.folderId() != null
                ? request.folderId()
                : accounts.rootFolder(caller.userId()).orElseThrow();
        UploadService.Started started = uploads.start(
                caller,
                folder,
                request.name(),
                new UploadService.Declared(request.size(), request.mimeType(), request.sha256()),
                OnConflict.orDefault(request.onConflict(), OnConflict.FAIL));
        return ResponseEntity.created(URI.create("/api/files/" + started.file().id()))
                .body(UploadResponse.of(started));
    }

    @PostMapping("/api/files/{id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "startVersionUpload", summary = "Start uploading a new version of a file")
    @Refusals({"FILE_NOT_FOUND", "QUOTA_EXCEEDED"})
    ResponseEntity<UploadResponse> startVersion(
            Caller caller, @PathVariable UUID id, @Valid @RequestBody StartVersionRequest request) {
        UploadService.Started started = uploads.startVersion(
                caller, id, new UploadService.Declared(request.size(), request.mimeType(), request.sha256()));
        return ResponseEntity.created(URI.create("/api/files/" + id)).body(UploadResponse.of(started));
    }
}
