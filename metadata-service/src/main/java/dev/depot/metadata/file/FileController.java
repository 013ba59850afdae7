package dev.depot.metadata.file;

import dev.depot.kit.openapi.Refusals;
import dev.depot.metadata.access.Caller;
import dev.depot.metadata.trash.TrashService;
import dev.depot.metadata.tree.Item;
import dev.depot.metadata.tree.ItemResponse;
import dev.depot.metadata.tree.OnConflict;
import dev.depot.metadata.tree.PathEntry;
import dev.depot.metadata.tree.TreeService;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/files/{id}}: a file, its versions, copies, renames and moves. */
@RestController
@RequestMapping("/api/files/{id}")
@Tag(name = "Files")
class FileController {

    record UpdateRequest(
            @Nullable String name,
            @Nullable UUID parentId,
            @Nullable OnConflict onConflict) {}

    record CopyRequest(
            @Nullable UUID parentId,
            @Nullable String name,
            @Nullable OnConflict onConflict) {}

    record VersionResponse(
            UUID id,
            int number,
            long size,
            String mimeType,
            @Nullable String sha256,
            String status,
            boolean current,
            Instant createdAt,
            UUID createdBy) {

        static VersionResponse of(Version v, UUID currentId) {
            return new VersionResponse(
                    v.id(),
                    v.number(),
                    v.size(),
                    v.mimeType(),
                    v.sha256(),
                    v.status().column(),
                    v.id().equals(currentId),
                    v.createdAt(),
                    v.createdBy());
        }
    }

    record FileResponse(ItemResponse file, VersionResponse version, List<PathEntry> path) {}

    private final FileService files;
    private final TreeService tree;
    private final TrashService trash;

    FileController(FileService files, TreeService tree, TrashService trash) {
        this.files = files;
        this.tree = tree;
        this.trash = trash;
    }

    @GetMapping
    @Operation(operationId = "getFile", summary = "A file, its current version and its breadcrumbs")
    @Refusals({"MALFORMED_REQUEST", "FILE_NOT_FOUND"})
    FileResponse get(Caller caller, @PathVariable UUID id) {
        FileService.FileView view = files.view(caller, id);
        return new FileResponse(
                ItemResponse.of(view.file()),
                VersionResponse.of(view.current(), view.file().currentVersionId()),
                PathEntry.of(view.path()));
    }

    @PatchMapping
    @Operation(operationId = "updateFile", summary = "Rename and/or move a file")
    @Refusals({"INVALID_NAME", "FILE_NOT_FOUND", "FOLDER_NOT_FOUND", "NAME_CONFLICT"})
    ItemResponse update(Caller caller, @PathVariable UUID id, @RequestBody UpdateRequest request) {
        return ItemResponse.of(tree.update(
                caller,
                Item.Kind.FILE,
                id,
                request.name(),
                request.parentId(),
                OnConflict.orDefault(request.onConflict(), OnConflict.FAIL)));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "trashFile", summary = "Move a file to the trash")
    @Refusals({"MALFORMED_REQUEST", "FILE_NOT_FOUND"})
    void delete(Caller caller, @PathVariable UUID id) {
        trash.trash(caller, Item.Kind.FILE, id);
    }

    @PostMapping("/copy")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "copyFile",
            summary = "Copy a file (no bytes are copied); renames on clash unless told otherwise")
    @Refusals({"INVALID_NAME", "FILE_NOT_FOUND", "FOLDER_NOT_FOUND", "NAME_CONFLICT", "QUOTA_EXCEEDED"})
    ResponseEntity<ItemResponse> copy(Caller caller, @PathVariable UUID id, @RequestBody CopyRequest request) {
        Item copy = files.copy(
                caller,
                id,
                request.parentId(),
                request.name(),
                OnConflict.orDefault(request.onConflict(), OnConflict.RENAME));
        return ResponseEntity.created(URI.create("/api/files/" + copy.id())).body(ItemResponse.of(copy));
    }

    @GetMapping("/versions")
    @Operation(operationId = "listVersions", summary = "A file's stored versions, newest first")
    @Refusals({"MALFORMED_REQUEST", "FILE_NOT_FOUND"})
    List<VersionResponse> versions(Caller caller, @PathVariable UUID id) {
        FileService.Versions versions = files.versions(caller, id);
        return versions.stored().stream()
                .map(v -> VersionResponse.of(v, versions.currentId()))
                .toList();
    }

    @PostMapping("/versions/{versionId}/restore")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "restoreVersion", summary = "Make an old version current again (as a new version)")
    @Refusals({"MALFORMED_REQUEST", "FILE_NOT_FOUND", "VERSION_NOT_FOUND", "QUOTA_EXCEEDED"})
    VersionResponse revert(Caller caller, @PathVariable UUID id, @PathVariable UUID versionId) {
        Version revived = files.revert(caller, id, versionId);
        return VersionResponse.of(revived, revived.id());
    }

    @DeleteMapping("/versions/{versionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteVersion", summary = "Delete an old version for good")
    @Refusals({"MALFORMED_REQUEST", "FILE_NOT_FOUND", "VERSION_NOT_FOUND", "CURRENT_VERSION"})
    void deleteVersion(Caller caller, @PathVariable UUID id, @PathVariable UUID versionId) {
        files.deleteVersion(caller, id, versionId);
    }
}
