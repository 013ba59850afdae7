package dev.depot.metadata.folder;

import dev.depot.kit.openapi.Refusals;
import dev.depot.metadata.access.Caller;
import dev.depot.metadata.paging.Page;
import dev.depot.metadata.trash.TrashService;
import dev.depot.metadata.tree.Item;
import dev.depot.metadata.tree.ItemResponse;
import dev.depot.metadata.tree.OnConflict;
import dev.depot.metadata.tree.PathEntry;
import dev.depot.metadata.tree.TreeService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/folders}: the caller's folder tree. */
@RestController
@RequestMapping("/api/folders")
@Tag(name = "Folders")
class FolderController {

    record CreateFolderRequest(
            @Nullable UUID parentId,
            @NotNull String name,
            @Nullable OnConflict onConflict) {}

    record UpdateRequest(
            @Nullable String name,
            @Nullable UUID parentId,
            @Nullable OnConflict onConflict) {}

    record FolderResponse(ItemResponse folder, List<PathEntry> path) {

        static FolderResponse of(FolderService.FolderView view) {
            return new FolderResponse(ItemResponse.of(view.folder()), PathEntry.of(view.path()));
        }
    }

    private final FolderService folders;
    private final TreeService tree;
    private final TrashService trash;

    FolderController(FolderService folders, TreeService tree, TrashService trash) {
        this.folders = folders;
        this.tree = tree;
        this.trash = trash;
    }

    @GetMapping("/root")
    @Operation(operationId = "getRootFolder", summary = "The caller's root folder")
    FolderResponse root(Caller caller) {
        return FolderResponse.of(folders.view(caller, folders.rootOf(caller)));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getFolder", summary = "A folder and its breadcrumbs from the root")
    @Refusals({"MALFORMED_REQUEST", "FOLDER_NOT_FOUND"})
    FolderResponse get(Caller caller, @PathVariable UUID id) {
        return FolderResponse.of(folders.view(caller, id));
    }

    @GetMapping("/{id}/children")
    @Operation(operationId = "listChildren", summary = "One page of a folder's children, folders first")
    @Refusals({"MALFORMED_REQUEST", "VALIDATION_FAILED", "INVALID_CURSOR", "FOLDER_NOT_FOUND"})
    Page<ItemResponse> children(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(defaultValue = "name") String sort,
            @RequestParam(defaultValue = "asc") String order,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(required = false) String cursor) {
        return folders.children(caller, id, ChildOrder.of(sort, order), limit, cursor)
                .map(ItemResponse::of);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createFolder", summary = "Create a folder (in the root folder when parentId is absent)")
    @Refusals({"INVALID_NAME", "FOLDER_NOT_FOUND", "NAME_CONFLICT", "TREE_TOO_DEEP"})
    ResponseEntity<ItemResponse> create(Caller caller, @Valid @RequestBody CreateFolderRequest request) {
        UUID parent = request.parentId() == null ? folders.rootOf(caller) : request.parentId();
        Item folder = tree.createFolder(
                caller, parent, request.name(), OnConflict.orDefault(request.onConflict(), OnConflict.FAIL));
        return ResponseEntity.created(URI.create("/api/folders/" + folder.id())).body(ItemResponse.of(folder));
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "updateFolder", summary = "Rename and/or move a folder")
    @Refusals({
        "INVALID_NAME",
        "FOLDER_NOT_FOUND",
        "NAME_CONFLICT",
        "MOVE_INTO_ITSELF",
        "ROOT_FOLDER_IMMUTABLE",
        "TREE_TOO_DEEP"
    })
    ItemResponse update(Caller caller, @PathVariable UUID id, @RequestBody UpdateRequest request) {
        return ItemResponse.of(tree.update(
                caller,
                Item.Kind.FOLDER,
                id,
                request.name(),
                request.parentId(),
                OnConflict.orDefault(request.onConflict(), OnConflict.FAIL)));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "trashFolder", summary = "Move a folder and everything in it to the trash")
    @Refusals({"MALFORMED_REQUEST", "FOLDER_NOT_FOUND", "ROOT_FOLDER_IMMUTABLE"})
    void delete(Caller caller, @PathVariable UUID id) {
        trash.trash(caller, Item.Kind.FOLDER, id);
    }
}
